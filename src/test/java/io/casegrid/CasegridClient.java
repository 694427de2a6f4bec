package io.casegrid;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.casegrid.client.ApiClient;
import io.casegrid.client.ApiException;
import io.casegrid.client.api.CasesApi;
import io.casegrid.client.api.FeedbackApi;
import io.casegrid.client.api.IntakeApi;
import io.casegrid.client.api.OrgApi;
import io.casegrid.client.api.TasksApi;
import io.casegrid.client.model.CaseReport;
import io.casegrid.client.model.Channel;
import io.casegrid.client.model.Location;
import io.casegrid.client.model.Reporter;
import io.casegrid.client.model.Task;
import io.casegrid.client.model.TaskCompletion;
import io.casegrid.identity.TestKeycloak;

import static org.awaitility.Awaitility.await;

/**
 * The client generated from {@code openapi/casegrid.yaml}, as a third-party app uses it, plus raw HTTP for abuse.
 * It acts as one demo user or app of the realm, with a token from the tests' Keycloak on every request.
 */
public final class CasegridClient {

	public final IntakeApi intake;

	public final CasesApi cases;

	public final TasksApi tasks;

	public final FeedbackApi feedback;

	public final OrgApi org;

	public final io.casegrid.client.api.MediationApi mediation;

	public final io.casegrid.client.api.SlaApi sla;

	public final io.casegrid.client.api.EscalationApi escalation;

	public final io.casegrid.client.api.WhistleApi whistle;

	public final io.casegrid.client.api.WhistleApplicationsApi whistleApplications;

	public final io.casegrid.client.api.SupervisionApi supervision;

	public final io.casegrid.client.api.CatalogApi catalog;

	public final io.casegrid.client.api.CalendarApi calendar;

	public final io.casegrid.client.api.WebhooksApi webhooks;

	public final io.casegrid.client.api.EventsApi events;

	public final io.casegrid.client.api.NotificationsApi notifications;

	public final io.casegrid.client.api.ProcessesApi processes;

	public final io.casegrid.client.api.MigrationsApi migrations;
	public final io.casegrid.client.api.AttachmentsApi attachments;
	public final io.casegrid.client.api.ReportsApi reports;

	private final int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private final Supplier<String> token;

	/** Acts as a demo user (password grant). */
	public CasegridClient(int port, String username) {
		this(port, () -> TestKeycloak.tokenFor(username));
	}

	/** Acts as an app (client credentials). */
	public static CasegridClient app(int port, String clientId, String secret) {
		return new CasegridClient(port, () -> TestKeycloak.tokenForClient(clientId, secret));
	}

	/**
	 * One HTTP client for every test client: the generated {@code ApiClient} builds a new JDK client (a selector
	 * thread and its file handles, freed only when collected) for each API object, about thirty per test client, and
	 * the role tests make a test client per request — the suite ran out of file handles.
	 */
	private static final HttpClient SHARED_HTTP = HttpClient.newHttpClient();

	/** Sends no token at all. */
	public static CasegridClient anonymous(int port) {
		return new CasegridClient(port, () -> null);
	}

	/** Sends whatever token the supplier gives (null: none). */
	public CasegridClient(int port, Supplier<String> token) {
		this.port = port;
		this.token = token;
		ApiClient api = new ApiClient() {

			@Override
			public HttpClient getHttpClient() {
				return SHARED_HTTP;
			}

		}.setScheme("http").setHost("localhost").setPort(port);
		api.setRequestInterceptor(this::authorize);
		this.intake = new IntakeApi(api);
		this.cases = new CasesApi(api);
		this.tasks = new TasksApi(api);
		this.feedback = new FeedbackApi(api);
		this.org = new OrgApi(api);
		this.mediation = new io.casegrid.client.api.MediationApi(api);
		this.sla = new io.casegrid.client.api.SlaApi(api);
		this.escalation = new io.casegrid.client.api.EscalationApi(api);
		this.whistle = new io.casegrid.client.api.WhistleApi(api);
		this.whistleApplications = new io.casegrid.client.api.WhistleApplicationsApi(api);
		this.supervision = new io.casegrid.client.api.SupervisionApi(api);
		this.catalog = new io.casegrid.client.api.CatalogApi(api);
		this.calendar = new io.casegrid.client.api.CalendarApi(api);
		this.webhooks = new io.casegrid.client.api.WebhooksApi(api);
		this.events = new io.casegrid.client.api.EventsApi(api);
		this.notifications = new io.casegrid.client.api.NotificationsApi(api);
		this.processes = new io.casegrid.client.api.ProcessesApi(api);
		this.migrations = new io.casegrid.client.api.MigrationsApi(api);
		this.attachments = new io.casegrid.client.api.AttachmentsApi(api);
		this.reports = new io.casegrid.client.api.ReportsApi(api);
	}

