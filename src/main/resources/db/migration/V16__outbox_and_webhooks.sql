-- Issue 13: domain events in an outbox, webhook subscriptions of API clients and their deliveries.

-- Every event is written in the transaction of the change that caused it; a rolled-back change leaves none.
-- Order: (tx, seq). tx is the writing transaction's id: rows of transactions older than the oldest one still running
-- (pg_snapshot_xmin) can no longer gain a neighbour before them, so a reader that stops there never skips a row that
-- commits later with a smaller seq (the change feed and the webhook fan-out read that way).
CREATE TABLE outbox_event (
    seq            bigserial    PRIMARY KEY,
    tx             bigint       NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
    id             uuid         NOT NULL UNIQUE,
    type           varchar(64)  NOT NULL,
    schema_version integer      NOT NULL,
    case_id        uuid         REFERENCES case_file (id),
    case_number    varchar(32),
    unit_code      varchar(64),
    occurred_at    timestamptz  NOT NULL,
    payload        jsonb        NOT NULL
);
CREATE INDEX outbox_event_position_idx ON outbox_event (tx, seq);
CREATE INDEX outbox_event_case_idx ON outbox_event (case_id);

-- A client's webhook: where to send which events, signed with its secret (Standard Webhooks).
-- The client's roles and org units are kept as of subscribing: deliveries are scoped with them like the client's reads.
CREATE TABLE webhook_subscription (
    id           uuid          PRIMARY KEY,
    owner        varchar(255)  NOT NULL,
    owner_roles  varchar(1000) NOT NULL,
    owner_units  varchar(1000) NOT NULL,
    url          varchar(2000) NOT NULL,
    event_types  varchar(2000),
    secret       varchar(200)  NOT NULL,
    created_at   timestamptz   NOT NULL,
    after_tx     bigint        NOT NULL,
    after_seq    bigint        NOT NULL
);
CREATE INDEX webhook_subscription_owner_idx ON webhook_subscription (owner, created_at);

-- One event (or a test message) to one subscription: PENDING until delivered, retried with back-off, DEAD after the
-- retry period. message_id is the webhook-id, the same on every attempt (the event's id for events).
CREATE TABLE webhook_delivery (
    id               bigserial     PRIMARY KEY,
    subscription_id  uuid          NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    message_id       uuid          NOT NULL,
    event_seq        bigint        REFERENCES outbox_event (seq),
    test_payload     text,
    status           varchar(16)   NOT NULL,
    attempts         integer       NOT NULL DEFAULT 0,
    first_due_at     timestamptz   NOT NULL,
    next_attempt_at  timestamptz   NOT NULL,
    last_attempt_at  timestamptz,
    last_status      integer,
    last_error       varchar(500),
    delivered_at     timestamptz,
    UNIQUE (subscription_id, event_seq)
);
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_log_idx ON webhook_delivery (subscription_id, id DESC);

-- GET /api/v1/cases?updatedSince=…: cases with a timeline entry since then
CREATE INDEX case_event_case_occurred_idx ON case_event (case_id, occurred_at);
