package io.casegrid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;

import io.casegrid.CasegridClient;
import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.identity.TestKeycloak;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.FileSystemResource;

/**
 * Every operation of {@code openapi/casegrid.yaml}, called by a demo user or app of every role and by nobody: those
 * the operation's {@code x-casegrid-roles} lists get past authorization (whatever the answer — 400 for the empty
 * bodies sent here, 404 for ids that do not exist), all others get 403, and a call without a token 401. The
 * operations come from the contract file itself, so a new operation is covered the moment it is written — and fails
 * here until it has a sample request below.
 */
@HttpTest
class OperationRolesHttpTests {

	/** One demo principal per role (the realm gives each demo user exactly these roles). */
	static final Map<String, Set<String>> PRINCIPALS = new LinkedHashMap<>();

	static {
		PRINCIPALS.put(DemoUsers.GRID_WORKER_DONGGUAN_1, Set.of("grid-worker"));
		PRINCIPALS.put(DemoUsers.GRID_LEAD_DONGGUAN, Set.of("grid-lead"));
		PRINCIPALS.put(DemoUsers.MEDIATOR_DONGGUAN, Set.of("village-mediator"));
		PRINCIPALS.put(DemoUsers.MEDIATION_ROOM_CHENGGUAN, Set.of("brand-mediation-room"));
		PRINCIPALS.put(DemoUsers.POLICE_CHIEF_CHENGGUAN, Set.of("police-chief"));
		PRINCIPALS.put(DemoUsers.COURT_CHIEF_CHENGGUAN, Set.of("court-chief"));
		PRINCIPALS.put(DemoUsers.JUDICIAL_CHIEF_CHENGGUAN, Set.of("judicial-chief"));
		PRINCIPALS.put(DemoUsers.DISPATCHER_CHENGGUAN, Set.of("township-dispatcher"));
		PRINCIPALS.put(DemoUsers.CENTRE, Set.of("county-centre"));
		PRINCIPALS.put(DemoUsers.OFFICER_URBAN_MANAGEMENT, Set.of("department-officer"));
		PRINCIPALS.put(DemoUsers.SUPERVISOR, Set.of("supervisor"));
		PRINCIPALS.put(DemoUsers.LEADER, Set.of("county-leader"));
		PRINCIPALS.put(DemoUsers.DESIGNER, Set.of("process-designer"));
		PRINCIPALS.put(DemoUsers.AUDITOR, Set.of("auditor"));
		PRINCIPALS.put(DemoUsers.ADMIN, Set.of("admin"));
		PRINCIPALS.put(DemoUsers.HOTLINE, Set.of("case-reporter"));
		PRINCIPALS.put(DemoUsers.THIRD_PARTY_APP, Set.of("case-reporter", "feedback-channel"));
	}