	/** A valid report from a grid worker in 东关社区第一网格; tests change what they need. */
	public static CaseReport flyingWireReport() {
		return new CaseReport().channel(Channel.GRID_REPORT)
			.categoryCode("FLY_WIRE_CHARGING")
			.title("飞线充电")
			.description("3号楼一单元有住户从窗口拉电线给电动车充电，存在火灾隐患。")
			.location(new Location().address("东关社区3号楼").unitCode(DemoCounty.GRID_DONGGUAN_1).latitude(37.01)
				.longitude(112.72))
			.reporter(new Reporter().name("张三").phone("13800000000"));
	}

	/** A report whose category triage has no rule for (其他): a dispatcher places it by hand (人工研判). */
	public static CaseReport reportNeedingTriage() {
		return flyingWireReport().categoryCode("OTHER").title("其他诉求：楼道感应灯坏了无人修");
	}

	/** Waits until the case has an open task with this BPMN key, and returns it. */
	public Task awaitTask(UUID caseId, String taskKey) {
		return await().atMost(Duration.ofSeconds(30)).until(() -> tasks.listTasks(caseId, null, null, null, 0, 50)
			.getItems()
			.stream()
			.filter(t -> t.getTaskKey().equals(taskKey))
			.findFirst()
			.orElse(null), t -> t != null);
	}

	/**
	 * As the handler this client signs in as: claims the case's 办理 task at its level (网格 for a grid worker) and
	 * resolves it with this resolution.
	 */
	public void resolveAtLevel(UUID caseId, String resolution) throws ApiException {
		Task handle = awaitTask(caseId, "Task_HandleAtLevel");
		tasks.claimTask(handle.getId());
		tasks.completeTask(handle.getId(), new TaskCompletion().outcome("RESOLVED").putFieldsItem("resolution", resolution));
	}

	/**
	 * As the app this client signs in as: reports a flying wire over the resident app's channel, has
	 * {@code gridWorker} resolve it at the grid, and waits until the case waits for the resident's evaluation.
	 */
	public UUID residentsCaseWaitingForEvaluation(CasegridClient gridWorker) throws ApiException {
		UUID caseId = intake.reportCase(flyingWireReport().channel(Channel.RESIDENT_APP), null).getId();
		gridWorker.resolveAtLevel(caseId, "已拆除飞线");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> cases.getCase(caseId).getStep(),
					step -> step == io.casegrid.client.model.CaseStep.FEEDBACK);
		return caseId;
	}

	public HttpResponse<String> post(String path, String json, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		authorize(request);
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
		authorize(request);
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** POSTs a body of any type (a multipart deployment, say), with this client's token. */
	public HttpResponse<String> post(String path, String contentType, byte[] body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		authorize(request);
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Sends any request, with this client's token. */
	public HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/json")
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		authorize(request);
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private void authorize(HttpRequest.Builder request) {
		String bearer = token.get();
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
	}

	/** The status of a call that is expected to fail. */
	public static int statusOf(ThrowingCall call) {
		try {
			call.run();
		}
		catch (ApiException ex) {
			return ex.getCode();
		}
		throw new AssertionError("expected the call to fail");
	}

	/** The problem body of a call that is expected to fail. */
	public static ApiException failureOf(ThrowingCall call) {
		try {
			call.run();
		}
		catch (ApiException ex) {
			return ex;
		}
		throw new AssertionError("expected the call to fail");
	}

	@FunctionalInterface
	public interface ThrowingCall {

		void run() throws ApiException;

	}

	public static List<String> lines(String text) {
		return text.lines().toList();
	}

}
