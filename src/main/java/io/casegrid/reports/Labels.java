package io.casegrid.reports;

import java.util.Map;

/** Chinese names of the codes a report's tables break figures down by. */
final class Labels {

	static final Map<String, String> CHANNELS = Map.of("GRID_REPORT", "网格上报", "HOTLINE_12345", "12345热线", "VISIT",
			"群众来访", "SUPERIOR_ASSIGNMENT", "上级交办", "RESIDENT_APP", "居民APP", "DEPUTY", "代表委员", "VIDEO_PATROL",
			"视频巡查");

	static final Map<String, String> LEVELS = Map.of("GRID", "网格", "VILLAGE", "村（社区）", "TOWNSHIP", "乡镇（街道）",
			"COUNTY", "县", "DEPARTMENT", "部门", "UNPLACED", "未定");

	private Labels() {
	}

}
