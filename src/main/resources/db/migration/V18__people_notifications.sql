-- Issue 13, Channels 2: messages to people (reporter, unit staff, copy-to recipients), made from the outbox after
-- the change committed and sent by any node's poller (docs/integration.md, "People and channels").

-- The resident registry may know a reporter's e-mail address beside their phone.
ALTER TABLE resident ADD COLUMN email varchar(254);

-- How far the people dispatcher has read the outbox: one row, locked by the node reading (FOR UPDATE SKIP LOCKED).
CREATE TABLE notification_cursor (
    id        integer PRIMARY KEY CHECK (id = 1),
    after_tx  bigint  NOT NULL,
    after_seq bigint  NOT NULL
);
-- messages start with the events committed after this migration: earlier ones were told by the old notifiers
INSERT INTO notification_cursor (id, after_tx, after_seq)
SELECT 1, coalesce(max(tx), 0), coalesce(max(seq), 0) FROM outbox_event WHERE tx = (SELECT max(tx) FROM outbox_event);

-- One message of one event to one recipient over one channel, written once (the unique key makes a re-read of the
-- outbox harmless), PENDING until the channel took it, retried with back-off, DEAD after the retry period.
-- channel 'inbox' rows are a staff member's in-app inbox (GET /api/v1/notifications).
CREATE TABLE notification_message (
    id               bigserial     PRIMARY KEY,
    event_id         uuid          NOT NULL,
    event_type       varchar(64)   NOT NULL,
    case_id          uuid,
    case_number      varchar(32),
    recipient        varchar(255)  NOT NULL,
    channel          varchar(64)   NOT NULL,
    address          varchar(320)  NOT NULL,
    template         varchar(64)   NOT NULL,
    subject          varchar(500)  NOT NULL,
    body             text          NOT NULL,
    status           varchar(16)   NOT NULL,
    attempts         integer       NOT NULL DEFAULT 0,
    created_at       timestamptz   NOT NULL DEFAULT now(),
    next_attempt_at  timestamptz   NOT NULL DEFAULT now(),
    last_error       varchar(500),
    sent_at          timestamptz,
    read_at          timestamptz,
    UNIQUE (event_id, recipient, channel)
);
CREATE INDEX notification_message_due_idx ON notification_message (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX notification_message_inbox_idx ON notification_message (recipient, id DESC) WHERE channel = 'inbox';
