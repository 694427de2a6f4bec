-- Production twin of db/demo/V12__whistle_and_department_kinds.sql, without the demo county's kinds: a county sets
-- the kind of each of its departments with its own org tree. Both are frozen once applied.
-- 吹哨报到: departments carry a kind (部门类别) that triage routes to, and every whistle is kept for the assessment.

-- The kind of a department unit (城管 URBAN_MANAGEMENT, 住建 HOUSING, 水务 WATER …): processes/case-triage.dmn names a
-- kind, and the case goes to the department of that kind in the case's county (OrgDirectory.departmentOfKind).
ALTER TABLE org_unit ADD COLUMN kind varchar(40);
CREATE INDEX org_unit_kind_idx ON org_unit (parent_code, kind) WHERE kind IS NOT NULL;

-- One row per whistle (吹哨): who blew it (person and unit), how (by a level's task, by triage, or by a request the
-- township accepted) and whom it called in. judgement is the township's later verdict (PROPER, FRIVOLOUS = 乱吹哨),
-- empty until judged, so that 乱吹哨 can be counted per whistler.
CREATE TABLE whistle (
    id              uuid         PRIMARY KEY,
    case_id         uuid         NOT NULL REFERENCES case_file (id),
    blown_at        timestamptz  NOT NULL,
    blown_by        varchar(100) NOT NULL,
    blown_by_unit   varchar(64),
    source          varchar(16)  NOT NULL CHECK (source IN ('LEVEL', 'TRIAGE', 'REQUEST')),
    requested       boolean      NOT NULL DEFAULT false,
    departments     varchar(1400) NOT NULL,
    lead_department varchar(64)  NOT NULL,
    judgement       varchar(16)  CHECK (judgement IN ('PROPER', 'FRIVOLOUS')),
    judged_by       varchar(100),
    judged_at       timestamptz
);
CREATE INDEX whistle_case_idx ON whistle (case_id, blown_at);
CREATE INDEX whistle_blown_by_idx ON whistle (blown_by_unit, blown_at);

-- 吹哨申请: who may not whistle directly (a grid worker, a resident or deputy through an app) asks; the township
-- accepts (the whistle row then names the applicant, requested) or declines with a reason.
CREATE TABLE whistle_application (
    id              uuid          PRIMARY KEY,
    case_id         uuid          NOT NULL REFERENCES case_file (id),
    applied_at      timestamptz   NOT NULL,
    applied_by      varchar(100)  NOT NULL,
    applied_by_unit varchar(64),
    departments     varchar(1400) NOT NULL,
    lead_department varchar(64)   NOT NULL,
    reason          varchar(2000) NOT NULL,
    status          varchar(16)   NOT NULL CHECK (status IN ('OPEN', 'ACCEPTED', 'DECLINED')),
    decided_by      varchar(100),
    decided_at      timestamptz,
    decline_reason  varchar(2000),
    whistle_id      uuid          REFERENCES whistle (id)
);
CREATE INDEX whistle_application_case_idx ON whistle_application (case_id, applied_at);
