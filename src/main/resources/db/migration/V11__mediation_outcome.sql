-- How a mediation ended (issue 11, item 8): SETTLED, NOT_SETTLED, TIMED_OUT or DECLINED, recorded when it happens;
-- empty while the mediation runs. A mediation success rate counts from this column, not from the case's
-- handlingOutcome (which only says the handling process is finished).
ALTER TABLE mediation ADD COLUMN outcome varchar(16)
    CONSTRAINT mediation_outcome_known CHECK (outcome IN ('SETTLED', 'NOT_SETTLED', 'TIMED_OUT', 'DECLINED'));

-- Mediations that ended before this column, read from what the record kept: settled ones carry no referral; a
-- declined dispute was never accepted (no parties recorded); the three heads' time-up referred to the county centre
-- with its fixed reason; any other referral followed a failed last level.
UPDATE mediation SET outcome = 'SETTLED'
 WHERE status IN ('SETTLED', 'CONCLUDED') AND referral_channel IS NULL;
UPDATE mediation SET outcome = CASE
        WHEN parties IS NULL THEN 'DECLINED'
        WHEN level = 'THREE_HEADS' AND referral_channel = 'COUNTY_CENTRE'
             AND referral_reason = '三长会商期满未能调成，报县综治中心协调督促办理' THEN 'TIMED_OUT'
        ELSE 'NOT_SETTLED' END
 WHERE status = 'REFERRED';
