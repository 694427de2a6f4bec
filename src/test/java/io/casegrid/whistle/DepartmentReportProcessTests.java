package io.casegrid.whistle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.casegrid.DemoCounty;
import io.casegrid.EngineTestSupport;
import io.casegrid.casefile.CaseLifecycleProcess;
import io.casegrid.casefile.Channel;
import io.casegrid.casefile.TimelineEntry;
import io.casegrid.escalation.Escalation;
import io.casegrid.escalation.EscalationTrigger;
import io.casegrid.escalation.Escalations;
import io.casegrid.escalation.ResponseLevel;
import io.casegrid.escalation.SupervisionOrder;
import io.casegrid.escalation.SupervisionOrderProcess;
import io.casegrid.escalation.SupervisionOrders;
import io.casegrid.escalation.SupervisionStatus;
import io.casegrid.escalation.ThreeLevelResponseProcess;
import io.casegrid.sla.ClockState;
import io.casegrid.sla.Phase;
import io.casegrid.sla.SlaClock;
import io.casegrid.whistle.DepartmentReportProcess.Ids;
import io.casegrid.whistle.DepartmentReportProcess.Vars;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * 街乡吹哨、部门报到 on the real engine: the township whistles departments into a case, each reports through its own
 * {@code department-report.bpmn} instance and clocks; returns go to 确权, missed limits to supervision orders.
 */
class DepartmentReportProcessTests extends EngineTestSupport {

	static final Instant TUESDAY_10 = ZonedDateTime.of(2026, 11, 24, 10, 0, 0, 0, ZoneId.of("Asia/Shanghai"))
		.toInstant();

	static final String CG = DemoCounty.DEPARTMENT_URBAN_MANAGEMENT;

	static final String ZJ = "149901-ZJ";

	static final String SW = "149901-SW";

	@Autowired
	SupervisionOrders supervision;

	@Autowired
	Escalations escalations;

	@Autowired
	io.casegrid.sla.SlaClocks clocks;

	@Autowired
	WhistleRecords whistles;

	@BeforeEach
	void start() {
		ClockUtil.setCurrentTime(Date.from(TUESDAY_10));
	}

	@Test
	void townshipWhistlesTwoDepartmentsOneReportsOneReturnsAndTheCentreRedispatches() {
		ProcessInstance handling = atTheTownship();
		whistle(handling, CG + "," + ZJ, CG);

		assertThat(handling).isWaitingAt(ThreeLevelResponseProcess.Ids.CALL_DEPARTMENT_REPORT);
		assertThat(reports(handling)).hasSize(2);
		ProcessInstance lead = report(handling, CG);
		ProcessInstance other = report(handling, ZJ);
		assertThat(lead).isWaitingAt(Ids.TASK_ACKNOWLEDGE);
		assertThat(task(lead)).hasCandidateGroup(CG);
		assertThat(task(lead).getDueDate()).isEqualTo(runtime.getVariable(lead.getId(), Vars.ACK_DUE_AT));

		complete(task(lead), withVariables(Vars.ACKNOWLEDGE_OUTCOME, "ACKNOWLEDGE"));
		assertThat(lead).isWaitingAt(Ids.TASK_DEPARTMENT_HANDLE);
		assertThat(task(lead)).hasCandidateGroup(CG);
		complete(task(lead), withVariables(Vars.DEPARTMENT_OUTCOME, "REPORTED", "reportSummary", "城管执法队已拆除飞线"));
		assertThat(lead).isEnded();

		complete(task(other), withVariables(Vars.ACKNOWLEDGE_OUTCOME, "RETURN", "returnReason", "供电线路不属住建职责"));
		assertThat(other).isWaitingAt(Ids.TASK_CONFIRM_JURISDICTION);
		assertThat(departmentClock(handling, ZJ, Phase.ACCEPTANCE).stateAt(clocks.now()))
			.as("住建's 退单 closes its acknowledgement clock as a return, not as an on-time 报到")
			.isEqualTo(ClockState.RETURNED);
		assertThat(departmentClock(handling, CG, Phase.ACCEPTANCE).stateAt(clocks.now())).isEqualTo(ClockState.MET);
		assertThat(task(other)).hasCandidateGroup("governance-centre");
		complete(task(other), withVariables(Vars.JURISDICTION_DECISION, "REDISPATCH", Vars.NEW_DEPARTMENT_CODE, SW,
				"jurisdictionNote", "经会商，由水务局配合处置"));
		assertThat(other).isWaitingAt(Ids.TASK_ACKNOWLEDGE);
		assertThat(task(other)).hasCandidateGroup(SW);
		complete(task(other), withVariables(Vars.ACKNOWLEDGE_OUTCOME, "ACKNOWLEDGE"));
		complete(task(other), withVariables(Vars.DEPARTMENT_OUTCOME, "REPORTED", "reportSummary", "已配合处置"));
		assertThat(other).isEnded();

		assertThat(handling).isWaitingAt(ThreeLevelResponseProcess.Ids.TASK_HANDLE_AT_LEVEL);
		assertThat(task(handling)).hasCandidateGroup(DemoCounty.TOWNSHIP_CHENGGUAN);
		assertThat(types(handling)).containsSubsequence("WHISTLED", "DEPARTMENT_ACKNOWLEDGED", "DEPARTMENT_REPORTED",
				"DEPARTMENT_RETURNED", "JURISDICTION_CONFIRMED", "DEPARTMENT_ACKNOWLEDGED", "DEPARTMENT_REPORTED");
		complete(task(handling), withVariables(CaseLifecycleProcess.Vars.HANDLING_OUTCOME, "RESOLVED", "resolution",
				"街道吹哨，城管、水务联合处置完毕"));
		assertThat(handling).isEnded();
	}

