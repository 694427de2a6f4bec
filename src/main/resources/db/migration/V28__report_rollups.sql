-- Reports from daily roll-ups (docs/reports.md, "How it is computed"): per day and unit, the counts every figure is
-- made of. A day is rolled up as a whole (idempotent: its rows are deleted and computed again from the raw rows);
-- every change to a row a figure counts marks the day(s) it counts in as dirty, in the same transaction, so a late
-- row (a case resolved next month, an evaluation, a 确权, a judgement of a whistle) lands in its own day.

-- the counts of one unit on one day: metric (e.g. received, handlingLate, channel) and key (the channel, category,
-- level, grid/category, case id for 超期件数, working-hours bucket for the percentile; '' when none)
CREATE TABLE report_daily (
    unit_code  varchar(64)  NOT NULL,
    day        date         NOT NULL,
    metric     varchar(32)  NOT NULL,
    key        varchar(200) NOT NULL,
    value      bigint       NOT NULL,
    PRIMARY KEY (unit_code, day, metric, key)
);
CREATE INDEX report_daily_day_idx ON report_daily (day);

-- the days whose rows in report_daily are complete (as of rolled_at); a day not here is counted from raw rows
CREATE TABLE report_rolled_day (
    day        date         PRIMARY KEY,
    rolled_at  timestamptz  NOT NULL
);

-- days changed since their roll-up; deleted by the roll-up that counts them (first, so that a change committed
-- during a roll-up leaves its mark). Not unique on purpose: a writer never waits for another writer's mark.
CREATE TABLE report_dirty_day (
    id   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    day  date   NOT NULL
);
CREATE INDEX report_dirty_day_idx ON report_dirty_day (day);

-- the county's time zone the days are counted in (casegrid.zone; the service writes it at start and, when it
-- changed, forgets every roll-up)
CREATE TABLE report_rollup_zone (
    id    integer     PRIMARY KEY CHECK (id = 1),
    zone  varchar(64) NOT NULL
);
INSERT INTO report_rollup_zone (id, zone) VALUES (1, 'Asia/Shanghai');

