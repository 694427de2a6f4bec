package io.casegrid.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A county of realistic shape inside the demo county 云岭县: 20 townships of 15 grids each (3 villages of 5 grids), as
 * counties the seeds describe are divided (hundreds of grids, a few hundred households each). One of the 20 is the
 * demo township 河西镇, with its four demo grids (河西村第一网格 is {@code grid-hx1}'s, 河西镇 {@code dispatcher-hx}'s)
 * and 11 more; the other 19 are made up ({@code 1499019tt…}, 虚拟镇tt). The demo township 城关街道 stays outside: the
 * crowded worst case lives there. {@link OpenCaseCloner} spreads the copies of its realistic load over these 300
 * grids ({@link #GRIDS}).
 */
@Component
@Profile("bench")
class SyntheticCounty {

	static final String COUNTY = "149901";

	/** The demo township that is one of the 20 (河西镇). */
	static final String DEMO_TOWNSHIP = "149901102";

	/** Made-up township codes start with this and end in two digits (01–19). */
	static final String SYNTHETIC_PREFIX = "1499019";

	/** The grids of the realistic county, numbered from 0 in code order (what copy {@code n} lands in: n mod 300). */
	static final String GRIDS = """
			SELECT row_number() OVER (ORDER BY grid.code) - 1 AS i, grid.code AS grid, village.code AS village,
			       township.code AS township
			  FROM org_unit grid
			  JOIN org_unit village ON village.code = grid.parent_code
			  JOIN org_unit township ON township.code = village.parent_code
			 WHERE grid.level = 'GRID'
			   AND (township.code = '%s' OR township.code LIKE '%s%%')""".formatted(DEMO_TOWNSHIP, SYNTHETIC_PREFIX);

	private static final int TOWNSHIPS = 20;

	private static final int GRIDS_PER_TOWNSHIP = 15;

	private static final int GRIDS_PER_VILLAGE = 5;

	private final JdbcClient jdbc;

	SyntheticCounty(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds the made-up org units (once; a second call finds them there) and says how many grids the county has. */
	Map<String, Object> create() {
		List<Object[]> units = new ArrayList<>();
		for (int t = 1; t < TOWNSHIPS; t++) {
			String township = SYNTHETIC_PREFIX + "%02d".formatted(t);
			units.add(new Object[] { township, "虚拟镇%02d".formatted(t), "TOWNSHIP", COUNTY, 100 + t });
			villagesOf(township, "虚拟镇%02d".formatted(t), GRIDS_PER_TOWNSHIP, units);
		}
		int demoGrids = jdbc.sql("""
				SELECT count(*) FROM org_unit grid JOIN org_unit village ON village.code = grid.parent_code
				 WHERE grid.level = 'GRID' AND village.parent_code = :township""")
			.param("township", DEMO_TOWNSHIP)
			.query(Integer.class)
			.single();
		villagesOf(DEMO_TOWNSHIP, "河西镇", GRIDS_PER_TOWNSHIP - demoGrids, units);
		int added = 0;
		for (Object[] unit : units) {
			added += jdbc.sql("""
					INSERT INTO org_unit (code, name, level, parent_code, sort_order)
					VALUES (:code, :name, :level, :parent, :sort) ON CONFLICT (code) DO NOTHING""")
				.param("code", unit[0])
				.param("name", unit[1])
				.param("level", unit[2])
				.param("parent", unit[3])
				.param("sort", unit[4])
				.update();
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("townships", TOWNSHIPS);
		result.put("grids", jdbc.sql("SELECT count(*) FROM (" + GRIDS + ") AS grids").query(Integer.class).single());
		result.put("unitsAdded", added);
		return result;
	}

	/** Villages {@code <township>3vv} of five grids {@code <village>ggg}, as many as {@code grids} need. */
	private static void villagesOf(String township, String name, int grids, List<Object[]> units) {
		for (int v = 1; (v - 1) * GRIDS_PER_VILLAGE < grids; v++) {
			String village = township + "3%02d".formatted(v);
			units.add(new Object[] { village, name + "第%d村".formatted(v), "VILLAGE", township, 300 + v });
			for (int g = 1; g <= GRIDS_PER_VILLAGE && (v - 1) * GRIDS_PER_VILLAGE + g <= grids; g++) {
				units.add(new Object[] { village + "%03d".formatted(g), name + "第%d村第%d网格".formatted(v, g), "GRID",
						village, g });
			}
		}
	}

}
