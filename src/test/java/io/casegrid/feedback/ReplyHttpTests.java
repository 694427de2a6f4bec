package io.casegrid.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.casegrid.CasegridClient;
import io.casegrid.DemoCounty;
import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.client.ApiException;
import io.casegrid.client.model.CaseStep;
import io.casegrid.client.model.ClockState;
import io.casegrid.client.model.Reply;
import io.casegrid.client.model.ReplyRequest;
import io.casegrid.client.model.SlaClockView;
import io.casegrid.client.model.SlaPhase;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 回音 through the API: a complex matter (违法建设, handled by the township) owes the resident a first answer within
 * seven natural days; the township's reply meets that clock while the case stays in handling.
 */
@HttpTest
class ReplyHttpTests {

	@LocalServerPort
	int port;

	CasegridClient gridWorker;

	CasegridClient township;

	CasegridClient department;

	@BeforeEach
	void connect() {
		gridWorker = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
		township = new CasegridClient(port, DemoUsers.DISPATCHER_CHENGGUAN);
		department = new CasegridClient(port, DemoUsers.OFFICER_URBAN_MANAGEMENT);
	}

	@Test
	void theDepartmentHandlingTheMatterRepliesAndMeetsTheComplexMattersReplyClockWithoutResolvingIt() throws Exception {
		UUID caseId = complexMatterAtItsDepartment();
		SlaClockView reply = clockOf(caseId, SlaPhase.REPLY);
		assertThat(reply.getState()).isEqualTo(ClockState.RUNNING);
		assertThat(reply.getLimit()).isEqualTo("P7D");
		assertThat(reply.getCounting()).isEqualTo(SlaClockView.CountingEnum.NATURAL);

		Reply first = department.feedback.replyToReporter(caseId,
				new ReplyRequest().text("已受理，县城管局本周内上门核查，核查后答复您处理方案。"));

		assertThat(first.getReplyClockMet()).isTrue();
		assertThat(first.getRepliedBy()).isEqualTo(DemoUsers.OFFICER_URBAN_MANAGEMENT);
		assertThat(clockOf(caseId, SlaPhase.REPLY).getState()).isEqualTo(ClockState.MET);
		assertThat(clockOf(caseId, SlaPhase.HANDLING).getState()).as("the reply does not meet 办结")
			.isNotIn(ClockState.MET, ClockState.BREACHED);
		assertThat(township.cases.getCase(caseId).getStep()).isNotIn(CaseStep.FEEDBACK, CaseStep.ARCHIVED);
		assertThat(township.cases.getCase(caseId).getTimeline()).extracting(e -> e.getType()).contains("REPLIED");

		Reply second = department.feedback.replyToReporter(caseId, new ReplyRequest().text("核查已完成，拆除方案已报批。"));
		assertThat(second.getReplyClockMet()).as("only the first reply meets the clock").isFalse();
	}

	@Test
	void onlyWhoHoldsTheWorkMayReply() throws Exception {
		UUID caseId = complexMatterAtItsDepartment();
		assertThat(CasegridClient.statusOf(() -> gridWorker.feedback.replyToReporter(caseId,
				new ReplyRequest().text("我来答复")))).as("the grid worker sees the case but does not hold its task")
			.isEqualTo(403);
		assertThat(CasegridClient.statusOf(() -> township.feedback.replyToReporter(caseId,
				new ReplyRequest().text("街道答复")))).as("the copied township holds no task while the department works")
			.isEqualTo(403);
		assertThat(CasegridClient.statusOf(() -> department.feedback.replyToReporter(UUID.randomUUID(),
				new ReplyRequest().text("答复")))).isEqualTo(404);
		assertThat(clockOf(caseId, SlaPhase.REPLY).getState()).isEqualTo(ClockState.RUNNING);
	}

	@Test
	void anEmptyReplyIsRefusedNamingTheField() throws Exception {
		UUID caseId = complexMatterAtItsDepartment();
		ApiException refused = CasegridClient
			.failureOf(() -> department.feedback.replyToReporter(caseId, new ReplyRequest().text("")));
		assertThat(refused.getCode()).isEqualTo(400);
		assertThat(refused.getResponseBody()).contains("urn:casegrid:problem:validation").contains("\"field\":\"text\"");
	}

	@Test
	void theMediationCommitteeHoldingAComplexDisputeMeetsItsReplyClock() throws Exception {
		CasegridClient mediator = new CasegridClient(port, DemoUsers.MEDIATOR_DONGGUAN);
		UUID caseId = gridWorker.intake
			.reportCase(CasegridClient.flyingWireReport()
				.channel(io.casegrid.client.model.Channel.VISIT)
				.categoryCode("LAND_DISPUTE")
				.title("土地纠纷")
				.description("两户因宅基地边界争执"), null)
			.getId();
		mediator.awaitTask(caseId, "Task_AcceptDispute");
		assertThat(clockOf(caseId, SlaPhase.REPLY).getUnitCode()).isEqualTo(DemoCounty.VILLAGE_DONGGUAN);

		Reply reply = mediator.feedback.replyToReporter(caseId, new ReplyRequest().text("调委会已受理，三日内约双方调解。"));

		assertThat(reply.getReplyClockMet()).isTrue();
		assertThat(clockOf(caseId, SlaPhase.REPLY).getState()).isEqualTo(ClockState.MET);
	}

	/** 违法建设 (COMPLEX, 城管's kind): triage sends it straight to the county's 城管局, whose 报到 task waits. */
	private UUID complexMatterAtItsDepartment() throws Exception {
		UUID caseId = gridWorker.intake
			.reportCase(CasegridClient.flyingWireReport()
				.categoryCode("ILLEGAL_CONSTRUCTION")
				.title("违法建设")
				.description("5号楼楼顶有人搭建彩钢房"), null)
			.getId();
		var task = department.awaitTask(caseId, "Task_Acknowledge");
		assertThat(task.getCandidateGroups()).containsExactly(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT);
		return caseId;
	}

	private SlaClockView clockOf(UUID caseId, SlaPhase phase) throws Exception {
		return township.sla.getCaseSla(caseId)
			.getClocks()
			.stream()
			.filter(c -> c.getPhase() == phase)
			.reduce((a, b) -> {
				throw new AssertionError("more than one clock of phase " + phase);
			})
			.orElseThrow(() -> new AssertionError("no clock of phase " + phase));
	}

}