	@Test
	void departmentThatMissesItsAcknowledgementGetsASupervisionOrderAndReplies() {
		ProcessInstance handling = atTheTownship();
		whistle(handling, CG, CG);
		ProcessInstance report = report(handling, CG);
		Date ackDue = (Date) runtime.getVariable(report.getId(), Vars.ACK_DUE_AT);
		// 费时事: acknowledge within two hours, around the clock
		assertThat(ackDue.toInstant()).isEqualTo(TUESDAY_10.plus(Duration.ofHours(2)));

		ClockUtil.setCurrentTime(Date.from(ackDue.toInstant().plusSeconds(1)));
		execute(timer(report, Ids.TIMER_ACKNOWLEDGEMENT_OVERDUE));

		assertThat(report).isWaitingAt(Ids.TASK_ACKNOWLEDGE).hasPassed(Ids.TASK_SUPERVISE_ACKNOWLEDGEMENT);
		SupervisionOrder order = orders(handling).get(0);
		assertThat(order.departmentCode()).isEqualTo(CG);
		assertThat(order.phase()).isEqualTo(Phase.ACCEPTANCE);
		assertThat(order.issuer()).isEqualTo(DemoCounty.TOWNSHIP_CHENGGUAN);
		assertThat(order.copiedTo()).containsExactly("supervision-office", "discipline-commission");
		assertThat(order.status()).isEqualTo(SupervisionStatus.OPEN);
		assertThat(order.replyDueAt()).isEqualTo(ackDue.toInstant().plusSeconds(1).plus(Duration.ofDays(1)));
		assertThat(timer(report, Ids.TIMER_ACKNOWLEDGEMENT_OVERDUE).getDuedate().toInstant())
			.isEqualTo(order.replyDueAt());
		assertThat(task(report).getDueDate().toInstant()).isEqualTo(order.replyDueAt());

		SupervisionOrder replied = supervision.reply(order.id(), "已安排执法队今日到场", "cg-officer");
		assertThat(replied.status()).isEqualTo(SupervisionStatus.REPLIED);
		assertThat(replied.repliedBy()).isEqualTo("cg-officer");
		assertThat(types(handling)).containsSubsequence("WHISTLED", "SUPERVISION_ORDER_ISSUED", "SUPERVISION_REPLIED");

		complete(task(report), withVariables(Vars.ACKNOWLEDGE_OUTCOME, "ACKNOWLEDGE"));
		assertThat(report).isWaitingAt(Ids.TASK_DEPARTMENT_HANDLE);
	}

