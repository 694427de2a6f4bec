-- Local changes to the working-day calendar, e.g. a county-specific day off or a Saturday the centre works.
-- They win over the national calendar shipped with the product (classpath:calendar/cn/{year}.yaml).
CREATE TABLE calendar_override (
    day         date         PRIMARY KEY,
    working     boolean      NOT NULL,
    reason      varchar(200) NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now()
);
