package io.casegrid.reports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

import io.casegrid.casefile.TimeSource;
import io.casegrid.events.EventType;
import io.casegrid.events.Outbox;
import io.casegrid.org.OrgLevel;
import io.casegrid.security.Actor;
import io.casegrid.web.ConflictException;
import io.casegrid.worklist.WorkItems;
import io.casegrid.web.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly 专报 (processes/monthly-report.bpmn): computes a version, keeps it for review, publishes it frozen and
 * announces it ({@code report.published}).
 */
@Service
public class MonthlyReports {

	/** How many months the 专报's trend line shows, the reported one last. */
	static final int TREND_MONTHS = 6;

	private final UnitReports reports;

	private final Assessments assessments;

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final TimeSource time;

	private final Outbox outbox;

	private final TaskService tasks;

	private final WorkItems workItems;

	MonthlyReports(UnitReports reports, Assessments assessments, JdbcClient jdbc, ObjectMapper json, TimeSource time,
			Outbox outbox, TaskService tasks, WorkItems workItems) {
		this.tasks = tasks;
		this.workItems = workItems;
		this.reports = reports;
		this.assessments = assessments;
		this.jdbc = jdbc;
		this.json = json;
		this.time = time;
		this.outbox = outbox;
	}

	/** The county reported on when the process does not name a unit: the first county of the tree. */
	public String defaultUnit() {
		return reports.unitsOf(OrgLevel.COUNTY).get(0).code();
	}

	/** The month before the one that contains now, in the county's zone: what the timer on the 1st reports. */
	public YearMonth previousMonth() {
		return reports.currentMonth().minusMonths(1);
	}

