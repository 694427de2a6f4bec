package io.casegrid.casefile;

/** Triage (研判分流): decides how a case is handled. Implemented by the triage feature (case-triage.dmn). */
public interface Classifier {

	/**
	 * @param track GRID, DEPARTMENT, DISPUTE or EMERGENCY; null when the rules cannot place the case
	 * @param startLevel GRID, VILLAGE, TOWNSHIP or COUNTY
	 * @param departmentCode the responsible department, or null
	 * @param slaClass SMALL, TIME_CONSUMING, COMPLEX or EMERGENCY
	 * @param priority NORMAL, HIGH or URGENT
	 */
	record Triage(String track, String startLevel, String departmentCode, String slaClass, String priority) {

		public boolean placed() {
			return track != null;
		}

	}

	Triage triage(CaseFile file);

}
