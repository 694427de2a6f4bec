-- A supervision order (督办单) is worked as a process (supervision-order.bpmn): the department's reply stops its
-- deadline and is reviewed by the level that issued it (accepted, or sent back with a new deadline); a missed order
-- goes to the county centre for 约谈 or 督办审核. The review and the county's measure are kept on the order.

ALTER TABLE supervision_order
    ADD COLUMN review_note    text,
    ADD COLUMN reviewed_by    varchar(100),
    ADD COLUMN reviewed_at    timestamptz,
    ADD COLUMN county_measure varchar(16),
    ADD COLUMN county_note    text,
    ADD COLUMN county_by      varchar(100),
    ADD COLUMN county_at      timestamptz;
