-- Reports (专报, 三率, assessment): indexes that let a unit's figures for a period be computed from the product's own
-- tables by time range, without scanning history (docs/reports.md), and the frozen monthly reports.

-- what happened in a period: timeline entries by type and time (evaluations, redo, results sent, 退单, 确权, mediation)
CREATE INDEX case_event_type_time_idx ON case_event (type, occurred_at);
CREATE INDEX case_file_county_reported_idx ON case_file (county_code, reported_at);
CREATE INDEX sla_clock_stopped_idx ON sla_clock (phase, stopped_at) WHERE stopped_at IS NOT NULL;
CREATE INDEX sla_clock_breached_idx ON sla_clock (breached_at) WHERE breached_at IS NOT NULL;
CREATE INDEX supervision_order_issued_idx ON supervision_order (issued_at);
CREATE INDEX whistle_blown_idx ON whistle (blown_at);

-- The monthly 专报 (processes/monthly-report.bpmn): each computation is a version; a published version is frozen — its
-- content is never recomputed, and content_hash (SHA-256 of the stored content) shows it was not changed.
CREATE TABLE monthly_report (
    id                  uuid         PRIMARY KEY,
    unit_code           varchar(64)  NOT NULL REFERENCES org_unit (code),
    period_from         date         NOT NULL,
    period_to           date         NOT NULL,
    version_number      integer      NOT NULL,
    status              varchar(16)  NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'SUPERSEDED')),
    content             text         NOT NULL,
    content_hash        char(64)     NOT NULL,
    computed_at         timestamptz  NOT NULL,
    review_comment      varchar(2000),
    published_by        varchar(100),
    published_at        timestamptz,
    process_instance_id varchar(64),
    version             bigint       NOT NULL,
    UNIQUE (unit_code, period_from, version_number)
);
-- at most one published report per unit and month
CREATE UNIQUE INDEX monthly_report_published_idx ON monthly_report (unit_code, period_from) WHERE status = 'PUBLISHED';
