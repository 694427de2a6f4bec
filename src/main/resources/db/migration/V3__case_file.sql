-- The case file: the product's permanent record of a case (Camunda's history is operational only).
CREATE SEQUENCE case_number_seq;

CREATE TABLE case_file (
    id                    uuid         PRIMARY KEY,
    case_number           varchar(32)  NOT NULL UNIQUE,
    channel               varchar(32)  NOT NULL,
    channel_reference     varchar(100),
    category_code         varchar(64)  NOT NULL,
    title                 varchar(200) NOT NULL,
    description           text         NOT NULL,
    address               varchar(500) NOT NULL,
    latitude              double precision,
    longitude             double precision,
    unit_code             varchar(64)  NOT NULL REFERENCES org_unit (code),
    grid_code             varchar(64),
    village_code          varchar(64),
    township_code         varchar(64),
    county_code           varchar(64),
    reporter_name         varchar(100),
    reporter_phone        varchar(40),
    occurred_at           timestamptz,
    reported_at           timestamptz  NOT NULL,
    step                  varchar(16)  NOT NULL,
    track                 varchar(16),
    handling_unit_code    varchar(64)  REFERENCES org_unit (code),
    resolution            text,
    valid                 boolean      NOT NULL DEFAULT true,
    redo_count            integer      NOT NULL DEFAULT 0,
    possible_duplicates   varchar(1000),
    evaluation_score      varchar(24),
    evaluation_comment    varchar(1000),
    evaluation_at         timestamptz,
    evaluation_defaulted  boolean,
    archived_at           timestamptz,
    version               bigint       NOT NULL
);
CREATE INDEX case_file_reported_idx ON case_file (reported_at DESC);
CREATE INDEX case_file_step_idx ON case_file (step, reported_at DESC);
CREATE INDEX case_file_unit_idx ON case_file (unit_code);
CREATE INDEX case_file_grid_idx ON case_file (grid_code);
CREATE INDEX case_file_village_idx ON case_file (village_code);
CREATE INDEX case_file_township_idx ON case_file (township_code);
CREATE INDEX case_file_handling_unit_idx ON case_file (handling_unit_code);
CREATE INDEX case_file_category_idx ON case_file (category_code, reported_at DESC);

CREATE TABLE case_attachment (
    case_id     uuid          NOT NULL REFERENCES case_file (id),
    position    integer       NOT NULL,
    uri         varchar(2000) NOT NULL,
    name        varchar(255),
    media_type  varchar(100),
    PRIMARY KEY (case_id, position)
);

-- The timeline: append-only. The trigger below refuses UPDATE and DELETE so the archive can be trusted.
CREATE TABLE case_event (
    id          bigserial    PRIMARY KEY,
    case_id     uuid         NOT NULL REFERENCES case_file (id),
    occurred_at timestamptz  NOT NULL,
    type        varchar(40)  NOT NULL,
    step        varchar(16),
    actor       varchar(100) NOT NULL,
    summary     varchar(1000) NOT NULL,
    details     jsonb        NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX case_event_case_idx ON case_event (case_id, id);

CREATE FUNCTION case_event_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'case_event is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER case_event_append_only
    BEFORE UPDATE OR DELETE ON case_event
    FOR EACH ROW EXECUTE FUNCTION case_event_is_append_only();

-- Idempotent intake: one row per Idempotency-Key (or channel:channelReference), written in the same
-- transaction as the case, so a retried request finds the case it created.
CREATE TABLE intake_request (
    idempotency_key varchar(240) PRIMARY KEY,
    request_hash    char(64)     NOT NULL,
    case_id         uuid         NOT NULL,
    received_at     timestamptz  NOT NULL
);
