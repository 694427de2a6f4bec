-- 乱吹哨: the township of the case's place (or the county centre) judges a whistle once, PROPER or FRIVOLOUS, with the
-- reason (POST /api/v1/whistles/{id}/judgement); judgement, judged_by and judged_at exist since V12.
ALTER TABLE whistle ADD COLUMN judgement_reason varchar(2000);
