package io.casegrid.mediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.casegrid.CasegridClient;
import io.casegrid.DemoCounty;
import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.client.api.MediationApi;
import io.casegrid.client.model.CaseStep;
import io.casegrid.client.model.ClockState;
import io.casegrid.client.model.ResponseLevel;
import io.casegrid.client.model.SlaClockView;
import io.casegrid.client.model.SlaPhase;
import io.casegrid.client.model.Channel;
import io.casegrid.client.model.Evaluation;
import io.casegrid.client.model.EvaluationScore;
import io.casegrid.client.model.MediationRecord;
import io.casegrid.client.model.NewMediationSession;
import io.casegrid.client.model.Task;
import io.casegrid.client.model.TaskCompletion;
import io.casegrid.client.model.TimelineEntry;

import org.springframework.boot.test.web.server.LocalServerPort;

/** A neighbour dispute worked from report to agreement by a village mediation committee's app, through REST alone. */
@HttpTest
class MediationHttpTests {

	@LocalServerPort
	int port;

	/** The mediator of 东关社区's people's mediation committee, working through the committee's app. */
	CasegridClient client;

	MediationApi mediation;

	CasegridClient gridWorker;

	CasegridClient centre;

	@BeforeEach
	void connect() {
		client = new CasegridClient(port, DemoUsers.MEDIATOR_DONGGUAN);
		mediation = client.mediation;
		gridWorker = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
		centre = new CasegridClient(port, DemoUsers.CENTRE);
	}

