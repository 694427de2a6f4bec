-- The org-unit tree: county → township/street → village/community → grid → micro-grid, plus county departments.
CREATE TABLE org_unit (
    code        varchar(64)  PRIMARY KEY,
    name        varchar(200) NOT NULL,
    level       varchar(16)  NOT NULL CHECK (level IN ('COUNTY', 'TOWNSHIP', 'VILLAGE', 'GRID', 'MICRO_GRID', 'DEPARTMENT')),
    parent_code varchar(64)  REFERENCES org_unit (code),
    sort_order  integer      NOT NULL DEFAULT 0
);
CREATE INDEX org_unit_parent_idx ON org_unit (parent_code);
