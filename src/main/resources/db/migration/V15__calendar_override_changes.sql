-- Who entered a local calendar day, and every change to them through the admin API (who, when, what, why, and how
-- many running SLA clocks moved with it). Rows entered by SQL before this version keep 'sql' as their author.
ALTER TABLE calendar_override ADD COLUMN created_by varchar(100) NOT NULL DEFAULT 'sql';

CREATE TABLE calendar_override_change (
    id            uuid         PRIMARY KEY,
    action        varchar(10)  NOT NULL CHECK (action IN ('ADDED', 'REMOVED')),
    day           date         NOT NULL,
    working       boolean      NOT NULL,
    reason        varchar(200) NOT NULL,
    actor         varchar(100) NOT NULL,
    changed_at    timestamptz  NOT NULL,
    moved_clocks  integer      NOT NULL
);
CREATE INDEX calendar_override_change_at_idx ON calendar_override_change (changed_at DESC, id);

-- The audit trail is append-only, like the case timeline.
CREATE FUNCTION calendar_override_change_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'calendar_override_change is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER calendar_override_change_append_only
    BEFORE UPDATE OR DELETE ON calendar_override_change
    FOR EACH ROW EXECUTE FUNCTION calendar_override_change_is_append_only();
