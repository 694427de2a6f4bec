package io.casegrid.bench;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Citizen reports as the 12345 hotline sends them: spread over the demo county's grids that have a demo grid worker
 * and over categories that triage sends to the grid (so every case reaches a grid worker's handling task).
 */
public final class Reports {

	/** Grids with a demo grid worker: 东关社区第一/第二网格, 河西村第一网格, with their workers. */
	public static final List<String[]> GRIDS = List.of(new String[] { "149901001001001", "grid-dg1" },
			new String[] { "149901001001002", "grid-dg2" }, new String[] { "149901102201001", "grid-hx1" });

	private static final List<String[]> CATEGORIES = List.of(
			new String[] { "FLY_WIRE_CHARGING", "飞线充电", "3号楼一单元有住户从窗口拉电线给电动车充电，存在火灾隐患。" },
			new String[] { "GARBAGE", "垃圾清运不及时", "小区东门垃圾桶已满两天无人清运，气味很大。" },
			new String[] { "STRAY_DOGS", "流浪狗伤人隐患", "小区内有三条流浪狗追咬路人，老人孩子不敢出门。" });

	private Reports() {
	}

	/** A random valid report body with a fresh channel reference. */
	public static String next() {
		var random = ThreadLocalRandom.current();
		String[] category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
		String[] grid = GRIDS.get(random.nextInt(GRIDS.size()));
		return body(category, grid[0], UUID.randomUUID().toString());
	}

	/** The report of template case {@code i} of the bulk loader, with channel reference {@code prefix + i}. */
	public static String template(int i, String prefix) {
		return body(CATEGORIES.get(i % CATEGORIES.size()), GRIDS.get(i % GRIDS.size())[0], prefix + i);
	}

	private static String body(String[] category, String grid, String reference) {
		return """
				{"channel":"HOTLINE_12345","channelReference":"%s","categoryCode":"%s","title":"%s",
				 "description":"%s",
				 "location":{"address":"云岭县东关社区","unitCode":"%s","latitude":37.01,"longitude":112.72},
				 "reporter":{"name":"王女士","phone":"13900000000"}}"""
			.formatted(reference, category[0], category[1], category[2], grid);
	}

}
