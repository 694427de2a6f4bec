package io.casegrid.casefile;

/** Triage (研判分流): decides how a case is handled. Implemented by the triage feature (case-triage.dmn). */
public interface Classifier {

	/**
	 * @param track GRID, DEPARTMENT, DISPUTE or EMERGENCY; null when the rules cannot place the case
	 * @param startLevel GRID, VILLAGE, TOWNSHIP or COUNTY
	 * @param departmentKind the kind of department responsible (部门类别, e.g. URBAN_MANAGEMENT), or null
	 * @param departmentCode the county's department of that kind, or null (none, or none of that kind in the county)
	 * @param slaClass SMALL, TIME_CONSUMING, COMPLEX or EMERGENCY
	 * @param priority NORMAL, HIGH or URGENT
	 */
	record Triage(String track, String startLevel, String departmentKind, String departmentCode, String slaClass,
			String priority) {

		public boolean placed() {
			return track != null;
		}

		/** A department kind was named but the county has no department of that kind. */
		public boolean departmentUnresolved() {
			return departmentKind != null && departmentCode == null;
		}

		/** The same routing with the department of the named kind (or none). */
		public Triage withDepartment(String code) {
			return new Triage(track, startLevel, departmentKind, code, slaClass, priority);
		}

	}

	Triage triage(CaseFile file);

}
