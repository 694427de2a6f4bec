-- SLA clocks (限时受理、派单、处置、反馈) and escalations (三级响应: 网格/村 → 乡街 → 县综治中心).
-- A clock is kept after it stops so that every time limit can be explained afterwards.

CREATE TABLE sla_clock (
    id                   uuid         PRIMARY KEY,
    case_id              uuid         NOT NULL REFERENCES case_file (id),
    phase                varchar(16)  NOT NULL,
    level                varchar(16)  NOT NULL,
    unit_code            varchar(64)  NOT NULL,
    department_code      varchar(64),
    sla_class            varchar(16)  NOT NULL,
    time_limit           varchar(32)  NOT NULL,
    counting             varchar(8)   NOT NULL,
    started_at           timestamptz  NOT NULL,
    due_at               timestamptz  NOT NULL,
    warn_at              timestamptz  NOT NULL,
    -- the limit as time in its own counting (two working days = PT14H of office hours), extensions included:
    -- what the due time is recomputed from when the calendar changes
    budget               varchar(32)  NOT NULL,
    warned_at            timestamptz,
    breached_at          timestamptz,
    paused_at            timestamptz,
    -- what was left when the clock paused, in its own counting (working or natural time)
    remaining_at_pause   varchar(32),
    warn_remaining_at_pause varchar(32),
    stopped_at           timestamptz,
    stop_reason          varchar(16),
    -- the process instance and the BPMN timers that read this clock's due and warning times
    process_instance_id  varchar(64),
    due_variable         varchar(64),
    warn_variable        varchar(64),
    due_timer            varchar(64),
    warn_timer           varchar(64),
    version              bigint       NOT NULL
);
CREATE INDEX sla_clock_case_idx ON sla_clock (case_id);
CREATE INDEX sla_clock_open_idx ON sla_clock (due_at) WHERE stopped_at IS NULL;

CREATE TABLE sla_clock_pause (
    sla_clock  uuid         NOT NULL REFERENCES sla_clock (id),
    position   integer      NOT NULL,
    started_at timestamptz  NOT NULL,
    ended_at   timestamptz,
    reason     text,
    PRIMARY KEY (sla_clock, position)
);

CREATE TABLE sla_clock_event (
    sla_clock  uuid         NOT NULL REFERENCES sla_clock (id),
    position   integer      NOT NULL,
    at         timestamptz  NOT NULL,
    type       varchar(16)  NOT NULL,
    due_at     timestamptz,
    note       text,
    actor      varchar(100) NOT NULL,
    PRIMARY KEY (sla_clock, position)
);

CREATE TABLE escalation (
    id           uuid         PRIMARY KEY,
    case_id      uuid         NOT NULL REFERENCES case_file (id),
    from_level   varchar(16)  NOT NULL,
    from_unit    varchar(64)  NOT NULL,
    to_level     varchar(16)  NOT NULL,
    to_unit      varchar(64)  NOT NULL,
    trigger      varchar(16)  NOT NULL,
    reason       text         NOT NULL,
    actor        varchar(100) NOT NULL,
    escalated_at timestamptz  NOT NULL
);
CREATE INDEX escalation_case_idx ON escalation (case_id);
CREATE INDEX escalation_at_idx ON escalation (escalated_at);
