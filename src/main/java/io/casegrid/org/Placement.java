package io.casegrid.org;

/**
 * Where a case happened, resolved against the org tree: the reported unit and the grid, village, township and
 * county it lies in (those above the reported unit's level; a township-level report has no grid or village).
 */
public record Placement(String unitCode, String gridCode, String villageCode, String townshipCode,
		String countyCode) {
}