	@Test
	void supervisionOrderWaitsInTheDepartmentsWorklistAndItsCopiesAreRecordedAsEvents() {
		ProcessInstance handling = atTheTownship();
		SupervisionOrder order = missedAcknowledgement(handling);

		ProcessInstance orderProcess = orderProcess(order);
		assertThat(orderProcess).isWaitingAt(SupervisionOrderProcess.Ids.TASK_REPLY);
		assertThat(task(orderProcess)).hasCandidateGroup(CG);
		assertThat(task(orderProcess).getDueDate().toInstant()).isEqualTo(order.replyDueAt());
		assertThat(timer(orderProcess, SupervisionOrderProcess.Ids.TIMER_REPLY_OVERDUE).getDuedate().toInstant())
			.isEqualTo(order.replyDueAt());
		assertThat(files.timelineOf(order.caseId()))
			.filteredOn(e -> e.type().equals("SUPERVISION_ORDER_COPIED"))
			.extracting(e -> e.details().get("recipient"), e -> e.details().get("orderId"))
			.containsExactly(tuple("supervision-office", order.id().toString()),
					tuple("discipline-commission", order.id().toString()));
	}

	@Test
	void aReplyStopsTheOrderDeadlineAndTheIssuingLevelAcceptsIt() {
		ProcessInstance handling = atTheTownship();
		SupervisionOrder order = missedAcknowledgement(handling);
		ProcessInstance orderProcess = orderProcess(order);

		supervision.reply(order.id(), "已安排执法队今日到场", "cg-officer");

		assertThat(orderProcess).hasPassed(SupervisionOrderProcess.Ids.TASK_REPLY)
			.isWaitingAt(SupervisionOrderProcess.Ids.TASK_REVIEW);
		assertThat(timer(orderProcess, SupervisionOrderProcess.Ids.TIMER_REPLY_OVERDUE))
			.as("the reply stopped the order's deadline").isNull();
		assertThat(task(orderProcess)).hasCandidateGroup(DemoCounty.TOWNSHIP_CHENGGUAN);
		complete(task(orderProcess), withVariables(SupervisionOrderProcess.Vars.REVIEW_OUTCOME, "ACCEPT",
				SupervisionOrderProcess.Vars.REVIEW_NOTE, "整改到位"));

		assertThat(orderProcess).isEnded().hasPassed(SupervisionOrderProcess.Ids.END_CLOSED);
		SupervisionOrder accepted = supervision.get(order.id());
		assertThat(accepted.status()).isEqualTo(SupervisionStatus.ACCEPTED);
		assertThat(accepted.reviewNote()).isEqualTo("整改到位");
		assertThat(types(handling)).containsSubsequence("SUPERVISION_ORDER_ISSUED", "SUPERVISION_REPLIED",
				"SUPERVISION_ACCEPTED");
	}

	@Test
	void aReplySentBackReopensTheOrderWithANewDeadline() {
		ProcessInstance handling = atTheTownship();
		SupervisionOrder order = missedAcknowledgement(handling);
		ProcessInstance orderProcess = orderProcess(order);
		supervision.reply(order.id(), "已安排", "cg-officer");

		Instant reviewedAt = order.replyDueAt().minus(Duration.ofHours(2));
		ClockUtil.setCurrentTime(Date.from(reviewedAt));
		complete(task(orderProcess), withVariables(SupervisionOrderProcess.Vars.REVIEW_OUTCOME, "SEND_BACK",
				SupervisionOrderProcess.Vars.SEND_BACK_REASON, "未说明整改时限"));

		assertThat(orderProcess).isWaitingAt(SupervisionOrderProcess.Ids.TASK_REPLY);
		SupervisionOrder reopened = supervision.get(order.id());
		assertThat(reopened.status()).isEqualTo(SupervisionStatus.OPEN);
		assertThat(reopened.replyDueAt()).isEqualTo(reviewedAt.plus(Duration.ofDays(1)));
		assertThat(timer(orderProcess, SupervisionOrderProcess.Ids.TIMER_REPLY_OVERDUE).getDuedate().toInstant())
			.isEqualTo(reopened.replyDueAt());
		assertThat(types(handling)).contains("SUPERVISION_SENT_BACK");
	}

