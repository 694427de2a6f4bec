package io.casegrid.org;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A unit of the org tree, identified by its administrative (or grid) code. */
@Table("org_unit")
public record OrgUnit(@Id String code, String name, OrgLevel level, String parentCode, int sortOrder) {
}
