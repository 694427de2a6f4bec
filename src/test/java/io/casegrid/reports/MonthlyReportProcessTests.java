package io.casegrid.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import io.casegrid.DemoCounty;
import io.casegrid.EngineTestSupport;
import io.casegrid.casefile.Channel;
import io.casegrid.reports.MonthlyReportProcess.Ids;
import io.casegrid.reports.MonthlyReportProcess.Vars;
import io.casegrid.security.Actor;
import io.casegrid.security.Role;
import io.casegrid.web.ConflictException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code monthly-report.bpmn} on the real engine: the timer on the 1st fires when the engine clock is moved there, the
 * county centre reviews (regenerate, then publish), and the published report stays as it was stored.
 */
class MonthlyReportProcessTests extends EngineTestSupport {

	private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");

	/** The county centre as its token describes it: who reviews. */
	private static final Actor CENTRE = new Actor("centre", java.util.Set.of(Role.COUNTY_CENTRE),
			java.util.Set.of(DemoCounty.COUNTY));

	@Autowired
	MonthlyReports reports;

	@Autowired
	UnitReports figures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theTimerOnTheFirstComputesADraftThatIsRegeneratedThenPublishedFrozenAndAnnounced() {
		Job timer = startTimer();
		ZonedDateTime due = timer.getDuedate().toInstant().atZone(ZoneId.systemDefault());
		assertThat(due.getDayOfMonth()).as("fires on the 1st").isEqualTo(1);
		assertThat(due.getHour()).isEqualTo(1);
		YearMonth month = YearMonth.from(timer.getDuedate().toInstant().atZone(COUNTY)).minusMonths(1);

		ProcessInstance instance = fire(timer);
		assertThat(instance).isWaitingAt(Ids.TASK_COMPUTE);
		execute(instance);
		assertThat(instance).isWaitingAt(Ids.TASK_REVIEW);
		assertThat(task(instance)).hasCandidateGroup("county-centre");
		MonthlyReport first = reports.get(reportId(instance));
		assertThat(first.status()).isEqualTo(MonthlyReport.Status.DRAFT);
		assertThat(first.month()).isEqualTo(month);
		assertThat(first.unitCode()).isEqualTo(DemoCounty.COUNTY);
		assertThat(first.contentHash()).isEqualTo(MonthlyReports.sha256(first.content()));

		complete(task(instance), withVariables(Vars.DECISION, "REGENERATE", Vars.REVIEW_COMMENT, "补充河西镇数据后重新生成"));
		assertThat(instance).isWaitingAt(Ids.TASK_COMPUTE);
		execute(instance);
		assertThat(instance).isWaitingAt(Ids.TASK_REVIEW);
		MonthlyReport second = reports.get(reportId(instance));
		assertThat(second.versionNumber()).isEqualTo(first.versionNumber() + 1);
		assertThat(reports.get(first.id()).status()).isEqualTo(MonthlyReport.Status.SUPERSEDED);

		// the centre reviews through the API's service: the same task completion as the form
		assertThat(reports.review(second.id(), "PUBLISH", "同意发布", CENTRE).status())
			.isEqualTo(MonthlyReport.Status.PUBLISHED);
		assertThat(instance).hasPassed(Ids.TASK_PUBLISH).isEnded();
		MonthlyReport published = reports.get(second.id());
		assertThat(published.status()).isEqualTo(MonthlyReport.Status.PUBLISHED);
		assertThat(published.publishedBy()).isEqualTo("centre");
		assertThat(published.reviewComment()).isEqualTo("同意发布");
		assertThat(published.content()).isEqualTo(second.content());
		assertThat(jdbc.sql("""
				SELECT count(*) FROM outbox_event
				 WHERE type = 'report.published' AND case_id IS NULL AND unit_code = :unit
				   AND payload #>> '{details,reportId}' = :id AND payload #>> '{details,contentHash}' = :hash""")
			.param("unit", DemoCounty.COUNTY)
			.param("id", published.id().toString())
			.param("hash", published.contentHash())
			.query(Long.class)
			.single()).isEqualTo(1);
		// the cycle: the next 1st is scheduled
		Job next = startTimer();
		assertThat(next.getDuedate()).isAfter(timer.getDuedate());
		assertThat(next.getDuedate().toInstant().atZone(ZoneId.systemDefault()).getDayOfMonth()).isEqualTo(1);
	}

	@Test
	void aPublishedReportIsNotRecomputedWhenTheMonthsDataChanges() {
		YearMonth month = YearMonth.of(2025, 3);
		MonthlyReport draft = reports.compute(DemoCounty.COUNTY, month, null);
		MonthlyReport published = reports.publish(draft.id(), null, "centre");
		long receivedBefore = received(month);

		ClockUtil.setCurrentTime(Date.from(Instant.parse("2025-03-12T02:00:00Z")));
		report(UUID.randomUUID(), Channel.GRID_REPORT, "FLY_WIRE_CHARGING", "飞线充电", "楼下飞线充电", DONGGUAN_BUILDING_3,
				Instant.parse("2025-03-12T02:00:00Z"));
		ClockUtil.reset();

		assertThat(received(month)).as("the live figures see the new case").isEqualTo(receivedBefore + 1);
		MonthlyReport again = reports.get(published.id());
		assertThat(again.content()).isEqualTo(published.content());
		assertThat(again.contentHash()).isEqualTo(published.contentHash())
			.isEqualTo(MonthlyReports.sha256(again.content()));
		assertThat(reports.content(again).figures().figuresByKey().get("received").value())
			.isEqualTo((double) receivedBefore);
		assertThatThrownBy(() -> reports.compute(DemoCounty.COUNTY, month, null))
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> reports.review(published.id(), "REGENERATE", null, CENTRE))
			.as("no review waits for a published report").isInstanceOf(ConflictException.class);
	}

	private long received(YearMonth month) {
		return figures.figures(DemoCounty.COUNTY, Period.month(month)).figuresByKey().get("received").value().longValue();
	}

	private Job startTimer() {
		return management.createJobQuery().processDefinitionKey(MonthlyReportProcess.KEY).timers().singleResult();
	}

	/** Moves the engine clock to the timer and fires it: a new instance, before its first (asynchronous) step. */
	private ProcessInstance fire(Job timer) {
		Set<String> before = instances();
		ClockUtil.setCurrentTime(timer.getDuedate());
		management.executeJob(timer.getId());
		List<String> started = instances().stream().filter(id -> !before.contains(id)).toList();
		assertThat(started).hasSize(1);
		return runtime.createProcessInstanceQuery().processInstanceId(started.get(0)).singleResult();
	}

	private Set<String> instances() {
		return runtime.createProcessInstanceQuery()
			.processDefinitionKey(MonthlyReportProcess.KEY)
			.list()
			.stream()
			.map(ProcessInstance::getId)
			.collect(Collectors.toSet());
	}

	private void execute(ProcessInstance instance) {
		management.executeJob(management.createJobQuery().processInstanceId(instance.getId()).singleResult().getId());
	}

	private UUID reportId(ProcessInstance instance) {
		return UUID.fromString((String) runtime.getVariable(instance.getId(), Vars.REPORT_ID));
	}

}