	@Test
	void aRepliedOrderIsNeverMissedWhenTheDeadlineJobFiresAfterTheReply() {
		ProcessInstance handling = atTheTownship();
		SupervisionOrder order = missedAcknowledgement(handling);
		ProcessInstance report = report(handling, CG);
		supervision.reply(order.id(), "已安排执法队今日到场", "cg-officer");

		// the department's acknowledgement limit was moved to the order's deadline: its job fires after the reply
		ClockUtil.setCurrentTime(Date.from(order.replyDueAt().plusSeconds(1)));
		execute(timer(report, Ids.TIMER_ACKNOWLEDGEMENT_OVERDUE));
		// and a deadline job of the order that was taken before the reply committed changes nothing either
		supervision.missed(order.id(), "job");

		assertThat(supervision.get(order.id()).status()).isEqualTo(SupervisionStatus.REPLIED);
		assertThat(supervision.get(order.id()).missedAt()).isNull();
		assertThat(types(handling)).doesNotContain("SUPERVISION_ESCALATED");
		assertThat(escalations.find(order.caseId(), "COUNTY", null, null, null, 0, 10).items()).isEmpty();
	}

	@Test
	void missingTheSupervisionDeadlineGivesTheCountyCentreAnInterviewTaskAndAnEscalationOnRecord() {
		ProcessInstance handling = atTheTownship();
		whistle(handling, CG, CG);
		ProcessInstance report = report(handling, CG);
		complete(task(report), withVariables(Vars.ACKNOWLEDGE_OUTCOME, "ACKNOWLEDGE"));
		Date handlingDue = (Date) runtime.getVariable(report.getId(), Vars.DEPARTMENT_DUE_AT);

		ClockUtil.setCurrentTime(Date.from(handlingDue.toInstant().plusSeconds(1)));
		execute(timer(report, Ids.TIMER_HANDLING_OVERDUE));
		SupervisionOrder first = orders(handling).get(0);
		assertThat(first.phase()).isEqualTo(Phase.HANDLING);
		ProcessInstance orderProcess = orderProcess(first);
		ClockUtil.setCurrentTime(Date.from(first.replyDueAt().plusSeconds(1)));
		execute(timer(orderProcess, SupervisionOrderProcess.Ids.TIMER_REPLY_OVERDUE));

		assertThat(supervision.get(first.id()).status()).isEqualTo(SupervisionStatus.MISSED);
		assertThat(orderProcess).hasPassed(SupervisionOrderProcess.Ids.TASK_RECORD_MISSED)
			.isWaitingAt(SupervisionOrderProcess.Ids.TASK_COUNTY_SUPERVISION);
		assertThat(task(orderProcess)).hasCandidateGroup("county-centre");
		Escalation escalation = escalations.find(first.caseId(), "COUNTY", null, null, null, 0, 10).items().get(0);
		assertThat(escalation.trigger()).isEqualTo(EscalationTrigger.SUPERVISION);
		assertThat(escalation.fromLevel()).isEqualTo(ResponseLevel.DEPARTMENT);
		assertThat(escalation.fromUnit()).isEqualTo(CG);
		assertThat(escalation.toUnit()).isEqualTo("county-centre");

		complete(task(orderProcess), withVariables(SupervisionOrderProcess.Vars.COUNTY_OUTCOME, "INTERVIEW",
				SupervisionOrderProcess.Vars.COUNTY_NOTE, "约谈城管局分管负责人"));
		assertThat(orderProcess).isEnded().hasPassed(SupervisionOrderProcess.Ids.END_ESCALATED);
		assertThat(supervision.get(first.id()).countyMeasure()).isEqualTo("INTERVIEW");
		assertThat(supervision.find(first.caseId(), null, null, 0, 10).items()).as("the order stays on record")
			.extracting(SupervisionOrder::id)
			.contains(first.id());
		assertThat(types(handling)).containsSubsequence("SUPERVISION_ORDER_ISSUED", "SUPERVISION_ESCALATED",
				"SUPERVISION_COUNTY_ACTED");
	}

