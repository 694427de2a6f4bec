package io.casegrid.mediation;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.casegrid.CasegridClient;
import io.casegrid.DemoUsers;
import io.casegrid.client.model.Channel;
import io.casegrid.client.model.MediationRecord;
import io.casegrid.client.model.Task;
import io.casegrid.client.model.TaskCompletion;

import static org.awaitility.Awaitility.await;

/** Disputes worked through REST to a signed agreement, for tests that need one. */
public final class SettledDisputes {

	private SettledDisputes() {
	}

	/**
	 * A neighbour dispute of 东关社区 reported by its grid worker and settled by its committee's mediator
	 * ({@link DemoUsers#MEDIATOR_DONGGUAN}) with a signed agreement; its mediation record, agreement included.
	 */
	public static MediationRecord withSignedAgreement(int port) throws Exception {
		CasegridClient gridWorker = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
		CasegridClient committee = new CasegridClient(port, DemoUsers.MEDIATOR_DONGGUAN);
		UUID caseId = gridWorker.intake.reportCase(CasegridClient.flyingWireReport()
			.channel(Channel.VISIT)
			.categoryCode("NEIGHBOUR_DISPUTE")
			.title("邻里纠纷：漏水")
			.description("楼上漏水殃及楼下，双方争执。"), null).getId();
		Task accept = committee.awaitTask(caseId, "Task_AcceptDispute");
		committee.tasks.completeTask(accept.getId(), new TaskCompletion().outcome("ACCEPT")
			.putFieldsItem("parties", "王某\n李某")
			.putFieldsItem("disputeSummary", "楼上漏水"));
		Task village = committee.awaitTask(caseId, "Task_VillageMediation");
		committee.tasks.completeTask(village.getId(),
				new TaskCompletion().outcome("SETTLED").putFieldsItem("settlementSummary", "王某修好防水，赔偿李某"));
		Task draft = committee.awaitTask(caseId, "Task_DraftAgreement");
		committee.tasks.completeTask(draft.getId(), new TaskCompletion().outcome("SIGNED")
			.putFieldsItem("parties", "王某；李某")
			.putFieldsItem("facts", "楼上漏水殃及楼下")
			.putFieldsItem("obligations", "王某十日内修好防水")
			.putFieldsItem("performance", "社区见证")
			.putFieldsItem("performBy", OffsetDateTime.now().plusDays(10).toString())
			.putFieldsItem("signaturesConfirmed", "CONFIRMED")
			.putFieldsItem("applyJudicialConfirmation", "NO"));
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> committee.mediation.getMediation(caseId), m -> m.getAgreement() != null);
	}

}
