package io.casegrid.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.casegrid.org.OrgLevel;
import io.casegrid.org.OrgUnit;
import io.casegrid.sla.calendar.WorkingCalendar;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 考核: scores departments and townships by {@code processes/assessment-policy.dmn} and ranks each level among itself
 * (departments among departments, townships among townships).
 */
@Service
public class Assessments {

	/** The levels that are assessed and ranked. */
	public static final List<OrgLevel> ASSESSED = List.of(OrgLevel.DEPARTMENT, OrgLevel.TOWNSHIP);

	private final UnitReports reports;

	private final DailyRollups rollups;

	private final AssessmentPolicy policy;

	private final JdbcClient jdbc;

	private final WorkingCalendar calendar;

	Assessments(UnitReports reports, DailyRollups rollups, AssessmentPolicy policy, JdbcClient jdbc,
			WorkingCalendar calendar) {
		this.reports = reports;
		this.rollups = rollups;
		this.policy = policy;
		this.jdbc = jdbc;
		this.calendar = calendar;
	}

	/**
	 * The unit's score with the cases behind every deduction. Not read-only: evaluating the policy's decisions writes
	 * the engine's decision history.
	 */
	@Transactional
	public Assessment of(String unitCode, Period period) {
		OrgUnit unit = reports.unit(unitCode);
		if (!ASSESSED.contains(unit.level())) {
			throw new NotAssessedException(unitCode);
		}
		rollups.rollUpPending(period.from(), period.to());
		return assess(unit, period, policy.rules(List.of(unit.level().name())));
	}

	/** Every unit of a level, best score first; equal scores share a rank. */
	@Transactional
	public List<Ranked> ranking(OrgLevel level, Period period) {
		AssessmentPolicy.Rules rules = policy.rules(List.of(level.name()));
		rollups.rollUpPending(period.from(), period.to());
		List<Assessment> scored = reports.unitsOf(level).stream().map(u -> assess(u, period, rules).withoutCases())
			.sorted(Comparator.comparingDouble(Assessment::score).reversed().thenComparing(Assessment::unitCode))
			.toList();
		List<Ranked> ranked = new ArrayList<>();
		for (int i = 0; i < scored.size(); i++) {
			int rank = i > 0 && scored.get(i).score() == scored.get(i - 1).score() ? ranked.get(i - 1).rank() : i + 1;
			ranked.add(new Ranked(rank, scored.get(i)));
		}
		return ranked;
	}

	public record Ranked(int rank, Assessment assessment) {
	}

	private Assessment assess(OrgUnit unit, Period period, AssessmentPolicy.Rules rules) {
		UnitFilter filter = new UnitFilter(unit, reports.subtree(unit.code()));
		Map<String, Figure> figures = reports.figuresWithin(unit.code(), period);
		Double acceptance = figures.get("acceptanceOnTimeRate").value();
		Double handling = figures.get("handlingOnTimeRate").value();
		Double satisfaction = figures.get("satisfactionRate").value();
		AssessmentPolicy.Weights weights = rules.weights(unit.level().name());
		double threeRates = round(weighted(weights.acceptance(), acceptance)
			.add(weighted(weights.handling(), handling))
			.add(weighted(weights.satisfaction(), satisfaction)));
		Map<String, Object> params = Map.of("unit", unit.code(), "subtree", filter.subtree(), "from",
				at(period.from()), "to", at(period.to()));
		List<Assessment.Deduction> deductions = new ArrayList<>();
		double deducted = 0;
		for (DeductionItem item : DeductionItem.values()) {
			AssessmentPolicy.Item rule = rules.item(item);
			List<Assessment.CaseRef> cases = jdbc.sql(item.sql(filter))
				.params(params)
				.query((rs, n) -> new Assessment.CaseRef(rs.getObject("case_id", UUID.class),
						rs.getString("case_number"), rs.getObject("at", OffsetDateTime.class).toInstant()))
				.list();
			double points = round(rule.points() * cases.size());
			deducted += points;
			deductions.add(new Assessment.Deduction(item.name(), rule.label(), rule.points(), cases.size(), points,
					cases));
		}
		deducted = round(deducted);
		return new Assessment(unit.code(), unit.name(), period, acceptance, handling, satisfaction, threeRates,
				deducted, round(Math.max(0, threeRates - deducted)), deductions);
	}

	private OffsetDateTime at(java.time.LocalDate day) {
		return OffsetDateTime.ofInstant(day.atStartOfDay(calendar.zone()).toInstant(), ZoneOffset.UTC);
	}

	/**
	 * A weight times a rate (a rate with nothing to count — no clock, no evaluation — costs nothing: 100), in decimal
	 * arithmetic: 0.3 × 88.1 is 26.43, not binary 26.429999…, so that a score ending in 5 (94.15) is rounded up to
	 * 94.2 as by hand (四舍五入), not down.
	 */
	private static BigDecimal weighted(double weight, Double rate) {
		return BigDecimal.valueOf(weight).multiply(BigDecimal.valueOf(rate == null ? 100.0 : rate));
	}

	private static double round(BigDecimal value) {
		return value.setScale(1, RoundingMode.HALF_UP).doubleValue();
	}

	private static double round(double value) {
		return Math.round(value * 10.0) / 10.0;
	}

}
