-- The engine's history level is now process.CountyHistoryLevel ('county', id 25): level FULL without ACT_HI_DETAIL's
-- row per process-variable write and without the SLA policy's look-ups (docs/operations.md, "Engine history").
-- Camunda stores the level it was created with in ACT_GE_PROPERTY and refuses to start when the configured one
-- differs, so a database made at FULL (id 3) is moved to the new level here. Flyway runs before the engine: on a new
-- database the engine's tables do not exist yet and the engine writes the new level itself. A database kept at another
-- level on purpose (an operator's camunda.bpm.history-level) is left as it is.
DO $$
BEGIN
    IF to_regclass('act_ge_property') IS NOT NULL THEN
        UPDATE act_ge_property SET value_ = '25', rev_ = rev_ + 1 WHERE name_ = 'historyLevel' AND value_ = '3';
    END IF;
END
$$;