	@Test
	void aDepartmentMeetingItsLimitsNeverEscalatesTheCaseAndTheTownshipClockCoversOnlyItsOwnTime() {
		ProcessInstance handling = atTheTownship();
		UUID caseId = UUID.fromString(handling.getBusinessKey());
		SlaClock township = clocks.get(UUID.fromString(
				(String) runtime.getVariable(handling.getId(), ThreeLevelResponseProcess.Vars.SLA_CLOCK_ID)));
		ClockUtil.setCurrentTime(Date.from(TUESDAY_10.plus(Duration.ofMinutes(30))));
		whistle(handling, CG, CG);
		assertThat(clocks.get(township.id()).stateAt(clocks.now())).isEqualTo(ClockState.PAUSED);
		ProcessInstance report = report(handling, CG);

		// 报到 a minute before its limit, then the report a minute before the department's own handling limit, which
		// lies after the township's original due time: every job due meanwhile runs, as the job executor would
		Date ackDue = (Date) runtime.getVariable(report.getId(), Vars.ACK_DUE_AT);
		runDueJobsAt(ackDue.toInstant().minusSeconds(60), handling, report);
		complete(task(report), withVariables(Vars.ACKNOWLEDGE_OUTCOME, "ACKNOWLEDGE"));
		Date handlingDue = (Date) runtime.getVariable(report.getId(), Vars.DEPARTMENT_DUE_AT);
		assertThat(handlingDue.toInstant()).isAfter(township.dueAt());
		runDueJobsAt(handlingDue.toInstant().minusSeconds(60), handling, report);
		complete(task(report), withVariables(Vars.DEPARTMENT_OUTCOME, "REPORTED", "reportSummary", "城管执法队已拆除飞线"));

		assertThat(escalations.find(caseId, null, null, null, null, 0, 10).items())
			.as("only the grid's manual 上报, no breach").extracting(Escalation::trigger)
			.containsExactly(EscalationTrigger.MANUAL);
		assertThat(orders(handling)).isEmpty();
		assertThat(handling).isWaitingAt(ThreeLevelResponseProcess.Ids.TASK_HANDLE_AT_LEVEL)
			.hasPassed(ThreeLevelResponseProcess.Ids.TASK_HAND_OVER_LEVEL_CLOCK,
					ThreeLevelResponseProcess.Ids.TASK_TAKE_BACK_LEVEL_CLOCK)
			.hasNotPassed(ThreeLevelResponseProcess.Ids.TASK_ESCALATE_ON_BREACH);
		assertThat(task(handling)).hasCandidateGroup(DemoCounty.TOWNSHIP_CHENGGUAN);
		SlaClock resumed = clocks.get(township.id());
		assertThat(resumed.stateAt(clocks.now())).isEqualTo(ClockState.RUNNING);
		assertThat(resumed.dueAt()).as("the township keeps the time it had left when it whistled")
			.isAfter(clocks.now());
		assertThat(task(handling).getDueDate().toInstant()).isEqualTo(resumed.dueAt());
		assertThat(timer(handling, ThreeLevelResponseProcess.Ids.TIMER_HANDLE_BREACH).getDuedate().toInstant())
			.isEqualTo(resumed.dueAt());
		assertThat(departmentClock(handling, CG, Phase.ACCEPTANCE).stateAt(clocks.now())).isEqualTo(ClockState.MET);
		assertThat(departmentClock(handling, CG, Phase.HANDLING).stateAt(clocks.now())).isEqualTo(ClockState.MET);
		assertThat(types(handling)).containsSubsequence("WHISTLED", "LEVEL_CLOCK_HANDED_OVER",
				"DEPARTMENT_ACKNOWLEDGED", "DEPARTMENT_REPORTED", "LEVEL_CLOCK_RESUMED");
	}

	/** Moves the engine clock and runs every job then due in these instances, as the job executor would. */
	private void runDueJobsAt(Instant at, ProcessInstance... instances) {
		ClockUtil.setCurrentTime(Date.from(at));
		for (ProcessInstance instance : instances) {
			management.createJobQuery().processInstanceId(instance.getId()).executable().list()
				.forEach(job -> management.executeJob(job.getId()));
		}
	}

	@Test
	void aGridMayNotWhistleDirectly() {
		ProcessInstance handling = dispatchedTo(DemoCounty.GRID_DONGGUAN_1);
		assertThatThrownBy(() -> whistle(handling, CG, CG))
			.hasStackTraceContaining("Only the village/community, the township/street or the county may whistle");
		assertThat(handling).isWaitingAt(ThreeLevelResponseProcess.Ids.TASK_HANDLE_AT_LEVEL);
		assertThat(reports(handling)).isEmpty();
	}

