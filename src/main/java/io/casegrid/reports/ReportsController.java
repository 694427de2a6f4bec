package io.casegrid.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

import io.casegrid.api.ReportsApi;
import io.casegrid.api.model.ReportFigure;
import io.casegrid.api.model.ReportTable;
import io.casegrid.api.model.ReportTableRow;
import io.casegrid.api.model.UnitReport;
import io.casegrid.security.CurrentActor;
import io.casegrid.web.InvalidRequestException;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReportsController implements ReportsApi {

	private final UnitReports reports;

	private final ReportAccess access;

	private final CurrentActor actor;

	ReportsController(UnitReports reports, ReportAccess access, CurrentActor actor) {
		this.reports = reports;
		this.access = access;
		this.actor = actor;
	}

	@Override
	public ResponseEntity<UnitReport> getUnitReport(String unitCode, String month, LocalDate from, LocalDate to) {
		Period period = period(month, from, to);
		access.requireReadable(unitCode, actor.get());
		return ResponseEntity.ok(view(reports.figures(unitCode, period)));
	}

	private Period period(String month, LocalDate from, LocalDate to) {
		if (month != null) {
			if (from != null || to != null) {
				throw new InvalidRequestException(from != null ? "from" : "to", "is not allowed together with month");
			}
			return Period.month(YearMonth.parse(month));
		}
		if (from == null && to == null) {
			return Period.month(reports.currentMonth());
		}
		if (from == null || to == null) {
			throw new InvalidRequestException(from == null ? "from" : "to", "is required with "
					+ (from == null ? "to" : "from"));
		}
		if (!to.isAfter(from)) {
			throw new InvalidRequestException("to", "must be after from");
		}
		if (to.isAfter(from.plusDays(Period.MAX_DAYS))) {
			throw new InvalidRequestException("to", "must be at most " + Period.MAX_DAYS + " days after from");
		}
		return new Period(from, to);
	}

	static UnitReport view(UnitFigures f) {
		return new UnitReport(f.unitCode(), f.unitName(), io.casegrid.api.model.OrgLevel.fromValue(f.level().name()),
				f.period().from(), f.period().to(), f.previousPeriod().from(), f.previousPeriod().to(),
				f.figures().stream().map(ReportsController::figure).toList(),
				f.tables().stream().map(ReportsController::table).toList(), f.computedAt().atOffset(ZoneOffset.UTC));
	}

	private static ReportFigure figure(Figure f) {
		return new ReportFigure(f.key(), f.label()).value(f.value() == null ? null : java.math.BigDecimal.valueOf(f.value()))
			.numerator(f.numerator())
			.denominator(f.denominator())
			.previous(f.previous() == null ? null : java.math.BigDecimal.valueOf(f.previous()));
	}

	private static ReportTable table(FigureTable t) {
		return new ReportTable(t.key(), t.title(),
				t.rows().stream().map(r -> new ReportTableRow(r.key(), r.label(), r.value())).toList());
	}

}
