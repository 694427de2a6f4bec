-- Supervision orders (督办单): a whistled department that missed its acknowledgement (报到) or handling limit gets one,
-- with its own deadline and a required reply, copied to the supervision office and the discipline commission.
-- Missing that deadline too escalates to the county; the orders stay for the monthly assessment.

CREATE TABLE supervision_order (
    id              uuid          PRIMARY KEY,
    case_id         uuid          NOT NULL REFERENCES case_file (id),
    department_code varchar(64)   NOT NULL,
    phase           varchar(16)   NOT NULL,
    issuer          varchar(100)  NOT NULL,
    reason          text          NOT NULL,
    copied_to       varchar(400)  NOT NULL,
    issued_at       timestamptz   NOT NULL,
    reply_due_at    timestamptz   NOT NULL,
    status          varchar(16)   NOT NULL,
    reply           text,
    replied_by      varchar(100),
    replied_at      timestamptz,
    missed_at       timestamptz,
    version         bigint        NOT NULL
);
CREATE INDEX supervision_order_case_idx ON supervision_order (case_id);
CREATE INDEX supervision_order_department_idx ON supervision_order (department_code, issued_at);
