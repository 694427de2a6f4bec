package io.casegrid.reports;

import java.util.Set;

import io.casegrid.org.OrgLevel;
import io.casegrid.org.OrgUnit;

/**
 * Which rows count for a unit, as SQL conditions over the aliases the figure queries use ({@code c} case_file,
 * {@code k} sla_clock, {@code o} supervision_order, {@code e} case_event, {@code w} whistle). A place (county,
 * township, village, grid) is measured by the cases that happened there, whoever handled them; a department by its
 * own work: the cases it handled or was called in to, its own clocks, the supervision orders addressed to it, its
 * own 退单.
 */
record UnitFilter(OrgUnit unit, Set<String> subtree) {

	private static final String PLACE_CASES = """
			(c.unit_code = :unit OR c.grid_code = :unit OR c.village_code = :unit OR c.township_code = :unit
			 OR c.county_code = :unit)""";

	private static final String DEPARTMENT_CASES = """
			(c.handling_unit_code = :unit OR c.department_code = :unit
			 OR EXISTS (SELECT 1 FROM whistle dw
			             WHERE dw.case_id = c.id AND :unit = ANY (string_to_array(dw.departments, ','))))""";

	/** Whistles blown by the unit or a unit below it. */
	static final String WHISTLES_BLOWN = "w.blown_by_unit IN (:subtree)";

	boolean isDepartment() {
		return unit.level() == OrgLevel.DEPARTMENT;
	}

	String cases() {
		return isDepartment() ? DEPARTMENT_CASES : PLACE_CASES;
	}

	String clocks() {
		return isDepartment() ? "k.department_code = :unit" : PLACE_CASES;
	}

	String orders() {
		return isDepartment() ? "o.department_code = :unit" : PLACE_CASES;
	}

	/** 退单 entries ({@code DEPARTMENT_RETURNED}): the department's own, or those on the place's cases. */
	String returns() {
		return isDepartment() ? "e.details ->> 'departmentCode' = :unit" : PLACE_CASES;
	}

	/** 确权 entries ({@code JURISDICTION_CONFIRMED}): on the department's 退单, or on the place's cases. */
	String jurisdiction() {
		return isDepartment() ? "e.details ->> 'returnedBy' = :unit" : PLACE_CASES;
	}

	/** Whistles the place's units blew, or that called the department in. */
	String whistles() {
		return isDepartment() ? ":unit = ANY (string_to_array(w.departments, ','))" : WHISTLES_BLOWN;
	}

	/** The condition for a department; nothing for a place (a department's own doing, e.g. its 推诿). */
	String departmentOnly(String condition) {
		return isDepartment() ? condition : "FALSE";
	}

}
