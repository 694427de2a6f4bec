-- Tiered mediation (村调解委员会 → 品牌调解室 → 三长会商): the mediation record of a dispute and its agreement.

-- Brand mediation rooms (品牌调解室) and the area each serves: a township/street or a village/community.
CREATE TABLE brand_mediation_room (
    code             varchar(64)  PRIMARY KEY,
    name             varchar(200) NOT NULL,
    serves_unit_code varchar(64)  NOT NULL REFERENCES org_unit (code),
    lead_mediator    varchar(100)
);
CREATE INDEX brand_mediation_room_unit_idx ON brand_mediation_room (serves_unit_code);

INSERT INTO brand_mediation_room (code, name, serves_unit_code, lead_mediator) VALUES
    ('BR-SUNJIHONG', '孙继红调解工作室', '149901001',    '孙继红'),
    ('BR-CHENXUAN',  '陈璇律师工作室',   '149901102201', '陈璇');

CREATE TABLE mediation (
    case_id                       uuid         PRIMARY KEY REFERENCES case_file (id),
    village_code                  varchar(64)  NOT NULL REFERENCES org_unit (code),
    township_code                 varchar(64)  REFERENCES org_unit (code),
    brand_room_code               varchar(64)  REFERENCES brand_mediation_room (code),
    level                         varchar(16)  NOT NULL,
    status                        varchar(16)  NOT NULL,
    parties                       text,
    dispute_summary               text,
    level_due_at                  timestamptz,
    extension_count               integer      NOT NULL DEFAULT 0,
    result_summary                text,
    referral_channel              varchar(20),
    referral_reason               text,
    judicial_confirmation_due_at  timestamptz,
    judicial_confirmation_status  varchar(16),
    judicial_confirmation_court   varchar(200),
    follow_up_outcome             varchar(24),
    follow_up_note                text,
    opened_at                     timestamptz  NOT NULL,
    version                       bigint       NOT NULL
);

CREATE TABLE mediation_session (
    mediation    uuid         NOT NULL REFERENCES mediation (case_id),
    position     integer      NOT NULL,
    level        varchar(16)  NOT NULL,
    held_at      timestamptz  NOT NULL,
    participants text         NOT NULL,
    summary      text         NOT NULL,
    recorded_by  varchar(100) NOT NULL,
    recorded_at  timestamptz  NOT NULL,
    PRIMARY KEY (mediation, position)
);

CREATE TABLE mediation_opinion (
    mediation   uuid         NOT NULL REFERENCES mediation (case_id),
    head        varchar(16)  NOT NULL,
    opinion     text         NOT NULL,
    given_by    varchar(100) NOT NULL,
    given_at    timestamptz  NOT NULL,
    PRIMARY KEY (mediation, head)
);

-- The people's mediation agreement (人民调解协议书, 人民调解法 第二十九条): a document of its own.
CREATE TABLE mediation_agreement (
    id                            uuid         PRIMARY KEY,
    case_id                       uuid         NOT NULL REFERENCES mediation (case_id),
    agreement_number              varchar(40)  NOT NULL UNIQUE,
    mediator_organisation         varchar(200) NOT NULL,
    mediator                      varchar(100) NOT NULL,
    parties                       text         NOT NULL,
    facts                         text         NOT NULL,
    obligations                   text         NOT NULL,
    performance                   text         NOT NULL,
    perform_by                    timestamptz  NOT NULL,
    signatures_confirmed          boolean      NOT NULL,
    signed_at                     timestamptz  NOT NULL,
    judicial_confirmation_due_at  timestamptz  NOT NULL,
    version                       bigint       NOT NULL
);
CREATE INDEX mediation_agreement_case_idx ON mediation_agreement (case_id, signed_at DESC);