	@Test
	void theCommunityHoldingTheCaseWhistlesDirectlyAndTheWhistleIsKeptWithWhoBlewIt() {
		ProcessInstance handling = dispatchedTo(DemoCounty.VILLAGE_DONGGUAN);
		assertThat(task(handling)).hasCandidateGroup(DemoCounty.VILLAGE_DONGGUAN);

		whistle(handling, CG, CG);

		assertThat(handling).isWaitingAt(ThreeLevelResponseProcess.Ids.CALL_DEPARTMENT_REPORT);
		assertThat(runtime.getVariable(report(handling, CG).getId(), Vars.WHISTLED_BY))
			.isEqualTo(DemoCounty.VILLAGE_DONGGUAN);
		assertThat(whistles.ofCase(UUID.fromString(handling.getBusinessKey()))).singleElement().satisfies(w -> {
			assertThat(w.blownByUnit()).isEqualTo(DemoCounty.VILLAGE_DONGGUAN);
			assertThat(w.source()).isEqualTo(WhistleSource.LEVEL);
			assertThat(w.requested()).isFalse();
			assertThat(w.departments()).containsExactly(CG);
			assertThat(w.judgement()).as("not judged yet").isNull();
		});
	}

	@Test
	void aWithdrawnDepartmentEndsItsReportWithItsClockStoppedAsWithdrawnAndTheLeadWorksOn() {
		ProcessInstance handling = atTheTownship();
		whistle(handling, CG + "," + SW, CG);
		ProcessInstance lead = report(handling, CG);
		ProcessInstance withdrawn = report(handling, SW);
		complete(task(withdrawn), withVariables(Vars.ACKNOWLEDGE_OUTCOME, "ACKNOWLEDGE"));
		assertThat(withdrawn).isWaitingAt(Ids.TASK_DEPARTMENT_HANDLE);

		withdraw(withdrawn, "飞线与供水无关，误召集");

		assertThat(withdrawn).hasPassed(Ids.TASK_CLOSE_WITHDRAWN, Ids.END_WITHDRAWN).isEnded();
		SlaClock handlingClock = departmentClock(handling, SW, Phase.HANDLING);
		assertThat(handlingClock.stateAt(clocks.now())).isEqualTo(ClockState.ESCALATED);
		assertThat(handlingClock.history()).anySatisfy(e -> assertThat(e.note()).contains("撤回"));
		assertThat(types(handling)).containsSubsequence("WHISTLED", "DEPARTMENT_ACKNOWLEDGED", "DEPARTMENT_WITHDRAWN");
		assertThat(handling).as("the lead still works").isWaitingAt(ThreeLevelResponseProcess.Ids.CALL_DEPARTMENT_REPORT);
		complete(task(lead), withVariables(Vars.ACKNOWLEDGE_OUTCOME, "ACKNOWLEDGE"));
		complete(task(lead), withVariables(Vars.DEPARTMENT_OUTCOME, "REPORTED", "reportSummary", "城管执法队已拆除飞线"));
		assertThat(handling).isWaitingAt(ThreeLevelResponseProcess.Ids.TASK_HANDLE_AT_LEVEL);
		assertThat(task(handling)).hasCandidateGroup(DemoCounty.TOWNSHIP_CHENGGUAN);
	}

	@Test
	void withdrawingTheLastDepartmentStillAtWorkGivesTheCaseBackToTheLevelThatWhistled() {
		ProcessInstance handling = atTheTownship();
		whistle(handling, CG + "," + SW, CG);
		ProcessInstance lead = report(handling, CG);
		complete(task(lead), withVariables(Vars.ACKNOWLEDGE_OUTCOME, "ACKNOWLEDGE"));
		complete(task(lead), withVariables(Vars.DEPARTMENT_OUTCOME, "REPORTED", "reportSummary", "城管执法队已拆除飞线"));
		ProcessInstance withdrawn = report(handling, SW);
		assertThat(withdrawn).isWaitingAt(Ids.TASK_ACKNOWLEDGE);

		withdraw(withdrawn, "误召集");

		assertThat(withdrawn).isEnded();
		assertThat(departmentClock(handling, SW, Phase.ACCEPTANCE).stateAt(clocks.now()))
			.isEqualTo(ClockState.ESCALATED);
		assertThat(handling).as("the multi-instance completes: the level takes the case back")
			.isWaitingAt(ThreeLevelResponseProcess.Ids.TASK_HANDLE_AT_LEVEL);
		assertThat(task(handling)).hasCandidateGroup(DemoCounty.TOWNSHIP_CHENGGUAN);
	}

