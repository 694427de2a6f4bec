package io.casegrid;

/** Codes of the demo county seeded by the Flyway migrations, for tests. */
public final class DemoCounty {

	public static final String COUNTY = "149901";

	public static final String TOWNSHIP_CHENGGUAN = "149901001";

	public static final String VILLAGE_DONGGUAN = "149901001001";

	public static final String GRID_DONGGUAN_1 = "149901001001001";

	public static final String MICRO_GRID_DONGGUAN_1_1 = "149901001001001-01";

	public static final String GRID_HEXI_1 = "149901102201001";

	public static final String DEPARTMENT_URBAN_MANAGEMENT = "149901-CG";

	public static final String DEPARTMENT_HOUSING = "149901-ZJ";

	public static final String DEPARTMENT_WATER = "149901-SW";

	private DemoCounty() {
	}

}
