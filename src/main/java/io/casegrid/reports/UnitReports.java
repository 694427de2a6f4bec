package io.casegrid.reports;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.casegrid.casefile.TimeSource;
import io.casegrid.org.OrgDirectory;
import io.casegrid.org.OrgUnit;
import io.casegrid.sla.calendar.WorkingCalendar;
import io.casegrid.web.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of a unit for a period, with the period before beside each figure (docs/reports.md). Computed from
 * the tables by time range ({@link FigureQueries}), in one read-only transaction so that both periods see the same
 * data.
 */
@Service
public class UnitReports {

	private final FigureQueries queries;

	private final OrgDirectory org;

	private final WorkingCalendar calendar;

	private final TimeSource time;

	UnitReports(FigureQueries queries, OrgDirectory org, WorkingCalendar calendar, TimeSource time) {
		this.queries = queries;
		this.org = org;
		this.calendar = calendar;
		this.time = time;
	}

	/** The month that contains today in the county's zone. */
	public YearMonth currentMonth() {
		return YearMonth.from(time.now().atZone(calendar.zone()));
	}

	@Transactional(readOnly = true)
	public UnitFigures figures(String unitCode, Period period) {
		OrgUnit unit = unit(unitCode);
		UnitFilter filter = new UnitFilter(unit, subtree(unitCode));
		FigureQueries.Computed current = queries.compute(filter, period, calendar.zone());
		FigureQueries.Computed previous = queries.compute(filter, period.previous(), calendar.zone());
		Map<String, Figure> before = new java.util.HashMap<>();
		previous.figures().forEach(f -> before.put(f.key(), f));
		List<Figure> figures = current.figures().stream().map(f -> f.withPrevious(before.get(f.key()))).toList();
		return new UnitFigures(unit.code(), unit.name(), unit.level(), period, period.previous(), figures,
				current.tables(), time.now());
	}

	/** Received and satisfaction of the {@code months} months up to {@code last}, oldest first. */
	@Transactional(readOnly = true)
	public List<ReportContent.MonthPoint> trend(String unitCode, YearMonth last, int months) {
		UnitFilter filter = new UnitFilter(unit(unitCode), subtree(unitCode));
		List<ReportContent.MonthPoint> points = new ArrayList<>();
		for (YearMonth month = last.minusMonths(months - 1); !month.isAfter(last); month = month.plusMonths(1)) {
			Map<String, Figure> f = new java.util.HashMap<>();
			queries.compute(filter, Period.month(month), calendar.zone()).figures().forEach(x -> f.put(x.key(), x));
			points.add(new ReportContent.MonthPoint(month.toString(), f.get("received").value().longValue(),
					f.get("satisfactionRate").value()));
		}
		return points;
	}

	OrgUnit unit(String code) {
		return org.find(code).orElseThrow(() -> new NotFoundException("Report unit", code));
	}

	/** The units of one level, in the tree's order. */
	List<OrgUnit> unitsOf(io.casegrid.org.OrgLevel level) {
		return org.tree().stream().filter(u -> u.level() == level).toList();
	}

	/** The unit and every unit below it. */
	Set<String> subtree(String code) {
		List<OrgUnit> tree = org.tree();
		Set<String> below = new HashSet<>(Set.of(code));
		boolean grew = true;
		while (grew) {
			List<String> added = new ArrayList<>();
			for (OrgUnit unit : tree) {
				if (unit.parentCode() != null && below.contains(unit.parentCode()) && !below.contains(unit.code())) {
					added.add(unit.code());
				}
			}
			grew = below.addAll(added);
		}
		return below;
	}

}