	private void withdraw(ProcessInstance report, String reason) {
		runtime.createMessageCorrelation(DepartmentReportProcess.MESSAGE_WITHDRAWN)
			.processInstanceId(report.getId())
			.setVariable(Vars.WITHDRAW_REASON, reason)
			.correlate();
	}

	private ProcessInstance atTheTownship() {
		ProcessInstance handling = dispatchedToTheGrid();
		complete(task(handling), withVariables(CaseLifecycleProcess.Vars.HANDLING_OUTCOME, "ESCALATE",
				ThreeLevelResponseProcess.Vars.ESCALATION_REASON, "需街道协调多个部门"));
		assertThat(task(handling)).hasCandidateGroup(DemoCounty.TOWNSHIP_CHENGGUAN);
		return handling;
	}

	private void whistle(ProcessInstance handling, String departments, String lead) {
		complete(task(handling), withVariables(CaseLifecycleProcess.Vars.HANDLING_OUTCOME, "WHISTLE",
				ThreeLevelResponseProcess.Vars.WHISTLED_DEPARTMENTS, departments, Vars.LEAD_DEPARTMENT, lead));
	}

	private SlaClock departmentClock(ProcessInstance handling, String department, Phase phase) {
		return clocks.ofCase(UUID.fromString(handling.getBusinessKey()))
			.stream()
			.filter(c -> department.equals(c.departmentCode()) && c.phase() == phase)
			.reduce((first, second) -> second)
			.orElseThrow();
	}

	private List<ProcessInstance> reports(ProcessInstance handling) {
		return runtime.createProcessInstanceQuery()
			.processDefinitionKey(DepartmentReportProcess.PROCESS_KEY)
			.processInstanceBusinessKey(handling.getBusinessKey())
			.list();
	}

	private ProcessInstance report(ProcessInstance handling, String department) {
		return reports(handling).stream()
			.filter(p -> department.equals(runtime.getVariable(p.getId(), Vars.REPORT_DEPARTMENT)))
			.findFirst()
			.orElseThrow();
	}

	/** The township whistles 城管, which lets its acknowledgement limit pass: its supervision order. */
	private SupervisionOrder missedAcknowledgement(ProcessInstance handling) {
		whistle(handling, CG, CG);
		ProcessInstance report = report(handling, CG);
		Date ackDue = (Date) runtime.getVariable(report.getId(), Vars.ACK_DUE_AT);
		ClockUtil.setCurrentTime(Date.from(ackDue.toInstant().plusSeconds(1)));
		execute(timer(report, Ids.TIMER_ACKNOWLEDGEMENT_OVERDUE));
		return orders(handling).get(0);
	}

	private ProcessInstance orderProcess(SupervisionOrder order) {
		return runtime.createProcessInstanceQuery()
			.processDefinitionKey(SupervisionOrderProcess.PROCESS_KEY)
			.variableValueEquals(SupervisionOrderProcess.Vars.ORDER_ID, order.id().toString())
			.singleResult();
	}

	private List<SupervisionOrder> orders(ProcessInstance handling) {
		return supervision.find(UUID.fromString(handling.getBusinessKey()), null, null, 0, 10).items();
	}

	private Job timer(ProcessInstance instance, String activityId) {
		return management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).timers()
			.singleResult();
	}

	private List<String> types(ProcessInstance handling) {
		return files.timelineOf(UUID.fromString(handling.getBusinessKey())).stream().map(TimelineEntry::type).toList();
	}

	private ProcessInstance dispatchedToTheGrid() {
		return dispatchedTo(DemoCounty.GRID_DONGGUAN_1);
	}

	private ProcessInstance dispatchedTo(String unit) {
		UUID id = UUID.randomUUID();
		ProcessInstance lifecycle = report(id, Channel.GRID_REPORT, "OTHER", "其他：飞线充电", "3号楼飞线充电",
				DONGGUAN_BUILDING_3, TUESDAY_10);
		execute(job(lifecycle));
		complete(task(calledProcessInstance(lifecycle)), withVariables(CaseLifecycleProcess.Vars.DISPATCH_OUTCOME,
				"DISPATCH", CaseLifecycleProcess.Vars.HANDLING_UNIT_CODE, unit));
		return calledProcessInstance(lifecycle);
	}

}