	@Test
	void disputeIsMediatedToAnAgreementThatRendersAsAPrintableDocument() throws Exception {
		UUID caseId = reportNeighbourDispute("邻里纠纷：雨棚挡光", "王某在5号楼前搭建雨棚，挡住李某家采光，双方多次争吵。");

		Task accept = client.awaitTask(caseId, "Task_AcceptDispute");
		assertThat(accept.getCandidateGroups()).containsExactly("mediation:" + DemoCounty.VILLAGE_DONGGUAN);
		assertThat(accept.getOutcomes()).extracting(o -> o.getCode()).containsExactly("ACCEPT", "DECLINE");
		assertThat(client.cases.getCase(caseId).getTrack()).isEqualTo("DISPUTE");
		client.tasks.completeTask(accept.getId(), new TaskCompletion().outcome("ACCEPT")
			.putFieldsItem("parties", "王某，男，东关社区5号楼\n李某，女，东关社区5号楼")
			.putFieldsItem("disputeSummary", "雨棚挡光"));

		Task village = client.awaitTask(caseId, "Task_VillageMediation");
		assertThat(client.cases.getCase(caseId).getStep()).isEqualTo(CaseStep.HANDLING);
		var session = mediation.recordMediationSession(caseId, new NewMediationSession()
			.heldAt(OffsetDateTime.now().minusHours(1))
			.participants("王某、李某、调解员赵某")
			.summary("双方陈述，初步同意调整雨棚"));
		assertThat(session.getLevel().getValue()).isEqualTo("VILLAGE");
		MediationRecord inProgress = mediation.getMediation(caseId);
		assertThat(inProgress.getBrandRoom().getName()).isEqualTo("孙继红调解工作室");
		assertThat(inProgress.getSessions()).hasSize(1);
		SlaClockView villageBox = client.sla.getCaseSla(caseId).getClocks().stream()
			.filter(c -> c.getPhase() == SlaPhase.MEDIATION)
			.findFirst()
			.orElseThrow();
		assertThat(villageBox.getLevel()).as("the village tier's time box is a clock of the case's SLA view")
			.isEqualTo(ResponseLevel.VILLAGE);
		assertThat(villageBox.getLimit()).isEqualTo("P3D");
		assertThat(villageBox.getCounting()).isEqualTo(SlaClockView.CountingEnum.WORKING);
		assertThat(villageBox.getState()).isEqualTo(ClockState.RUNNING);
		assertThat(inProgress.getLevelDueAt()).isAtSameInstantAs(villageBox.getDueAt());

		client.tasks.completeTask(village.getId(),
				new TaskCompletion().outcome("SETTLED").putFieldsItem("settlementSummary", "王某拆除雨棚，李某撤回投诉"));
		Task draft = client.awaitTask(caseId, "Task_DraftAgreement");
		assertThat(CasegridClient.statusOf(() -> client.tasks.completeTask(draft.getId(),
				new TaskCompletion().outcome("SIGNED").putFieldsItem("parties", "王某"))))
			.as("an agreement without its required fields is refused")
			.isEqualTo(400);
		client.tasks.completeTask(draft.getId(), new TaskCompletion().outcome("SIGNED")
			.putFieldsItem("parties", "王某，男，东关社区5号楼；李某，女，东关社区5号楼")
			.putFieldsItem("facts", "王某搭建雨棚遮挡李某采光，王某负主要责任")
			.putFieldsItem("obligations", "王某于十日内自行拆除雨棚")
			.putFieldsItem("performance", "王某自行拆除，社区网格员到场见证")
			.putFieldsItem("performBy", OffsetDateTime.now().plusDays(10).toString())
			.putFieldsItem("signaturesConfirmed", "CONFIRMED")
			.putFieldsItem("applyJudicialConfirmation", "YES"));

		Task confirmation = client.awaitTask(caseId, "Task_JudicialConfirmation");
		MediationRecord settled = mediation.getMediation(caseId);
		assertThat(settled.getStatus().getValue()).isEqualTo("SETTLED");
		assertThat(settled.getJudicialConfirmation().getStatus().getValue()).isEqualTo("OPEN");
		assertThat(settled.getJudicialConfirmation().getDueAt()).isBetween(OffsetDateTime.now().plusDays(29),
				OffsetDateTime.now().plusDays(31));
		assertThat(CasegridClient.statusOf(() -> mediation.recordMediationSession(caseId, new NewMediationSession()
			.heldAt(OffsetDateTime.now())
			.participants("x")
			.summary("y")))).as("no level is open any more").isEqualTo(409);

		var document = client.get(settled.getAgreement().getHref());
		assertThat(document.statusCode()).isEqualTo(200);
		assertThat(document.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
		assertThat(document.body()).contains("人民调解协议书", settled.getAgreement().getNumber(), "王某，男，东关社区5号楼",
				"王某搭建雨棚遮挡李某采光，王某负主要责任", "王某于十日内自行拆除雨棚", "社区网格员到场见证", "东关社区人民调解委员会",
				"当事人（签名）", "人民调解员（签名）", "调解组织（印章）", "已确认", "三十日内", "共同向人民法院申请司法确认");

		client.tasks.completeTask(confirmation.getId(),
				new TaskCompletion().outcome("APPLIED").putFieldsItem("court", "云岭县人民法院"));
		Task followUp = client.awaitTask(caseId, "Task_MediationFollowUp");
		client.tasks.completeTask(followUp.getId(),
				new TaskCompletion().outcome("PERFORMED").putFieldsItem("followUpNote", "雨棚已拆除"));

		await().atMost(Duration.ofSeconds(30))
			.until(() -> client.cases.getCase(caseId).getStep(), s -> s == CaseStep.FEEDBACK);
		// 回访 by the community that owns the place (东关社区), here its mediation committee
		client.awaitTask(caseId, "Task_ReturnVisit");
		client.feedback.evaluateCase(caseId, new Evaluation().score(EvaluationScore.SATISFIED));
		var archived = await().atMost(Duration.ofSeconds(30))
			.until(() -> client.cases.getCase(caseId), c -> c.getStep() == CaseStep.ARCHIVED);
		assertThat(archived.getResolution()).contains("调解成功");
		assertThat(archived.getTimeline()).extracting(TimelineEntry::getType)
			.containsSubsequence("REPORTED", "FILED", "DISPATCHED", "MEDIATION_RECEIVED", "MEDIATION_ACCEPTED",
					"MEDIATION_SESSION", "MEDIATION_SETTLED", "AGREEMENT_SIGNED", "JUDICIAL_CONFIRMATION",
					"MEDIATION_FOLLOW_UP", "MEDIATION_CONCLUDED", "RESULT_SENT", "EVALUATED", "ARCHIVED");
		assertThat(mediation.getMediation(caseId).getFollowUp().getOutcome()).isEqualTo("PERFORMED");
		assertThat(mediation.getMediation(caseId).getOutcome()).isEqualTo(MediationRecord.OutcomeEnum.SETTLED);
		assertThat(archived.getTimeline()).filteredOn(e -> e.getType().equals("MEDIATION_CONCLUDED"))
			.singleElement()
			.satisfies(e -> assertThat(e.getDetails()).containsEntry("outcome", "SETTLED"));
	}

	@Test
	void aDeclinedDisputeShowsAsDeclinedOnTheCaseAndItsMediationNotAsSettled() throws Exception {
		UUID caseId = reportNeighbourDispute("邻里纠纷：房屋产权", "王某与李某争执5号楼车库的产权归属。");
		Task accept = client.awaitTask(caseId, "Task_AcceptDispute");
		assertThat(mediation.getMediation(caseId).getOutcome()).as("no outcome while the mediation runs").isNull();
		client.tasks.completeTask(accept.getId(), new TaskCompletion().outcome("DECLINE")
			.putFieldsItem("referralReason", "涉及房屋产权确认，不属于人民调解范围")
			.putFieldsItem("referralChannel", "LITIGATION"));
		Task followUp = client.awaitTask(caseId, "Task_MediationFollowUp");
		client.tasks.completeTask(followUp.getId(),
				new TaskCompletion().outcome("REFERRAL_FOLLOWED").putFieldsItem("followUpNote", "当事人已起诉"));

		var concluded = await().atMost(Duration.ofSeconds(30))
			.until(() -> client.cases.getCase(caseId), c -> c.getStep() == CaseStep.FEEDBACK);
		assertThat(concluded.getTimeline()).filteredOn(e -> e.getType().equals("MEDIATION_CONCLUDED"))
			.singleElement()
			.satisfies(e -> assertThat(e.getDetails()).containsEntry("outcome", "DECLINED"));
		assertThat(concluded.getResolution()).startsWith("不予受理").doesNotContain("调解成功");
		MediationRecord record = mediation.getMediation(caseId);
		assertThat(record.getOutcome()).isEqualTo(MediationRecord.OutcomeEnum.DECLINED);
		assertThat(record.getReferral().getChannel().getValue()).isEqualTo("LITIGATION");
	}

	/**
	 * What Camunda Tasklist does: fetch the task's deployed form, then submit the form's fields as variables —
	 * here through the engine REST API as an administrator (Camunda's authorizations let no other role work tasks
	 * there).
	 */
	@Test
	void tasklistCanWorkADisputeThroughItsForms() throws Exception {
		CasegridClient engineRest = new CasegridClient(port, DemoUsers.ADMIN);
		UUID caseId = gridWorker.intake.reportCase(CasegridClient.flyingWireReport()
			.categoryCode("FAMILY_DISPUTE")
			.title("婚姻家庭纠纷")
			.description("赡养费纠纷"), null).getId();
		Task accept = client.awaitTask(caseId, "Task_AcceptDispute");

		var form = engineRest.get("/engine-rest/task/" + accept.getId() + "/deployed-form");
		assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
		assertThat(form.body()).contains("Form_AcceptDispute",
				"acceptOutcome", "disputeSummary");
		var submitted = engineRest.post("/engine-rest/task/" + accept.getId() + "/submit-form", """
				{"variables": {
				  "acceptOutcome": {"value": "ACCEPT"},
				  "parties": {"value": "张某（子）；张某某（父）"},
				  "disputeSummary": {"value": "赡养费分担"},
				  "comment": {"value": "在 Tasklist 中受理"}}}""");
		assertThat(submitted.statusCode()).isEqualTo(204);

		Task village = client.awaitTask(caseId, "Task_VillageMediation");
		var session = engineRest.post("/engine-rest/task/" + village.getId() + "/submit-form", """
				{"variables": {
				  "villageOutcome": {"value": "RECORD_SESSION"},
				  "sessionHeldAt": {"value": "2026-11-20T10:00+08:00"},
				  "sessionParticipants": {"value": "张某、张某某、调解员"},
				  "sessionSummary": {"value": "首次调解"}}}""");
		assertThat(session.statusCode()).isEqualTo(204);
		MediationRecord record = await().atMost(Duration.ofSeconds(10))
			.until(() -> mediation.getMediation(caseId), m -> !m.getSessions().isEmpty());
		assertThat(record.getParties()).isEqualTo("张某（子）；张某某（父）");
		assertThat(record.getSessions().get(0).getHeldAt().toInstant())
			.isEqualTo(OffsetDateTime.parse("2026-11-20T10:00+08:00").toInstant());
		assertThat(client.cases.getCase(caseId).getTimeline()).anySatisfy(e -> {
			assertThat(e.getType()).isEqualTo("MEDIATION_ACCEPTED");
			assertThat(e.getDetails()).containsEntry("comment", "在 Tasklist 中受理");
		});
	}

	@Test
	void aCaseThatIsNoDisputeHasNoMediation() throws Exception {
		UUID caseId = gridWorker.intake.reportCase(CasegridClient.reportNeedingTriage(), null).getId();
		centre.awaitTask(caseId, "Task_Dispatch");
		assertThat(CasegridClient.statusOf(() -> centre.mediation.getMediation(caseId))).isEqualTo(404);
		assertThat(CasegridClient.statusOf(() -> centre.mediation.getMediationAgreement(UUID.randomUUID())))
			.isEqualTo(404);
	}

	@Test
	void sessionWithoutSummaryIsNamed() throws Exception {
		var response = client.post("/api/v1/cases/" + UUID.randomUUID() + "/mediation/sessions",
				"{\"heldAt\":\"2026-11-20T10:00:00+08:00\",\"participants\":\"王某\"}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"field\":\"summary\"");
	}

	/** A neighbour dispute the grid worker of 东关社区 reports on a visit: it goes to the community's committee. */
	@Test
	void theMediationRecordNamesWhoRecordedASessionAndTheCommitteesUnitBesideTheIds() throws Exception {
		UUID caseId = reportNeighbourDispute("邻里纠纷：楼道堆物", "邻居在楼道堆放杂物，双方争吵。");
		Task accept = client.awaitTask(caseId, "Task_AcceptDispute");
		client.tasks.completeTask(accept.getId(), new TaskCompletion().outcome("ACCEPT")
			.putFieldsItem("parties", "赵某；钱某")
			.putFieldsItem("disputeSummary", "楼道堆物"));
		client.awaitTask(caseId, "Task_VillageMediation");
		mediation.recordMediationSession(caseId, new NewMediationSession().heldAt(OffsetDateTime.now().minusHours(1))
			.participants("赵某、钱某")
			.summary("双方同意清理"));

		MediationRecord record = mediation.getMediation(caseId);

		assertThat(record.getSessions()).singleElement().satisfies(session -> {
			assertThat(session.getRecordedBy()).isEqualTo(DemoUsers.MEDIATOR_DONGGUAN);
			assertThat(session.getRecordedByName()).isEqualTo("周敏");
		});
		assertThat(record.getVillageCode()).isEqualTo(DemoCounty.VILLAGE_DONGGUAN);
		assertThat(record.getVillageName()).isEqualTo("东关社区");
	}

	@Test
	void theAgreementNamesTheMediatorByFullNameNotByLoginId() throws Exception {
		MediationRecord settled = SettledDisputes.withSignedAgreement(port);

		var document = client.get(settled.getAgreement().getHref()).body();

		assertThat(document).contains("<span id=\"mediator\">周敏</span>")
			.doesNotContain(DemoUsers.MEDIATOR_DONGGUAN);
	}

	private UUID reportNeighbourDispute(String title, String description) throws Exception {
		return gridWorker.intake.reportCase(CasegridClient.flyingWireReport()
			.channel(Channel.VISIT)
			.categoryCode("NEIGHBOUR_DISPUTE")
			.title(title)
			.description(description), null).getId();
	}

}
