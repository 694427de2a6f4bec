package io.casegrid.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.casegrid.api.ReportsApi;
import io.casegrid.api.model.AssessmentDeduction;
import io.casegrid.api.model.AssessmentRanking;
import io.casegrid.api.model.DeductedCase;
import io.casegrid.api.model.MonthlyReportPage;
import io.casegrid.api.model.MonthlyReportReview;
import io.casegrid.api.model.MonthlyReportSummary;
import io.casegrid.api.model.MonthlyReportView;
import io.casegrid.api.model.RankedAssessment;
import io.casegrid.api.model.UnitAssessment;
import io.casegrid.org.OrgLevel;
import io.casegrid.api.model.ReportFigure;
import io.casegrid.api.model.ReportTable;
import io.casegrid.api.model.ReportTableRow;
import io.casegrid.api.model.UnitReport;
import io.casegrid.security.CurrentActor;
import io.casegrid.security.Role;
import io.casegrid.web.InvalidRequestException;
import io.casegrid.web.NotFoundException;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReportsController implements ReportsApi {

	/** The cases listed per deduction (the contract's bound); {@code count} is always the full number. */
	private static final int MAX_CASES = 500;

	/** The years a period (and the one before it) may fall in: anything else is a typo, not a report. */
	private static final int FIRST_YEAR = 1949;

	private static final int LAST_YEAR = 2999;

	private final UnitReports reports;

	private final ReportAccess access;

	private final CurrentActor actor;

	private final Assessments assessments;

	private final MonthlyReports monthly;

	ReportsController(UnitReports reports, ReportAccess access, CurrentActor actor, Assessments assessments,
			MonthlyReports monthly) {
		this.monthly = monthly;
		this.reports = reports;
		this.access = access;
		this.actor = actor;
		this.assessments = assessments;
	}

	@Override
	public ResponseEntity<AssessmentRanking> getAssessmentRanking(String level, String month, LocalDate from,
			LocalDate to) {
		Period period = period(month, from, to);
		if (Assessments.ASSESSED.stream().noneMatch(l -> l.name().equals(level))) {
			throw new InvalidRequestException("level", "must be one of " + Assessments.ASSESSED);
		}
		return ResponseEntity.ok(new AssessmentRanking(AssessmentRanking.LevelEnum.fromValue(level), period.from(),
				period.to(), assessments.ranking(OrgLevel.valueOf(level), period)
					.stream()
					.map(r -> new RankedAssessment(r.rank(), assessment(r.assessment())))
					.toList()));
	}

	@Override
	public ResponseEntity<UnitAssessment> getUnitAssessment(String unitCode, String month, LocalDate from,
			LocalDate to) {
		Period period = period(month, from, to);
		access.requireReadable(unitCode, actor.get());
		return ResponseEntity.ok(assessment(assessments.of(unitCode, period)));
	}

	@Override
	public ResponseEntity<MonthlyReportPage> listMonthlyReports(String unitCode, Boolean drafts, Integer page,
			Integer size) {
		boolean withDrafts = Boolean.TRUE.equals(drafts) && seesDrafts();
		return ResponseEntity.ok(new MonthlyReportPage(
				monthly.list(unitCode, withDrafts, page, size).stream().map(ReportsController::summary).toList(), page,
				size));
	}

	@Override
	public ResponseEntity<MonthlyReportView> getMonthlyReport(UUID reportId) {
		MonthlyReport report = readable(reportId);
		ReportContent content = monthly.content(report);
		return ResponseEntity.ok(new MonthlyReportView(summary(report), view(content.figures()),
				content.departments().stream().map(r -> new RankedAssessment(r.rank(), assessment(r.assessment()))).toList(),
				content.townships().stream().map(r -> new RankedAssessment(r.rank(), assessment(r.assessment()))).toList()));
	}

	@Override
	public ResponseEntity<org.springframework.core.io.Resource> getMonthlyReportWorkbook(UUID reportId) {
		MonthlyReport report = readable(reportId);
		byte[] workbook = ReportWorkbook.write(report, monthly.content(report));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("report-" + report.unitCode() + "-" + report.month() + "-v" + report.versionNumber() + ".xlsx")
				.build()
				.toString())
			.body(new ByteArrayResource(workbook));
	}

	@Override
	public ResponseEntity<String> getMonthlyReportDocument(UUID reportId) {
		MonthlyReport report = readable(reportId);
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.body(ReportDocument.write(report, monthly.content(report)));
	}

	@Override
	public ResponseEntity<MonthlyReportSummary> reviewMonthlyReport(UUID reportId, MonthlyReportReview review) {
		return ResponseEntity.ok(summary(monthly.review(reportId, review.getDecision().getValue(), review.getComment(),
				actor.get())));
	}

	/** Drafts and superseded versions: the county centre (who reviews) and administrators. */
	private boolean seesDrafts() {
		return actor.get().hasAny(Role.COUNTY_CENTRE, Role.ADMIN);
	}

	private MonthlyReport readable(UUID reportId) {
		MonthlyReport report = monthly.get(reportId);
		if (report.status() != MonthlyReport.Status.PUBLISHED && !seesDrafts()) {
			throw new NotFoundException("Monthly report", reportId);
		}
		return report;
	}

	private static MonthlyReportSummary summary(MonthlyReport r) {
		return new MonthlyReportSummary(r.id(), r.unitCode(), r.month().toString(), r.versionNumber(),
				MonthlyReportSummary.StatusEnum.fromValue(r.status().name()), r.contentHash(),
				r.computedAt().atOffset(ZoneOffset.UTC))
			.reviewComment(r.reviewComment())
			.publishedBy(r.publishedBy())
			.publishedAt(r.publishedAt() == null ? null : r.publishedAt().atOffset(ZoneOffset.UTC));
	}

	static UnitAssessment assessment(Assessment a) {
		return new UnitAssessment(a.unitCode(), a.unitName(), a.period().from(), a.period().to(),
				BigDecimal.valueOf(a.threeRateScore()), BigDecimal.valueOf(a.deductedPoints()),
				BigDecimal.valueOf(a.score()),
				a.deductions()
					.stream()
					.map(d -> new AssessmentDeduction(AssessmentDeduction.ItemEnum.fromValue(d.item()), d.label(),
							BigDecimal.valueOf(d.pointsEach()), d.count(), BigDecimal.valueOf(d.points()),
							d.cases()
								.stream()
								.limit(MAX_CASES)
								.map(c -> new DeductedCase(c.caseId(), c.caseNumber(), c.at().atOffset(ZoneOffset.UTC)))
								.toList()))
					.toList())
			.acceptanceOnTimeRate(decimal(a.acceptanceOnTimeRate()))
			.handlingOnTimeRate(decimal(a.handlingOnTimeRate()))
			.satisfactionRate(decimal(a.satisfactionRate()));
	}

	private static BigDecimal decimal(Double value) {
		return value == null ? null : BigDecimal.valueOf(value);
	}

	@Override
	public ResponseEntity<UnitReport> getUnitReport(String unitCode, String month, LocalDate from, LocalDate to) {
		Period period = period(month, from, to);
		access.requireReadable(unitCode, actor.get());
		return ResponseEntity.ok(view(reports.figures(unitCode, period)));
	}

	private Period period(String month, LocalDate from, LocalDate to) {
		Period period = requestedPeriod(month, from, to);
		if (period.previous().from().getYear() < FIRST_YEAR || period.to().getYear() > LAST_YEAR) {
			throw new InvalidRequestException(month != null ? "month" : "from",
					"must lie between " + FIRST_YEAR + " and " + LAST_YEAR);
		}
		return period;
	}

	private Period requestedPeriod(String month, LocalDate from, LocalDate to) {
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
		return new ReportFigure(f.key(), f.label()).value(f.value() == null ? null : BigDecimal.valueOf(f.value()))
			.numerator(f.numerator())
			.denominator(f.denominator())
			.previous(f.previous() == null ? null : BigDecimal.valueOf(f.previous()));
	}

	private static ReportTable table(FigureTable t) {
		return new ReportTable(t.key(), t.title(),
				t.rows().stream().map(r -> new ReportTableRow(r.key(), r.label(), r.value())).toList());
	}

}
