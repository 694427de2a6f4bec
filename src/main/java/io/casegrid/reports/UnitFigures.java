package io.casegrid.reports;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.casegrid.org.OrgLevel;

/** The figures of one unit (the county, a township, a village, a grid or a department) for one period. */
public record UnitFigures(String unitCode, String unitName, OrgLevel level, Period period, Period previousPeriod,
		List<Figure> figures, List<FigureTable> tables, Instant computedAt) {

	public UnitFigures {
		figures = List.copyOf(figures);
		tables = List.copyOf(tables);
	}

	public Map<String, Figure> figuresByKey() {
		return figures.stream().collect(Collectors.toMap(Figure::key, Function.identity()));
	}

	public FigureTable table(String key) {
		return tables.stream().filter(t -> t.key().equals(key)).findFirst().orElseThrow();
	}

}
