package io.casegrid.reports;

import java.util.List;

/**
 * What a monthly 专报 holds, stored as JSON: the unit's figures, the rankings of departments and townships, and the
 * trend of the six months up to the reported one.
 */
record ReportContent(UnitFigures figures, List<Assessments.Ranked> departments, List<Assessments.Ranked> townships,
		List<MonthPoint> trend) {

	ReportContent {
		departments = List.copyOf(departments);
		townships = List.copyOf(townships);
		trend = List.copyOf(trend);
	}

	/** One month of the trend: cases received and the satisfaction rate (empty when nobody evaluated). */
	record MonthPoint(String month, long received, Double satisfactionRate) {
	}

}
