package io.casegrid.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.casegrid.CasegridClient;
import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.client.model.PendingTimer;
import io.casegrid.client.model.SlaClockView;
import io.casegrid.client.model.SlaPhase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A process job that fails after its work and is retried tells people once: jobs only write events, and people are
 * told from the outbox after commit. The failure is real: a deferred PostgreSQL constraint trigger refuses the job's
 * first commit, after everything the job did, as a commit lost to another node would.
 */
@HttpTest
class JobNotificationsHttpTests {

	private static final String GRID_WORKER_MAIL = "grid-dg1@casegrid.example";

	@LocalServerPort
	int port;

	@Autowired
	ManagementService management;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void aWarningJobRetriedAfterItsCommitFailedTellsTheGridWorkerOnce() throws Exception {
		CasegridClient gridWorker = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
		UUID caseId = gridWorker.intake.reportCase(CasegridClient.flyingWireReport(), null).getId();
		String caseNumber = gridWorker.cases.getCase(caseId).getCaseNumber();
		gridWorker.awaitTask(caseId, "Task_HandleAtLevel");
		SlaClockView clock = gridWorker.sla.getCaseSla(caseId).getClocks().stream()
			.filter(c -> c.getPhase() == SlaPhase.HANDLING)
			.findFirst()
			.orElseThrow();
		PendingTimer warning = gridWorker.escalation.getCaseTimers(caseId).stream()
			.filter(t -> "WARN".equals(t.getAction()))
			.findFirst()
			.orElseThrow();
		String name = "fail_once_" + caseId.toString().replace("-", "");

		refuseFirstCommitOfTheWarning(name, caseId);
		try {
			ClockUtil.setCurrentTime(Date.from(clock.getWarnAt().toInstant().plusSeconds(1)));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				runQuietly(warning.getJobId());
				return warned(caseId) > 0;
			});
		}
		finally {
			jdbc.sql("DROP TRIGGER " + name + " ON case_event").update();
			jdbc.sql("DROP FUNCTION " + name + "()").update();
		}
		assertThat(jdbc.sql("SELECT last_value FROM " + name).query(Long.class).single())
			.as("the job committed twice: refused once, then through").isEqualTo(2L);
		jdbc.sql("DROP SEQUENCE " + name).update();
		assertThat(warned(caseId)).isEqualTo(1);

		await().atMost(Duration.ofSeconds(30)).until(() -> warningMessages(caseId, "SENT") > 0
				&& warningMessages(caseId, "PENDING") == 0);
		List<MimeMessage> mails = PeopleNotificationsHttpTests.mailsTo(GRID_WORKER_MAIL).stream()
			.filter(m -> PeopleNotificationsHttpTests.subject(m).equals("超时预警：编号 " + caseNumber))
			.toList();
		assertThat(mails).hasSize(1);
		assertThat(PeopleNotificationsHttpTests.text(mails.get(0))).contains(caseNumber).contains("前办结");
		assertThat(jdbc.sql("""
				SELECT count(*) FROM notification_message
				 WHERE case_id = :caseId AND event_type = 'sla.warning' AND recipient = :user AND channel = 'inbox'
				""").param("caseId", caseId).param("user", DemoUsers.GRID_WORKER_DONGGUAN_1).query(Long.class).single())
			.as("one inbox message").isEqualTo(1L);
	}

	/** A deferred trigger fails the commit of the first transaction that writes the case's SLA_WARNED entry. */
	private void refuseFirstCommitOfTheWarning(String name, UUID caseId) {
		jdbc.sql("CREATE SEQUENCE " + name).update();
		jdbc.sql("""
				CREATE FUNCTION %1$s() RETURNS trigger LANGUAGE plpgsql AS $body$
				BEGIN
				  IF NEW.case_id = '%2$s' AND NEW.type = 'SLA_WARNED' THEN
				    IF nextval('%1$s') = 1 THEN
				      RAISE EXCEPTION 'commit refused once (test)';
				    END IF;
				  END IF;
				  RETURN NULL;
				END $body$
				""".formatted(name, caseId)).update();
		jdbc.sql("CREATE CONSTRAINT TRIGGER " + name + " AFTER INSERT ON case_event DEFERRABLE INITIALLY DEFERRED"
				+ " FOR EACH ROW EXECUTE FUNCTION " + name + "()").update();
	}

	private void runQuietly(String jobId) {
		try {
			if (management.createJobQuery().jobId(jobId).count() == 1) {
				management.executeJob(jobId);
			}
		}
		catch (RuntimeException ex) {
			// the refused commit, or the job executor took the job first
		}
	}

	private long warned(UUID caseId) {
		return jdbc.sql("SELECT count(*) FROM case_event WHERE case_id = :caseId AND type = 'SLA_WARNED'")
			.param("caseId", caseId)
			.query(Long.class)
			.single();
	}

	private long warningMessages(UUID caseId, String status) {
		return jdbc.sql("""
				SELECT count(*) FROM notification_message
				 WHERE case_id = :caseId AND event_type = 'sla.warning' AND status = :status
				""").param("caseId", caseId).param("status", status).query(Long.class).single();
	}

}
