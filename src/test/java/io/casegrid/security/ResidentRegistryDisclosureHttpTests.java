package io.casegrid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.casegrid.CasegridClient;
import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.client.model.CaseDetail;
import io.casegrid.client.model.CaseReport;
import io.casegrid.client.model.Channel;
import io.casegrid.client.model.Reporter;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Whoever reports a case names a phone number; the resident registry's tags for that number (残疾, 低保 …) must not
 * come back to them, or the report endpoint would be a look-up of the registry. Staff who handle the case read them;
 * triage still raises the priority.
 */
@HttpTest
class ResidentRegistryDisclosureHttpTests {

	/** 刘奶奶 in the registry: LIVING_ALONE_ELDERLY (独居老人). */
	private static final String REGISTERED_PHONE = "139 0000 0001";

	/** 陈某某 in the registry: SEVERE_DISABILITY, SUBSISTENCE_ALLOWANCE (重残, 低保在享). */
	private static final String REGISTERED_PHONE_HEXI = "13900000002";

	@LocalServerPort
	int port;

	@Test
	void hotlineReportingARegisteredPhoneGetsNoRegistryTagsBackNorLaterOnItsCase() throws Exception {
		CasegridClient hotline = CasegridClient.app(port, DemoUsers.HOTLINE, DemoUsers.HOTLINE_SECRET);
		CaseDetail answer = hotline.intake.reportCase(registered(REGISTERED_PHONE_HEXI).channel(Channel.HOTLINE_12345), null);

		assertNoResidentProfile(answer);
		assertNoResidentProfile(hotline.cases.getCase(answer.getId()));
	}

	@Test
	void thirdPartyAppReportingARegisteredPhoneGetsNoRegistryTagsBack() throws Exception {
		CasegridClient app = CasegridClient.app(port, DemoUsers.THIRD_PARTY_APP, DemoUsers.THIRD_PARTY_APP_SECRET);
		CaseDetail answer = app.intake.reportCase(registered(REGISTERED_PHONE).channel(Channel.RESIDENT_APP), null);

		assertNoResidentProfile(answer);
		assertNoResidentProfile(app.cases.getCase(answer.getId()));
	}

	@Test
	void gridWorkerReportingARegisteredPhoneGetsOnlyTheTagsTheySentBackButHandlingStaffReadTheRegistrys()
			throws Exception {
		CasegridClient gridWorker = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
		CaseDetail answer = gridWorker.intake.reportCase(registered(REGISTERED_PHONE), null);
		CaseDetail sentTags = gridWorker.intake.reportCase(
				registered(REGISTERED_PHONE).reporter(new Reporter().name("刘奶奶").phone(REGISTERED_PHONE).addTagsItem("LEFT_BEHIND_CHILD")),
				null);

		assertNoResidentProfile(answer);
		assertThat(sentTags.getReporter().getTags()).as("what the reporter sent comes back, nothing more")
			.containsExactly("LEFT_BEHIND_CHILD");
		assertThat(sentTags.getVulnerable()).isNull();

		UUID caseId = answer.getId();
		gridWorker.awaitTask(caseId, "Task_HandleAtLevel");
		CaseDetail handled = new CasegridClient(port, DemoUsers.DISPATCHER_CHENGGUAN).cases.getCase(caseId);
		assertThat(handled.getReporter().getTags()).as("handling staff read the registry's tags")
			.containsExactly("LIVING_ALONE_ELDERLY");
		assertThat(handled.getVulnerable()).isTrue();
		assertThat(handled.getPriority()).as("and triage still raised the priority").isEqualTo("HIGH");
	}

	private static CaseReport registered(String phone) {
		return CasegridClient.flyingWireReport()
			.categoryCode("GARBAGE")
			.title("垃圾清运不及时")
			.reporter(new Reporter().name("某居民").phone(phone));
	}

	private static void assertNoResidentProfile(CaseDetail view) {
		assertThat(view.getReporter().getPhone()).isNotNull();
		assertThat(view.getReporter().getTags()).as("no registry tags").isNullOrEmpty();
		assertThat(view.getVulnerable()).as("no vulnerable flag").isNull();
		assertThat(view.getPriority()).as("no priority derived from the registry").isNull();
	}

}
