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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The figures of a unit for a period, with the period before beside each figure (docs/reports.md). The past days of
 * both periods are rolled up first where they are not current ({@link DailyRollups}); then both periods are read
 * ({@link RolledFigures}) in one read-only repeatable-read transaction, so that both see the same data.
 */
@Service
public class UnitReports {

	private final RolledFigures rolled;

	private final DailyRollups rollups;

	private final TransactionTemplate snapshot;

	private final OrgDirectory org;

	private final WorkingCalendar calendar;

	private final TimeSource time;

	UnitReports(RolledFigures rolled, DailyRollups rollups, OrgDirectory org, WorkingCalendar calendar,
			TimeSource time, PlatformTransactionManager transactions) {
		this.rolled = rolled;
		this.rollups = rollups;
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setReadOnly(true);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.org = org;
		this.calendar = calendar;
		this.time = time;
	}

	/** The month that contains today in the county's zone. */
	public YearMonth currentMonth() {
		return YearMonth.from(time.now().atZone(calendar.zone()));
	}

	public UnitFigures figures(String unitCode, Period period) {
		OrgUnit unit = unit(unitCode);
		rollups.rollUpPending(period.previous().from(), period.to());
		return snapshot.execute(status -> {
			RolledFigures.Computed current = rolled.compute(unit.code(), period);
			RolledFigures.Computed previous = rolled.compute(unit.code(), period.previous());
			Map<String, Figure> before = new java.util.HashMap<>();
			previous.figures().forEach(f -> before.put(f.key(), f));
			List<Figure> figures = current.figures().stream().map(f -> f.withPrevious(before.get(f.key()))).toList();
			return new UnitFigures(unit.code(), unit.name(), unit.level(), period, period.previous(), figures,
					current.tables(), time.now());
		});
	}

	/** Received and satisfaction of the {@code months} months up to {@code last}, oldest first. */
	public List<ReportContent.MonthPoint> trend(String unitCode, YearMonth last, int months) {
		OrgUnit unit = unit(unitCode);
		YearMonth first = last.minusMonths(months - 1);
		rollups.rollUpPending(first.atDay(1), last.plusMonths(1).atDay(1));
		return snapshot.execute(status -> {
			List<ReportContent.MonthPoint> points = new ArrayList<>();
			for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
				Map<String, Figure> f = new java.util.HashMap<>();
				rolled.compute(unit.code(), Period.month(month)).figures().forEach(x -> f.put(x.key(), x));
				points.add(new ReportContent.MonthPoint(month.toString(), f.get("received").value().longValue(),
						f.get("satisfactionRate").value()));
			}
			return points;
		});
	}

	/** The figures of the period as {@link Assessments} scores them: read in the caller's transaction. */
	Map<String, Figure> figuresWithin(String unitCode, Period period) {
		Map<String, Figure> figures = new java.util.HashMap<>();
		rolled.compute(unitCode, period).figures().forEach(f -> figures.put(f.key(), f));
		return figures;
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
