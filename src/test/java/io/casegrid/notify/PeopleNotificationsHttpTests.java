package io.casegrid.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import io.casegrid.CasegridClient;
import io.casegrid.DemoCounty;
import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.client.model.EscalationRequest;
import io.casegrid.client.model.Notification;
import io.casegrid.client.model.ReplyRequest;
import io.casegrid.client.model.Reporter;
import io.casegrid.client.model.Task;
import io.casegrid.client.model.TaskCompletion;
import io.casegrid.client.model.WhistleRequest;
import io.casegrid.identity.KeycloakDirectory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Messages to people as they arrive: a real SMTP server (GreenMail) takes the e-mails, a real local HTTP server the
 * SMS gateway's calls, and staff read their inbox through the API. The reporter's e-mail address comes from the
 * resident registry, the staff's from the Keycloak directory.
 */
@HttpTest
class PeopleNotificationsHttpTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	static final GreenMail SMTP = TestChannels.SMTP;

	static final SmsGateway SMS = TestChannels.SMS;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	KeycloakDirectory directory;

	@Test
	void theReporterGetsTheAcceptanceAndTheResultByMailInChineseWithTheCaseNumber() throws Exception {
		String phone = newPhone();
		String email = "resident-" + phone + "@example.cn";
		jdbc.sql("INSERT INTO resident (phone, name, email) VALUES (:phone, '李四', :email)")
			.param("phone", phone)
			.param("email", email)
			.update();
		CasegridClient gridWorker = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
		UUID caseId = gridWorker.intake.reportCase(reportBy(phone), null).getId();
		String caseNumber = gridWorker.cases.getCase(caseId).getCaseNumber();
		Task handle = gridWorker.awaitTask(caseId, "Task_HandleAtLevel");
		gridWorker.tasks.claimTask(handle.getId());
		gridWorker.tasks.completeTask(handle.getId(),
				new TaskCompletion().outcome("RESOLVED").putFieldsItem("resolution", "已拆除飞线并加装充电桩"));

		List<MimeMessage> mails = await().atMost(Duration.ofSeconds(30))
			.until(() -> mailsTo(email), got -> got.size() >= 3);
		MimeMessage accepted = mails.stream().filter(m -> subject(m).contains("已受理")).findFirst().orElseThrow();
		assertThat(subject(accepted)).contains(caseNumber);
		assertThat(text(accepted)).contains(caseNumber).contains("查询办理进度");
		MimeMessage result = mails.stream().filter(m -> subject(m).contains("已办结")).findFirst().orElseThrow();
		assertThat(subject(result)).contains(caseNumber);
		assertThat(text(result)).contains("已拆除飞线并加装充电桩").contains("评价");
		MimeMessage evaluation = mails.stream().filter(m -> subject(m).contains("请评价")).findFirst().orElseThrow();
		assertThat(text(evaluation)).contains(caseNumber).contains("按“满意”记录");
	}

	@Test
	void theWhistledDepartmentsOfficerGetsAMailNamingTheCase() throws Exception {
		CasegridClient gridWorker = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
		CasegridClient township = new CasegridClient(port, DemoUsers.DISPATCHER_CHENGGUAN);
		UUID caseId = gridWorker.intake.reportCase(reportBy(newPhone()), null).getId();
		String caseNumber = gridWorker.cases.getCase(caseId).getCaseNumber();
		gridWorker.awaitTask(caseId, "Task_HandleAtLevel");
		gridWorker.escalation.escalateCase(caseId, new EscalationRequest().reason("需街道吹哨"));
		township.awaitTask(caseId, "Task_HandleAtLevel");
		township.whistle.whistleDepartments(caseId,
				new WhistleRequest().departments(List.of(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT))
					.lead(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT));

		MimeMessage whistle = await().atMost(Duration.ofSeconds(30))
			.until(() -> mailsTo("officer-cg@casegrid.example").stream()
				.filter(m -> subject(m).startsWith("吹哨报到") && subject(m).contains(caseNumber))
				.toList(), got -> !got.isEmpty())
			.get(0);
		assertThat(text(whistle)).contains("吹哨").contains(caseNumber).contains("签收报到");
	}

	@Test
	void theSmsGatewayGetsTheAcceptanceInTheConfiguredBody() throws Exception {
		String phone = newPhone();
		CasegridClient gridWorker = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
		UUID caseId = gridWorker.intake.reportCase(reportBy(phone), null).getId();
		String caseNumber = gridWorker.cases.getCase(caseId).getCaseNumber();

		SmsGateway.Received sms = await().atMost(Duration.ofSeconds(30))
			.until(() -> SMS.to(phone), got -> !got.isEmpty())
			.get(0);
		assertThat(sms.contentType()).startsWith("application/json");
		JsonNode body = JSON.readTree(sms.body());
		assertThat(body.get("mobile").asText()).isEqualTo(phone);
		assertThat(body.get("sign").asText()).isEqualTo("云岭县");
		assertThat(body.get("content").asText()).contains(caseNumber).contains("已受理");
	}

	@Test
	void aFailingSmsGatewayIsRetriedAndTheMessageIsNotSentAgainOnceItSucceeds() throws Exception {
		String phone = newPhone();
		SMS.failFor(phone, 2);
		CasegridClient gridWorker = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
		gridWorker.intake.reportCase(reportBy(phone), null);

		await().atMost(Duration.ofSeconds(30)).until(() -> SMS.to(phone).size() >= 3);
		Thread.sleep(2_000); // longer than the tests' longest back-off: a fourth attempt would have come
		List<SmsGateway.Received> calls = SMS.to(phone);
		assertThat(calls).hasSize(3);
		assertThat(calls).extracting(SmsGateway.Received::body).containsOnly(calls.get(0).body());
		assertThat(jdbc.sql("SELECT status || '/' || attempts FROM notification_message WHERE channel = 'sms'"
				+ " AND address = :phone")
			.param("phone", phone)
			.query(String.class)
			.list()).containsExactly("SENT/3");
	}

	@Test
	void theReporterGetsTheDepartmentsReplyBySms() throws Exception {
		String phone = newPhone();
		CasegridClient gridWorker = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
		CasegridClient department = new CasegridClient(port, DemoUsers.OFFICER_URBAN_MANAGEMENT);
		UUID caseId = gridWorker.intake.reportCase(reportBy(phone).categoryCode("ILLEGAL_CONSTRUCTION")
			.title("违法建设")
			.description("5号楼楼顶有人搭建彩钢房"), null).getId();
		department.awaitTask(caseId, "Task_Acknowledge");

		department.feedback.replyToReporter(caseId, new ReplyRequest().text("县城管局本周内上门核查"));

		SmsGateway.Received reply = await().atMost(Duration.ofSeconds(30))
			.until(() -> SMS.to(phone).stream().filter(m -> m.body().contains("县城管局本周内上门核查")).toList(),
					got -> !got.isEmpty())
			.get(0);
		assertThat(JSON.readTree(reply.body()).get("content").asText())
			.contains(gridWorker.cases.getCase(caseId).getCaseNumber())
			.contains("正在办理");
	}

	@Test
	void anEmergencyAlertReachesTheCountyCentreAndTheTownshipDispatcherByMail() throws Exception {
		CasegridClient gridWorker = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
		UUID caseId = gridWorker.intake.reportCase(reportBy(newPhone()).title("燃气泄漏")
			.description("3号楼一单元楼道里燃气泄漏，气味很大"), null).getId();
		String caseNumber = gridWorker.cases.getCase(caseId).getCaseNumber();

		for (String staff : List.of("centre@casegrid.example", "dispatcher-cg@casegrid.example")) {
			MimeMessage alert = await().atMost(Duration.ofSeconds(30))
				.until(() -> mailsTo(staff).stream()
					.filter(m -> subject(m).equals("重大突发事件：编号 " + caseNumber))
					.toList(), got -> !got.isEmpty())
				.get(0);
			assertThat(text(alert)).contains("燃气泄漏").contains("立即接报");
		}
	}

	@Test
	void aMailIsRetriedWhileTheSmtpServerIsDownAndDeliveredOnceWhenItIsBack() throws Exception {
		String phone = newPhone();
		String email = residentWithEmail(phone, "resident-" + phone + "@example.cn");
		CasegridClient gridWorker = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
		SMTP.stop();
		try {
			gridWorker.intake.reportCase(reportBy(phone), null);
			// a failed attempt: still pending, with the connection's error
			await().atMost(Duration.ofSeconds(30)).until(() -> acceptanceMail(email),
					m -> m.size() == 1 && m.get(0).startsWith("PENDING/") && !m.get(0).endsWith("/null"));
		}
		finally {
			SMTP.start();
		}

		List<MimeMessage> accepted = await().atMost(Duration.ofSeconds(30))
			.until(() -> mailsTo(email).stream().filter(m -> subject(m).contains("已受理")).toList(),
					got -> !got.isEmpty());
		assertThat(accepted).hasSize(1);
		String row = acceptanceMail(email).get(0);
		assertThat(row).startsWith("SENT/");
		assertThat(Integer.parseInt(row.split("/")[1])).as("attempts: failed while down, then delivered")
			.isGreaterThanOrEqualTo(2);
	}

	@Test
	void aMailToAnAddressThatCannotExistIsDeadAtOnceAndCounted() throws Exception {
		String phone = newPhone();
		String email = residentWithEmail(phone, "resident-" + phone + "@@example.cn");
		new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1).intake.reportCase(reportBy(phone), null);

		String row = await().atMost(Duration.ofSeconds(30))
			.until(() -> acceptanceMail(email), m -> m.size() == 1 && !m.get(0).startsWith("PENDING/"))
			.get(0);
		assertThat(row).startsWith("DEAD/1/").contains("not an e-mail address");
		await().atMost(Duration.ofSeconds(30)).until(this::deadMessagesGauge, dead -> dead >= 1);
	}

	private String residentWithEmail(String phone, String email) {
		jdbc.sql("INSERT INTO resident (phone, name, email) VALUES (:phone, '李四', :email)")
			.param("phone", phone)
			.param("email", email)
			.update();
		return email;
	}

	/** The case.filed e-mail's row: status/attempts/last error. */
	private List<String> acceptanceMail(String email) {
		return jdbc.sql("SELECT status || '/' || attempts || '/' || coalesce(last_error, 'null') FROM notification_message"
				+ " WHERE channel = 'email' AND address = :email AND event_type = 'case.filed'")
			.param("email", email)
			.query(String.class)
			.list();
	}

	private double deadMessagesGauge() throws Exception {
		String metrics = CasegridClient.anonymous(port).get("/actuator/prometheus").body();
		return metrics.lines()
			.filter(l -> l.startsWith("casegrid_notifications_messages{") && l.contains("status=\"dead\""))
			.mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
			.findFirst()
			.orElse(-1);
	}

	/** Measured: 10 task.assigned events for one grid asked Keycloak's admin API 20 times uncached (docs/integration.md). */
	@Test
	void tenNewTasksOfOneGridLookItsMembersUpInKeycloakAtMostOnce() throws Exception {
		int cases = 10;
		CasegridClient gridWorker = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
		long before = directory.adminCalls();
		List<UUID> ids = new java.util.ArrayList<>();
		for (int i = 0; i < cases; i++) {
			ids.add(gridWorker.intake.reportCase(reportBy(newPhone()), null).getId());
		}

		await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
				SELECT count(*) FROM notification_message
				 WHERE event_type = 'task.assigned' AND channel = 'inbox' AND recipient = :user AND case_id IN (:ids)
				""").param("user", DemoUsers.GRID_WORKER_DONGGUAN_1).param("ids", ids).query(Long.class).single(),
				told -> told == cases);
		long calls = directory.adminCalls() - before;
		System.out.println("Keycloak admin calls for " + cases + " task.assigned events of one grid: " + calls);
		assertThat(calls).as("uncached: a group query and a members request per event, 2 × " + cases)
			.isLessThan(cases);
	}

	@Test
	void theInboxListsAStaffMembersOwnMessagesOnlyAndMarksThemRead() throws Exception {
		CasegridClient gridWorker = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
		CasegridClient otherGrid = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_2);
		UUID caseId = gridWorker.intake.reportCase(reportBy(newPhone()), null).getId();
		gridWorker.awaitTask(caseId, "Task_HandleAtLevel");

		Notification assigned = await().atMost(Duration.ofSeconds(30))
			.until(() -> inboxOf(gridWorker, false, caseId), got -> !got.isEmpty())
			.get(0);
		assertThat(assigned.getEventType()).isEqualTo("task.assigned");
		assertThat(assigned.getSubject()).startsWith("新待办").contains(assigned.getCaseNumber());
		assertThat(assigned.getRead()).isFalse();
		assertThat(inboxOf(otherGrid, false, caseId)).isEmpty();
		assertThat(CasegridClient.statusOf(() -> otherGrid.notifications.markNotificationRead(assigned.getId())))
			.isEqualTo(404);

		Notification read = gridWorker.notifications.markNotificationRead(assigned.getId());
		assertThat(read.getRead()).isTrue();
		assertThat(read.getReadAt()).isNotNull();
		assertThat(inboxOf(gridWorker, true, caseId)).isEmpty();
		assertThat(inboxOf(gridWorker, false, caseId)).extracting(Notification::getId).contains(assigned.getId());
	}

	private static List<Notification> inboxOf(CasegridClient client, boolean unread, UUID caseId) throws Exception {
		return client.notifications.listNotifications(unread, 0, 200)
			.getItems()
			.stream()
			.filter(n -> caseId.equals(n.getCaseId()))
			.toList();
	}

	private static io.casegrid.client.model.CaseReport reportBy(String phone) {
		return CasegridClient.flyingWireReport().reporter(new Reporter().name("李四").phone(phone));
	}

	private static String newPhone() {
		return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
	}

	static List<MimeMessage> mailsTo(String address) {
		return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
			try {
				return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
					.anyMatch(to -> to.toString().equals(address));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	static String subject(MimeMessage mail) {
		try {
			return mail.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String text(MimeMessage mail) {
		try {
			return (String) mail.getContent();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
