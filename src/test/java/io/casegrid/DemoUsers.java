package io.casegrid;

/** Demo users and apps of {@code keycloak-realm/casegrid-realm.json} (password {@code demo}), for tests. */
public final class DemoUsers {

	/** 网格员, 东关社区第一网格. */
	public static final String GRID_WORKER_DONGGUAN_1 = "grid-dg1";

	/** 网格员, 东关社区第二网格. */
	public static final String GRID_WORKER_DONGGUAN_2 = "grid-dg2";

	/** 网格员, 河西村第一网格. */
	public static final String GRID_WORKER_HEXI_1 = "grid-hx1";

	/** 网格长, 东关社区. */
	public static final String GRID_LEAD_DONGGUAN = "gridlead-dg";

	/** 调解员, 东关社区. */
	public static final String MEDIATOR_DONGGUAN = "mediator-dg";

	/** 调解员, 河西村. */
	public static final String MEDIATOR_HEXI = "mediator-hx";

	public static final String MEDIATION_ROOM_CHENGGUAN = "mediation-room-cg";

	public static final String POLICE_CHIEF_CHENGGUAN = "police-cg";

	public static final String COURT_CHIEF_CHENGGUAN = "court-cg";

	public static final String JUDICIAL_CHIEF_CHENGGUAN = "judicial-cg";

	/** 乡街调度, 城关街道. */
	public static final String DISPATCHER_CHENGGUAN = "dispatcher-cg";

	/** 乡街调度, 河西镇. */
	public static final String DISPATCHER_HEXI = "dispatcher-hx";

	/** 县综治中心. */
	public static final String CENTRE = "centre";

	/** 县城市管理局. */
	public static final String OFFICER_URBAN_MANAGEMENT = "officer-cg";

	/** 县住房和城乡建设局. */
	public static final String OFFICER_HOUSING = "officer-zj";

	/** 县水务局. */
	public static final String OFFICER_WATER = "officer-sw";

	public static final String SUPERVISOR = "supervisor";

	/** 县领导: reads the published monthly reports. */
	public static final String LEADER = "leader";

	public static final String DESIGNER = "designer";

	public static final String AUDITOR = "auditor";

	public static final String ADMIN = "admin";

	public static final String HOTLINE = "hotline-12345";

	public static final String HOTLINE_SECRET = "hotline-12345-demo-secret";

	public static final String THIRD_PARTY_APP = "third-party-app";

	public static final String THIRD_PARTY_APP_SECRET = "third-party-app-demo-secret";

	private DemoUsers() {
	}

}
