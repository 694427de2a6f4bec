package io.casegrid.security;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.casegrid.CasegridClient;
import io.casegrid.DemoCounty;
import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.client.model.Channel;
import io.casegrid.client.model.Location;
import io.casegrid.client.model.Task;
import io.casegrid.identity.TestKeycloak;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A village mediator signs in to Camunda Tasklist through Keycloak (the webapps' sign-in) and makes the calls Tasklist
 * makes — the filter list, a filter's task list, a task, claim, submit — with the webapp session: Tasklist shows the
 * mediation task of the mediator's village and nothing of another village, by the API's own rules.
 */
@HttpTest
class TasklistForFieldStaffHttpTests {

	private static final String ENGINE = "/camunda/api/engine/engine/default/";

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@BeforeAll
	static void keycloakIsUp() {
		TestKeycloak.started().awaitReady();
	}

	@Test
	void villageMediatorSeesInTasklistOnlyTheMediationTaskOfTheirVillage() throws Exception {
		Task ours = acceptTask(DemoUsers.GRID_WORKER_DONGGUAN_1, DemoCounty.GRID_DONGGUAN_1, DemoUsers.MEDIATOR_DONGGUAN);
		Task theirs = acceptTask(DemoUsers.GRID_WORKER_HEXI_1, DemoCounty.GRID_HEXI_1, DemoUsers.MEDIATOR_HEXI);
		WebappBrowser tasklist = WebappBrowser.signedIn(port, DemoUsers.MEDIATOR_DONGGUAN);

		assertThat(tasklist.page("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
		HttpResponse<String> filters = tasklist.get(ENGINE + "filter?resourceType=Task&itemCount=true");
		assertThat(filters.statusCode()).as(filters.body()).isEqualTo(200);
		JsonNode filter = null;
		for (JsonNode each : json.readTree(filters.body())) {
			filter = "我的待办".equals(each.path("name").asText()) ? each : filter;
		}
		assertThat(filter).as("Tasklist's filter 我的待办 in " + filters.body()).isNotNull();
		assertThat(filter.has("itemCount")).as("an unrestricted count would leak").isFalse();

		HttpResponse<String> listed = tasklist.sendJson("POST",
				ENGINE + "filter/" + filter.path("id").asText() + "/list?firstResult=0&maxResults=200", "{}");
		assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
		Set<String> shown = ids(listed.body());
		assertThat(shown).contains(ours.getId()).doesNotContain(theirs.getId());
		// exactly the mediator's worklist in the API
		CasegridClient mediator = new CasegridClient(port, DemoUsers.MEDIATOR_DONGGUAN);
		assertThat(shown).isEqualTo(new HashSet<>(mediator.tasks.listTasks(null, null, null, null, 0, 200)
			.getItems()
			.stream()
			.map(Task::getId)
			.toList()));
		assertThat(ids(tasklist.get(ENGINE + "task?maxResults=200").body())).contains(ours.getId())
			.doesNotContain(theirs.getId());

		assertThat(tasklist.get(ENGINE + "task/" + ours.getId()).statusCode()).isEqualTo(200);
		assertThat(tasklist.get(ENGINE + "task/" + theirs.getId()).statusCode()).isEqualTo(404);
		assertThat(tasklist.get(ENGINE + "task/" + theirs.getId() + "/form-variables").statusCode()).isEqualTo(404);
		assertThat(tasklist.sendJson("POST", ENGINE + "task/" + theirs.getId() + "/claim",
				"{\"userId\":\"" + DemoUsers.MEDIATOR_DONGGUAN + "\"}").statusCode()).isEqualTo(404);
		assertThat(tasklist.get(ENGINE + "process-instance").statusCode()).isEqualTo(403);
	}

	@Test
	void mediatorCompletesTheirTaskInTasklistThroughTheApisCompletionRules() throws Exception {
		Task ours = acceptTask(DemoUsers.GRID_WORKER_DONGGUAN_1, DemoCounty.GRID_DONGGUAN_1, DemoUsers.MEDIATOR_DONGGUAN);
		WebappBrowser tasklist = WebappBrowser.signedIn(port, DemoUsers.MEDIATOR_DONGGUAN);

		assertThat(tasklist.sendJson("POST", ENGINE + "task/" + ours.getId() + "/claim",
				"{\"userId\":\"" + DemoUsers.MEDIATOR_DONGGUAN + "\"}").statusCode()).isEqualTo(204);
		// the contract requires the parties for ACCEPT: the API's 400, not a completed task
		HttpResponse<String> incomplete = tasklist.sendJson("POST", ENGINE + "task/" + ours.getId() + "/submit-form",
				"{\"variables\": {\"acceptOutcome\": {\"value\": \"ACCEPT\"}, \"disputeSummary\": {\"value\": \"雨棚挡光\"}}}");
		assertThat(incomplete.statusCode()).isEqualTo(400);
		assertThat(incomplete.body()).contains("fields.parties");

		HttpResponse<String> submitted = tasklist.sendJson("POST", ENGINE + "task/" + ours.getId() + "/submit-form", """
				{"variables": {"acceptOutcome": {"value": "ACCEPT"}, "parties": {"value": "王某\\n李某"},
				               "disputeSummary": {"value": "雨棚挡光"}}}""");
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
		assertThat(tasklist.get(ENGINE + "task/" + ours.getId()).statusCode()).isEqualTo(404);
	}

	@Test
	void tasklistSpeaksChineseByDefault() throws Exception {
		WebappBrowser tasklist = WebappBrowser.signedIn(port, DemoUsers.MEDIATOR_DONGGUAN);

		assertThat(tasklist.get("/camunda/app/tasklist/scripts/config.js").body())
			.contains("availableLocales: ['zh', 'en']")
			.contains("fallbackLocale: 'zh'");
		JsonNode locale = json.readTree(tasklist.get("/camunda/app/tasklist/locales/zh.json").body());
		assertThat(locale.path("labels").path("CLAIM_TASK").asText()).isEqualTo("认领");
		assertThat(locale.path("labels").path("COMPLETE").asText()).isEqualTo("办结");
		assertThat(locale.path("dateLocales").path("months").get(0).asText()).isEqualTo("一月");
	}

	/** A neighbour dispute reported in the grid, and its 受理 task in the village mediator's worklist. */
	private Task acceptTask(String gridWorker, String grid, String mediator) throws Exception {
		CasegridClient reporter = new CasegridClient(port, gridWorker);
		UUID caseId = reporter.intake.reportCase(CasegridClient.flyingWireReport()
			.channel(Channel.VISIT)
			.categoryCode("NEIGHBOUR_DISPUTE")
			.title("邻里纠纷：雨棚挡光")
			.description("王某在楼前搭建雨棚，挡住李某家采光。")
			.location(new Location().address("楼前").unitCode(grid)), null).getId();
		return new CasegridClient(port, mediator).awaitTask(caseId, "Task_AcceptDispute");
	}

	private Set<String> ids(String body) throws Exception {
		Set<String> ids = new HashSet<>();
		JsonNode tasks = json.readTree(body);
		(tasks.isArray() ? tasks : tasks.path("_embedded").path("task")).forEach(t -> ids.add(t.path("id").asText()));
		return ids;
	}

}
