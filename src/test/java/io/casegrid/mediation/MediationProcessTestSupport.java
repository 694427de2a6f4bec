package io.casegrid.mediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

import io.casegrid.DemoCounty;
import io.casegrid.EngineTestSupport;
import io.casegrid.casefile.CaseLifecycleProcess;
import io.casegrid.casefile.CaseLocation;
import io.casegrid.casefile.Channel;
import io.casegrid.casefile.TimelineEntry;
import io.casegrid.mediation.TieredMediationProcess.Ids;
import io.casegrid.mediation.TieredMediationProcess.Vars;
import io.casegrid.sla.Phase;
import io.casegrid.sla.SlaClock;
import io.casegrid.sla.SlaClocks;
import io.casegrid.sla.calendar.DueDateCalculator;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Disputes reached the way a real one is: reported with a dispute category, filed, dispatched to the village committee
 * by place, handled by {@code tiered-mediation.bpmn}, which calls its parts. The job executor is off; the tests run
 * async steps and fire timers by moving the engine clock.
 */
abstract class MediationProcessTestSupport extends EngineTestSupport {

	/** 东关社区: 城关街道 has the brand room 孙继红调解工作室. */
	static final String WITH_BRAND_ROOM = DemoCounty.GRID_DONGGUAN_1;

	/** 柳树村: no brand room serves it or 河西镇. */
	static final String WITHOUT_BRAND_ROOM = "149901102202001";

	/** 河西镇, the township of {@link #WITHOUT_BRAND_ROOM}. */
	static final String HEXI = "149901102";

	@Autowired
	Mediations mediations;

	@Autowired
	SlaClocks clocks;

	@Autowired
	DueDateCalculator calculator;

	/** A reported dispute: its case, its lifecycle and the tiered mediation the lifecycle called to handle it. */
	record Dispute(UUID caseId, ProcessInstance lifecycle, ProcessInstance mediation) {
	}

	Dispute reportDispute(String unitCode) {
		UUID id = UUID.randomUUID();
		var chain = unitCode.equals(WITH_BRAND_ROOM) ? DONGGUAN_BUILDING_3
				: new CaseLocation("柳树村二组", null, null, unitCode, unitCode, "149901102202", HEXI, DemoCounty.COUNTY);
		ProcessInstance lifecycle = report(id, Channel.VISIT, "NEIGHBOUR_DISPUTE", "邻里纠纷", "雨棚挡光引发纠纷", chain,
				Instant.now());
		execute(job(lifecycle));
		assertThat(lifecycle).isWaitingAt(CaseLifecycleProcess.Ids.CALL_HANDLE);
		assertThat(files.get(id).track()).isEqualTo("DISPUTE");
		return new Dispute(id, lifecycle, instanceOf(TieredMediationProcess.PROCESS_KEY, id));
	}

	/** The running village tier the mediation called (the first tier). */
	ProcessInstance village(Dispute d) {
		return called(d, TieredMediationProcess.VILLAGE_PROCESS_KEY);
	}

	/** The running three heads' consultation the mediation called (the second tier). */
	ProcessInstance threeHeads(Dispute d) {
		return called(d, TieredMediationProcess.THREE_HEADS_PROCESS_KEY);
	}

	/** The running agreement and judicial confirmation the mediation called. */
	ProcessInstance agreement(Dispute d) {
		return called(d, TieredMediationProcess.AGREEMENT_PROCESS_KEY);
	}

	private ProcessInstance called(Dispute d, String processKey) {
		ProcessInstance called = runtime.createProcessInstanceQuery()
			.superProcessInstanceId(d.mediation().getId())
			.processDefinitionKey(processKey)
			.singleResult();
		assertThat(called).as("the mediation's running " + processKey).isNotNull();
		assertThat(called.getBusinessKey()).as("the case's id as business key").isEqualTo(d.caseId().toString());
		return called;
	}

	void accept(ProcessInstance village) {
		complete(task(Ids.TASK_ACCEPT, village), withVariables(Vars.ACCEPT_OUTCOME, "ACCEPT", "parties",
				"王某，东关社区5号楼\n李某，东关社区5号楼", "disputeSummary", "王某搭建雨棚挡住李某家采光"));
	}

	/** Accepted and settled by the committee: the agreement is being drawn up. */
	ProcessInstance settledAtTheVillage(Dispute d) {
		ProcessInstance village = village(d);
		accept(village);
		complete(task(Ids.TASK_VILLAGE_MEDIATION, village),
				withVariables(Vars.VILLAGE_OUTCOME, "SETTLED", "settlementSummary", "王某拆除挡光雨棚"));
		return agreement(d);
	}

	Dispute toThreeHeads() {
		Dispute d = reportDispute(WITHOUT_BRAND_ROOM);
		ProcessInstance village = village(d);
		accept(village);
		complete(task(village), withVariables(Vars.VILLAGE_OUTCOME, "NOT_SETTLED", "notSettledReason", "分歧较大"));
		giveOpinions(threeHeads(d));
		assertThat(threeHeads(d)).isWaitingAt(Ids.TASK_JOINT_CONSULTATION);
		return d;
	}