CREATE FUNCTION report_mark(times timestamptz[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO report_dirty_day (day)
    SELECT DISTINCT d
      FROM (SELECT (t AT TIME ZONE (SELECT zone FROM report_rollup_zone WHERE id = 1))::date AS d
              FROM unnest(times) AS t WHERE t IS NOT NULL) days
     WHERE NOT EXISTS (SELECT 1 FROM report_dirty_day x WHERE x.day = days.d)
$$;

-- every time a row of these cases counts at (a case's place, handler or called-in departments changed)
CREATE FUNCTION report_case_times(ids uuid[]) RETURNS timestamptz[] LANGUAGE sql STABLE AS $$
    SELECT ARRAY(SELECT reported_at FROM case_file WHERE id = ANY (ids)
                 UNION SELECT occurred_at FROM case_event WHERE case_id = ANY (ids)
                 UNION SELECT stopped_at FROM sla_clock WHERE case_id = ANY (ids)
                 UNION SELECT breached_at FROM sla_clock WHERE case_id = ANY (ids)
                 UNION SELECT blown_at FROM whistle WHERE case_id = ANY (ids)
                 UNION SELECT issued_at FROM supervision_order WHERE case_id = ANY (ids)
                 UNION SELECT escalated_at FROM escalation WHERE case_id = ANY (ids))
$$;

CREATE FUNCTION report_mark_case_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM report_mark(ARRAY(SELECT DISTINCT reported_at FROM new_rows));
    RETURN NULL;
END $$;

CREATE FUNCTION report_mark_case_updated() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed uuid[];
BEGIN
    changed := ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
                      WHERE (n.unit_code, n.grid_code, n.village_code, n.township_code, n.county_code,
                             n.handling_unit_code, n.department_code, n.reported_at, n.valid, n.vulnerable, n.channel,
                             n.category_code, n.start_level)
                            IS DISTINCT FROM
                            (o.unit_code, o.grid_code, o.village_code, o.township_code, o.county_code,
                             o.handling_unit_code, o.department_code, o.reported_at, o.valid, o.vulnerable, o.channel,
                             o.category_code, o.start_level));
    IF cardinality(changed) > 0 THEN
        PERFORM report_mark(report_case_times(changed));
        PERFORM report_mark(ARRAY(SELECT o.reported_at FROM old_rows o WHERE o.id = ANY (changed)));
    END IF;
    RETURN NULL;
END $$;

-- a timeline entry counts on its day; a case's first result sent also counts for 办结率 on the day it was reported
CREATE FUNCTION report_mark_event_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM report_mark(ARRAY(SELECT DISTINCT occurred_at FROM new_rows
                              UNION SELECT c.reported_at FROM new_rows n JOIN case_file c ON c.id = n.case_id
                                     WHERE n.type = 'RESULT_SENT'));
    RETURN NULL;
END $$;

CREATE FUNCTION report_mark_clock_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM report_mark(ARRAY(SELECT stopped_at FROM new_rows UNION SELECT breached_at FROM new_rows));
    RETURN NULL;
END $$;

CREATE FUNCTION report_mark_clock_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM report_mark(ARRAY(SELECT stopped_at FROM new_rows UNION SELECT breached_at FROM new_rows
                              UNION SELECT stopped_at FROM old_rows UNION SELECT breached_at FROM old_rows));
    RETURN NULL;
END $$;

-- a whistle counts on the day it was blown, and it makes the departments it calls in count every row of its case
CREATE FUNCTION report_mark_whistle() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM report_mark(report_case_times(ARRAY(SELECT DISTINCT case_id FROM new_rows)));
    RETURN NULL;
END $$;

CREATE FUNCTION report_mark_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM report_mark(ARRAY(SELECT DISTINCT issued_at FROM new_rows));
    RETURN NULL;
END $$;

CREATE FUNCTION report_mark_escalation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM report_mark(ARRAY(SELECT DISTINCT escalated_at FROM new_rows));
    RETURN NULL;
END $$;

-- a mediation's level, referral, opening and 司法确认 count on the day it was concluded
CREATE FUNCTION report_mark_mediation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM report_mark(ARRAY(SELECT e.occurred_at FROM case_event e
                               WHERE e.case_id IN (SELECT case_id FROM new_rows) AND e.type = 'MEDIATION_CONCLUDED'));
    RETURN NULL;
END $$;

-- a unit moved in the tree changes whose whistles count where: every roll-up is made again
CREATE FUNCTION report_forget_rollups() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM new_rows n JOIN old_rows o ON o.code = n.code
                WHERE (n.parent_code, n.level) IS DISTINCT FROM (o.parent_code, o.level)) THEN
        DELETE FROM report_rolled_day;
    END IF;
    RETURN NULL;
END $$;

-- working hours depend on the calendar (holidays, 调休): a change of it makes every roll-up again
CREATE FUNCTION report_forget_all_rollups() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM report_rolled_day;
    RETURN NULL;
END $$;

CREATE TRIGGER case_file_report_inserted AFTER INSERT ON case_file REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION report_mark_case_inserted();
CREATE TRIGGER case_file_report_updated AFTER UPDATE ON case_file REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION report_mark_case_updated();
CREATE TRIGGER case_event_report_inserted AFTER INSERT ON case_event REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION report_mark_event_inserted();
CREATE TRIGGER sla_clock_report_inserted AFTER INSERT ON sla_clock REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION report_mark_clock_inserted();
CREATE TRIGGER sla_clock_report_updated AFTER UPDATE ON sla_clock REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION report_mark_clock_updated();
CREATE TRIGGER whistle_report_inserted AFTER INSERT ON whistle REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION report_mark_whistle();
CREATE TRIGGER whistle_report_updated AFTER UPDATE ON whistle REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION report_mark_whistle();
CREATE TRIGGER supervision_order_report_inserted AFTER INSERT ON supervision_order REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION report_mark_order();
CREATE TRIGGER supervision_order_report_updated AFTER UPDATE ON supervision_order REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION report_mark_order();
CREATE TRIGGER escalation_report_inserted AFTER INSERT ON escalation REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION report_mark_escalation();
CREATE TRIGGER mediation_report_updated AFTER UPDATE ON mediation REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION report_mark_mediation();
CREATE TRIGGER org_unit_report_updated AFTER UPDATE ON org_unit REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION report_forget_rollups();
CREATE TRIGGER calendar_override_report_changed AFTER INSERT OR UPDATE OR DELETE ON calendar_override
    FOR EACH STATEMENT EXECUTE FUNCTION report_forget_all_rollups();
