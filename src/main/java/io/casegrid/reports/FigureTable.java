package io.casegrid.reports;

import java.util.List;

/** A breakdown of a report (by channel, category, level …): rows of counts, largest first unless the key orders them. */
public record FigureTable(String key, String title, List<Row> rows) {

	public FigureTable {
		rows = List.copyOf(rows);
	}

	/** One row: what it counts ({@code key}, e.g. a channel or a grid and category) and how many. */
	public record Row(String key, String label, long value) {
	}

	long total() {
		return rows.stream().mapToLong(Row::value).sum();
	}

}
