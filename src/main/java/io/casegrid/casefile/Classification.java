package io.casegrid.casefile;

/**
 * How a filed case will be handled (研判分流).
 *
 * @param track GRID, DEPARTMENT, DISPUTE or EMERGENCY; null when triage could not place it (a person decides)
 * @param startLevel the level that handles it first: GRID, VILLAGE, TOWNSHIP or COUNTY
 * @param departmentCode the responsible department's org code, where one is responsible
 * @param slaClass the time-limit class (SMALL 小事, TIME_CONSUMING 费时事, COMPLEX 复杂事, EMERGENCY 突发事件)
 * @param priority NORMAL, HIGH or URGENT
 * @param dispatchProcess the process called at 任务指派
 * @param handlingProcess the process called at 调查落实
 */
public record Classification(String track, String startLevel, String departmentCode, String slaClass,
		String priority, String dispatchProcess, String handlingProcess) {
}