	void giveOpinions(ProcessInstance consultation) {
		complete(task(Ids.TASK_POLICE_OPINION, consultation),
				withVariables(Vars.POLICE_OUTCOME, "SUBMIT", "policeOpinion", "无治安违法"));
		complete(task(Ids.TASK_COURT_OPINION, consultation),
				withVariables(Vars.COURT_OUTCOME, "SUBMIT", "courtOpinion", "宜调解，可司法确认"));
		complete(task(Ids.TASK_JUDICIAL_OPINION, consultation),
				withVariables(Vars.JUDICIAL_OUTCOME, "SUBMIT", "judicialOpinion", "建议按地界图划分"));
	}

	Dispute toCounty() {
		Dispute d = toThreeHeads();
		complete(task(Ids.TASK_JOINT_CONSULTATION, threeHeads(d)),
				withVariables(Vars.JOINT_OUTCOME, "NOT_SETTLED", "jointDecision", "无法达成一致"));
		assertThat(d.mediation()).isWaitingAt(Ids.TASK_COUNTY_MEDIATION);
		return d;
	}

	void sign(ProcessInstance agreement, String applyJudicialConfirmation) {
		complete(task(Ids.TASK_DRAFT_AGREEMENT, agreement), Map.<String, Object>of(Vars.AGREEMENT_OUTCOME, "SIGNED",
				"parties", "王某；李某", "facts", "雨棚挡光，王某负主要责任", "obligations", "王某于十日内拆除雨棚",
				"performance", "王某自行拆除，社区监督", "performBy", Date.from(Instant.now().plus(Duration.ofDays(10))),
				"signaturesConfirmed", "CONFIRMED", Vars.APPLY_JUDICIAL_CONFIRMATION, applyJudicialConfirmation));
	}

	/**
	 * The mediation ended with {@code outcome} everywhere it is recorded (the record, the case's timeline, the process
	 * variable), and the case went on to send its result.
	 */
	void assertConcludedAs(Dispute d, MediationOutcome outcome) {
		assertThat(d.mediation()).isEnded();
		assertThat(d.lifecycle()).isWaitingAt(CaseLifecycleProcess.Ids.TASK_SEND_RESULT);
		assertThat(mediations.get(d.caseId()).outcome()).contains(outcome);
		assertThat(files.timelineOf(d.caseId()))
			.filteredOn(t -> t.type().equals("MEDIATION_CONCLUDED"))
			.singleElement()
			.satisfies(t -> assertThat(t.details()).containsEntry("outcome", outcome.name()));
		assertThat(engine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.processInstanceId(d.mediation().getId())
			.variableName(MediationOutcome.VARIABLE)
			.singleResult()
			.getValue()).isEqualTo(outcome.name());
	}

	/** The case's open mediation clock (the running tier's time box). */
	SlaClock mediationClock(Dispute d) {
		return clocks.open(d.caseId(), Phase.MEDIATION).orElseThrow();
	}

	List<SlaClock> mediationClocks(Dispute d) {
		return clocks.ofCase(d.caseId()).stream().filter(c -> c.phase() == Phase.MEDIATION).toList();
	}

	static Instant seconds(Instant instant) {
		return instant.truncatedTo(ChronoUnit.SECONDS);
	}

	/** Moves the engine clock to the timer's due time and fires it. */
	void fireTimer(Dispute d, String timerId) {
		Job timer = timer(d, timerId);
		assertThat(timer).as("timer " + timerId).isNotNull();
		ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
		assertThat(management.createJobQuery().jobId(timer.getId()).executable().count()).isEqualTo(1);
		execute(timer);
	}

	Instant timerDue(Dispute d, String timerId) {
		return timer(d, timerId).getDuedate().toInstant().truncatedTo(ChronoUnit.SECONDS);
	}

	/** The timer of the mediation or of a process it called, or null. */
	Job timer(Dispute d, String timerId) {
		List<String> instances = runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(d.caseId().toString())
			.list()
			.stream()
			.map(ProcessInstance::getId)
			.toList();
		return management.createJobQuery()
			.activityId(timerId)
			.timers()
			.list()
			.stream()
			.filter(job -> instances.contains(job.getProcessInstanceId()))
			.reduce((a, b) -> {
				throw new AssertionError("more than one timer " + timerId);
			})
			.orElse(null);
	}

	long canceled(ProcessInstance instance, String activityId) {
		return engine.getHistoryService()
			.createHistoricActivityInstanceQuery()
			.processInstanceId(instance.getId())
			.activityId(activityId)
			.canceled()
			.count();
	}

	List<String> types(Dispute d) {
		return files.timelineOf(d.caseId()).stream().map(TimelineEntry::type).toList();
	}

}
