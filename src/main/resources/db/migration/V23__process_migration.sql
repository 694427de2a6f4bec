-- Migrations of running process instances from one process version to another (POST /api/v1/admin/migrations).
-- The plan's instructions are kept so that each migrated instance's SLA clocks can be bound to the timers' ids in the
-- target version in the same transaction as the instance moves, and so that the migration can be explained afterwards.

CREATE TABLE process_migration (
    id                   uuid          PRIMARY KEY,
    process_key          varchar(255)  NOT NULL,
    from_version         integer       NOT NULL,
    to_version           integer       NOT NULL,
    source_definition_id varchar(64)   NOT NULL,
    target_definition_id varchar(64)   NOT NULL,
    batch_id             varchar(64)   NOT NULL,
    instances            bigint        NOT NULL,
    requested_by         varchar(100)  NOT NULL,
    requested_at         timestamptz   NOT NULL,
    version              bigint        NOT NULL
);
CREATE INDEX process_migration_target_idx ON process_migration (target_definition_id, requested_at);

CREATE TABLE process_migration_instruction (
    process_migration    uuid          NOT NULL REFERENCES process_migration (id),
    position             integer       NOT NULL,
    source_activity      varchar(255)  NOT NULL,
    target_activity      varchar(255)  NOT NULL,
    generated            boolean       NOT NULL,
    update_event_trigger boolean       NOT NULL,
    PRIMARY KEY (process_migration, position)
);
