package io.casegrid.org;

/** Levels of the org tree (三级/四级联动), plus the county's departments (职能部门). */
public enum OrgLevel {

	COUNTY, TOWNSHIP, VILLAGE, GRID, MICRO_GRID, DEPARTMENT

}
