package io.casegrid.org;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A unit of the org tree, identified by its administrative (or grid) code. A department has a kind (部门类别, e.g.
 * URBAN_MANAGEMENT for 城管) that triage routes to; other units have none. A position (WGS 84), where the registry
 * has one, places the unit on the console's map.
 */
@Table("org_unit")
public record OrgUnit(@Id String code, String name, OrgLevel level, String parentCode, int sortOrder, String kind,
		Double latitude, Double longitude) {
}