	/**
	 * Computes a new version for review; an earlier draft of the same month is SUPERSEDED. Refused (409) once the
	 * month's report is published: a published report is never recomputed.
	 */
	@Transactional
	public MonthlyReport compute(String unitCode, YearMonth month, String processInstanceId) {
		reports.unit(unitCode);
		if (published(unitCode, month).isPresent()) {
			throw new ConflictException("The report of " + unitCode + " for " + month + " is published already");
		}
		Period period = Period.month(month);
		ReportContent content = new ReportContent(reports.figures(unitCode, period),
				assessments.ranking(OrgLevel.DEPARTMENT, period), assessments.ranking(OrgLevel.TOWNSHIP, period),
				reports.trend(unitCode, month, TREND_MONTHS));
		String text = write(content);
		int version = jdbc.sql("""
				SELECT coalesce(max(version_number), 0) + 1 FROM monthly_report
				 WHERE unit_code = :unit AND period_from = :from""")
			.param("unit", unitCode)
			.param("from", period.from())
			.query(Integer.class)
			.single();
		jdbc.sql("""
				UPDATE monthly_report SET status = 'SUPERSEDED', version = version + 1
				 WHERE unit_code = :unit AND period_from = :from AND status = 'DRAFT'""")
			.param("unit", unitCode)
			.param("from", period.from())
			.update();
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO monthly_report (id, unit_code, period_from, period_to, version_number, status, content,
				                            content_hash, computed_at, process_instance_id, version)
				VALUES (:id, :unit, :from, :to, :number, 'DRAFT', :content, :hash, :at, :process, 0)""")
			.param("id", id)
			.param("unit", unitCode)
			.param("from", period.from())
			.param("to", period.to())
			.param("number", version)
			.param("content", text)
			.param("hash", sha256(text))
			.param("at", Timestamp.from(time.now()))
			.param("process", processInstanceId)
			.update();
		return get(id);
	}

	/** Freezes the draft as the month's report and announces it. */
	@Transactional
	public MonthlyReport publish(UUID reportId, String comment, String actor) {
		MonthlyReport draft = get(reportId);
		if (draft.status() != MonthlyReport.Status.DRAFT) {
			throw new ConflictException("Report " + reportId + " is " + draft.status() + ", not a draft");
		}
		jdbc.sql("""
				UPDATE monthly_report SET status = 'PUBLISHED', review_comment = :comment, published_by = :actor,
				       published_at = :at, version = version + 1
				 WHERE id = :id AND status = 'DRAFT'""")
			.param("id", reportId)
			.param("comment", comment)
			.param("actor", actor)
			.param("at", Timestamp.from(time.now()))
			.update();
		MonthlyReport published = get(reportId);
		// the shape of every event's data (actor, summary, details of strings), so the feed and webhooks read it alike
		outbox.recordForUnit(EventType.REPORT_PUBLISHED, published.unitCode(), published.publishedAt(),
				Map.of("actor", actor, "summary",
						published.month() + " 月度专报（第 " + published.versionNumber() + " 版）已发布", "details",
						Map.of("reportId", published.id().toString(), "unitCode", published.unitCode(), "month",
								published.month().toString(), "version", String.valueOf(published.versionNumber()),
								"contentHash", published.contentHash())));
		return published;
	}

	/**
	 * 审核专报 through the API: completes the review task of this draft as the reviewer, through the one task
	 * completion of the worklist (who may work it, the form's outcomes and limits), as Tasklist's form would. Refused
	 * (409) when no review of it is waiting.
	 */
	public MonthlyReport review(UUID reportId, String decision, String comment, Actor actor) {
		get(reportId);
		Task review = tasks.createTaskQuery()
			.processDefinitionKey(MonthlyReportProcess.KEY)
			.taskDefinitionKey(MonthlyReportProcess.Ids.TASK_REVIEW)
			.processVariableValueEquals(MonthlyReportProcess.Vars.REPORT_ID, reportId.toString())
			.singleResult();
		if (review == null) {
			throw new ConflictException("Report " + reportId + " is not under review");
		}
		workItems.complete(review.getId(), decision, null,
				comment == null ? Map.of() : Map.of(MonthlyReportProcess.Vars.REVIEW_COMMENT, comment), actor);
		return get(reportId);
	}

	public MonthlyReport get(UUID id) {
		return jdbc.sql("SELECT * FROM monthly_report WHERE id = :id")
			.param("id", id)
			.query(MonthlyReports::row)
			.optional()
			.orElseThrow(() -> new NotFoundException("Monthly report", id));
	}

	public Optional<MonthlyReport> published(String unitCode, YearMonth month) {
		return jdbc.sql("SELECT * FROM monthly_report WHERE unit_code = :unit AND period_from = :from AND status = 'PUBLISHED'")
			.param("unit", unitCode)
			.param("from", month.atDay(1))
			.query(MonthlyReports::row)
			.optional();
	}

	/** A unit's reports, newest month and version first; only published ones unless drafts are asked for. */
	public List<MonthlyReport> list(String unitCode, boolean withDrafts, int page, int size) {
		return jdbc.sql("""
				SELECT * FROM monthly_report
				 WHERE (CAST(:unit AS varchar) IS NULL OR unit_code = :unit) AND (:drafts OR status = 'PUBLISHED')
				 ORDER BY period_from DESC, version_number DESC LIMIT :size OFFSET :offset""")
			.param("unit", unitCode)
			.param("drafts", withDrafts)
			.param("size", size)
			.param("offset", (long) page * size)
			.query(MonthlyReports::row)
			.list();
	}

	/** The stored content, as it was computed. */
	public ReportContent content(MonthlyReport report) {
		try {
			return json.readValue(report.content(), ReportContent.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Report " + report.id() + " content unreadable", ex);
		}
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String write(ReportContent content) {
		try {
			return json.writeValueAsString(content);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static MonthlyReport row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Timestamp published = rs.getTimestamp("published_at");
		return new MonthlyReport(rs.getObject("id", UUID.class), rs.getString("unit_code"),
				YearMonth.from(rs.getDate("period_from").toLocalDate()), rs.getInt("version_number"),
				MonthlyReport.Status.valueOf(rs.getString("status")), rs.getString("content"),
				rs.getString("content_hash"), rs.getTimestamp("computed_at").toInstant(),
				rs.getString("review_comment"), rs.getString("published_by"),
				published == null ? null : published.toInstant());
	}

}