	/** A request for each operation that changes nothing: ids that do not exist, bodies that fail validation. */
	static final Map<String, Request> SAMPLES = Map.ofEntries(
			Map.entry("reportCase", new Request("POST", "/api/v1/cases", "{}")),
			Map.entry("listCases", new Request("GET", "/api/v1/cases", null)),
			Map.entry("getCase", new Request("GET", "/api/v1/cases/" + UUID.randomUUID(), null)),
			Map.entry("evaluateCase", new Request("POST", "/api/v1/cases/" + UUID.randomUUID() + "/evaluation", "{}")),
			Map.entry("replyToReporter", new Request("POST", "/api/v1/cases/" + UUID.randomUUID() + "/replies", "{}")),
			Map.entry("listTasks", new Request("GET", "/api/v1/tasks", null)),
			Map.entry("getTask", new Request("GET", "/api/v1/tasks/no-such-task", null)),
			Map.entry("claimTask", new Request("POST", "/api/v1/tasks/no-such-task/claim", null)),
			Map.entry("unclaimTask", new Request("POST", "/api/v1/tasks/no-such-task/unclaim", null)),
			Map.entry("completeTask", new Request("POST", "/api/v1/tasks/no-such-task/complete", "{}")),
			// a JSON body where the contract takes multipart: allowed roles get 415, not 401/403
			Map.entry("uploadAttachment",
					new Request("POST", "/api/v1/cases/" + UUID.randomUUID() + "/attachments", "{}")),
			Map.entry("listAttachments", new Request("GET", "/api/v1/cases/" + UUID.randomUUID() + "/attachments", null)),
			Map.entry("downloadAttachment", new Request("GET",
					"/api/v1/cases/" + UUID.randomUUID() + "/attachments/" + UUID.randomUUID() + "/content", null)),
			Map.entry("downloadAttachmentThumbnail", new Request("GET",
					"/api/v1/cases/" + UUID.randomUUID() + "/attachments/" + UUID.randomUUID() + "/thumbnail", null)),
			Map.entry("getMediation", new Request("GET", "/api/v1/cases/" + UUID.randomUUID() + "/mediation", null)),
			Map.entry("recordMediationSession",
					new Request("POST", "/api/v1/cases/" + UUID.randomUUID() + "/mediation/sessions", "{}")),
			Map.entry("getMediationAgreement",
					new Request("GET", "/api/v1/mediation/agreements/" + UUID.randomUUID(), null)),
			Map.entry("listCategories", new Request("GET", "/api/v1/catalog/categories", null)),
			Map.entry("getCaseSla", new Request("GET", "/api/v1/cases/" + UUID.randomUUID() + "/sla", null)),
			Map.entry("pauseCaseSla", new Request("POST", "/api/v1/cases/" + UUID.randomUUID() + "/pause", "{}")),
			Map.entry("resumeCaseSla", new Request("POST", "/api/v1/cases/" + UUID.randomUUID() + "/resume", null)),
			Map.entry("listAtRiskClocks", new Request("GET", "/api/v1/sla/at-risk", null)),
			Map.entry("listBreachedClocks", new Request("GET", "/api/v1/sla/breaches", null)),
			// for the admin this really recomputes the running clocks: harmless while the calendar is unchanged
			Map.entry("recalculateWorkingClocks", new Request("POST", "/api/v1/sla/recalculate", null)),
			Map.entry("listCalendarOverrides", new Request("GET", "/api/v1/calendar/overrides", null)),
			Map.entry("addCalendarOverride", new Request("POST", "/api/v1/calendar/overrides", "{}")),
			Map.entry("removeCalendarOverride",
					new Request("DELETE", "/api/v1/calendar/overrides/2099-01-05?reason=none", null)),
			Map.entry("listCalendarChanges", new Request("GET", "/api/v1/calendar/changes", null)),
			Map.entry("getCaseTimers", new Request("GET", "/api/v1/cases/" + UUID.randomUUID() + "/timers", null)),
			Map.entry("escalateCase", new Request("POST", "/api/v1/cases/" + UUID.randomUUID() + "/escalate", "{}")),
			Map.entry("listEscalations", new Request("GET", "/api/v1/escalations", null)),
			Map.entry("whistleDepartments", new Request("POST", "/api/v1/cases/" + UUID.randomUUID() + "/whistle", "{}")),
			Map.entry("withdrawDepartment",
					new Request("POST", "/api/v1/cases/" + UUID.randomUUID() + "/whistle/withdrawals", "{}")),
			Map.entry("listCaseWhistles", new Request("GET", "/api/v1/cases/" + UUID.randomUUID() + "/whistles", null)),
			Map.entry("judgeWhistle",
					new Request("POST", "/api/v1/whistles/" + UUID.randomUUID() + "/judgement", "{}")),
			Map.entry("applyForWhistle",
					new Request("POST", "/api/v1/cases/" + UUID.randomUUID() + "/whistle-applications", "{}")),
			Map.entry("acceptWhistleApplication",
					new Request("POST", "/api/v1/whistle-applications/" + UUID.randomUUID() + "/accept", null)),
			Map.entry("declineWhistleApplication",
					new Request("POST", "/api/v1/whistle-applications/" + UUID.randomUUID() + "/decline", "{}")),
			Map.entry("listSupervisionOrders", new Request("GET", "/api/v1/supervision-orders", null)),
			Map.entry("replyToSupervisionOrder",
					new Request("POST", "/api/v1/supervision-orders/" + UUID.randomUUID() + "/reply", "{}")),
			Map.entry("listOrgUnits", new Request("GET", "/api/v1/org/units", null)),
			Map.entry("getOrgUnit", new Request("GET", "/api/v1/org/units/149901", null)),
			Map.entry("createWebhookSubscription", new Request("POST", "/api/v1/webhooks", "{}")),
			Map.entry("listWebhookSubscriptions", new Request("GET", "/api/v1/webhooks", null)),
			Map.entry("getWebhookSubscription", new Request("GET", "/api/v1/webhooks/" + UUID.randomUUID(), null)),
			Map.entry("deleteWebhookSubscription", new Request("DELETE", "/api/v1/webhooks/" + UUID.randomUUID(), null)),
			Map.entry("rotateWebhookSecret",
					new Request("POST", "/api/v1/webhooks/" + UUID.randomUUID() + "/rotate-secret", null)),
			Map.entry("sendTestWebhook", new Request("POST", "/api/v1/webhooks/" + UUID.randomUUID() + "/test", null)),
			Map.entry("listWebhookDeliveries",
					new Request("GET", "/api/v1/webhooks/" + UUID.randomUUID() + "/deliveries", null)),
			Map.entry("redeliverWebhook",
					new Request("POST", "/api/v1/webhooks/" + UUID.randomUUID() + "/deliveries/1/redeliver", null)),
			Map.entry("listEvents", new Request("GET", "/api/v1/events?limit=1", null)),
			Map.entry("listNotifications", new Request("GET", "/api/v1/notifications?size=1", null)),
			Map.entry("listDeployedProcesses", new Request("GET", "/api/v1/admin/processes?size=1", null)),
			Map.entry("createMigration", new Request("POST", "/api/v1/admin/migrations", "{}")),
			Map.entry("getMigration", new Request("GET", "/api/v1/admin/migrations/" + UUID.randomUUID(), null)),
			Map.entry("getUnitReport", new Request("GET", "/api/v1/reports/units/149901?month=2025-01", null)),
			Map.entry("getAssessmentRanking",
					new Request("GET", "/api/v1/reports/assessment?level=TOWNSHIP&month=2025-01", null)),
			Map.entry("getUnitAssessment", new Request("GET", "/api/v1/reports/assessment/149901001?month=2025-01", null)),
			Map.entry("listMonthlyReports", new Request("GET", "/api/v1/reports/monthly?size=1", null)),
			Map.entry("getMonthlyReport", new Request("GET", "/api/v1/reports/monthly/" + UUID.randomUUID(), null)),
			Map.entry("getMonthlyReportWorkbook",
					new Request("GET", "/api/v1/reports/monthly/" + UUID.randomUUID() + "/workbook", null)),
			Map.entry("reviewMonthlyReport",
					new Request("POST", "/api/v1/reports/monthly/" + UUID.randomUUID() + "/review", "{\"decision\":\"PUBLISH\"}")),
			Map.entry("getMonthlyReportDocument",
					new Request("GET", "/api/v1/reports/monthly/" + UUID.randomUUID() + "/document", null)),
			Map.entry("markNotificationRead", new Request("POST", "/api/v1/notifications/" + Long.MAX_VALUE + "/read",
					null)));

	record Request(String method, String path, String body) {
	}

	/** An operation as the contract file declares it. */
	record Operation(String id, String method, String path, Set<String> roles) {
	}

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@TestFactory
	Stream<DynamicTest> everyRoleGetsExactlyTheOperationsTheContractGivesIt() {
		List<DynamicTest> tests = new ArrayList<>();
		for (Operation operation : contract()) {
			Request request = SAMPLES.get(operation.id());
			tests.add(DynamicTest.dynamicTest(operation.id() + " has a sample request", () -> assertThat(request)
				.as("add a request for %s (%s %s) to SAMPLES", operation.id(), operation.method(), operation.path())
				.isNotNull()));
			if (request == null) {
				continue;
			}
			tests.add(DynamicTest.dynamicTest(operation.id() + " without a token → 401",
					() -> assertThat(send(CasegridClient.anonymous(port), request).statusCode()).isEqualTo(401)));
			PRINCIPALS.forEach((principal, roles) -> {
				boolean allowed = roles.stream().anyMatch(operation.roles()::contains);
				tests.add(DynamicTest.dynamicTest(
						operation.id() + " as " + principal + " " + roles + " → " + (allowed ? "allowed" : "403"),
						() -> {
							HttpResponse<String> response = send(client(principal), request);
							if (allowed) {
								assertThat(response.statusCode()).as(response.body()).isNotIn(401, 403);
							}
							else {
								assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
								assertThat(json.readTree(response.body()).path("type").asText())
									.isEqualTo("urn:casegrid:problem:forbidden");
							}
						}));
			});
		}
		return tests.stream();
	}

	private CasegridClient client(String principal) {
		return switch (principal) {
			case DemoUsers.HOTLINE -> CasegridClient.app(port, DemoUsers.HOTLINE, DemoUsers.HOTLINE_SECRET);
			case DemoUsers.THIRD_PARTY_APP ->
				CasegridClient.app(port, DemoUsers.THIRD_PARTY_APP, DemoUsers.THIRD_PARTY_APP_SECRET);
			default -> new CasegridClient(port, (Supplier<String>) () -> TestKeycloak.tokenFor(principal));
		};
	}

	private static HttpResponse<String> send(CasegridClient client, Request request) throws Exception {
		return client.send(request.method(), request.path(), request.body());
	}

	/** The operations of the contract file, read here independently of the service's own reader. */
	@SuppressWarnings("unchecked")
	static List<Operation> contract() {
		try (InputStream in = new FileSystemResource("openapi/casegrid.yaml").getInputStream()) {
			Map<String, Object> spec = new Yaml().load(in);
			List<Operation> operations = new ArrayList<>();
			((Map<String, Map<String, Object>>) spec.get("paths")).forEach((path, item) -> item.forEach((method, o) -> {
				if (o instanceof Map<?, ?> operation && operation.containsKey("operationId")) {
					Object roles = operation.get("x-casegrid-roles");
					operations.add(new Operation(String.valueOf(operation.get("operationId")), method.toUpperCase(),
							path, roles instanceof Collection<?> c ? Set.copyOf(c.stream().map(String::valueOf).toList())
									: Set.of()));
				}
			}));
			return operations;
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
