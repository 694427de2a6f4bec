package io.casegrid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.casegrid.CasegridClient;
import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.client.ApiResponse;
import io.casegrid.client.model.CaseDetail;
import io.casegrid.client.model.CaseReport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An Idempotency-Key (or a channel's reference) belongs to the client that sent it and expires after
 * {@code casegrid.intake.idempotency-key-ttl} (24 h by default): another client's same key takes in its own case,
 * and an expired key takes in a new one; expired keys are deleted as intake goes on.
 */
@HttpTest
class IdempotencyKeyScopeHttpTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anotherClientsSameKeyAndBodyDoesNotReplayTheFirstClientsCase() throws Exception {
		String key = UUID.randomUUID().toString();
		CaseReport report = CasegridClient.flyingWireReport().title("同一个键 " + key);

		ApiResponse<CaseDetail> first = as(DemoUsers.GRID_WORKER_DONGGUAN_1).intake.reportCaseWithHttpInfo(report, key);
		ApiResponse<CaseDetail> other = as(DemoUsers.GRID_LEAD_DONGGUAN).intake.reportCaseWithHttpInfo(report, key);

		assertThat(other.getData().getId()).as("the grid lead gets a case of its own").isNotEqualTo(first.getData().getId());
		assertThat(other.getHeaders().get("idempotent-replayed")).containsExactly("false");
		assertThat(other.getData().getTimeline().get(0).getActor()).isEqualTo(DemoUsers.GRID_LEAD_DONGGUAN);
		ApiResponse<CaseDetail> retry = as(DemoUsers.GRID_WORKER_DONGGUAN_1).intake.reportCaseWithHttpInfo(report, key);
		assertThat(retry.getData().getId()).as("the first client's retry still finds its case")
			.isEqualTo(first.getData().getId());
		assertThat(retry.getHeaders().get("idempotent-replayed")).containsExactly("true");
	}

	@Test
	void anotherClientsSameChannelReferenceDoesNotReplayTheFirstClientsCase() throws Exception {
		CaseReport report = CasegridClient.flyingWireReport().channelReference("巡查-" + UUID.randomUUID());

		UUID first = as(DemoUsers.GRID_WORKER_DONGGUAN_1).intake.reportCase(report, null).getId();
		UUID other = as(DemoUsers.GRID_LEAD_DONGGUAN).intake.reportCase(report, null).getId();

		assertThat(other).isNotEqualTo(first);
	}

	@Test
	void expiredKeyTakesInANewCase() throws Exception {
		String key = UUID.randomUUID().toString();
		CaseReport report = CasegridClient.flyingWireReport().title("过期的键 " + key);
		CasegridClient client = as(DemoUsers.GRID_WORKER_DONGGUAN_1);
		UUID first = client.intake.reportCase(report, key).getId();
		jdbc.sql("UPDATE intake_request SET received_at = received_at - interval '25 hours' WHERE idempotency_key = :key")
			.param("key", "key:" + key)
			.update();

		ApiResponse<CaseDetail> again = client.intake.reportCaseWithHttpInfo(report, key);

		assertThat(again.getData().getId()).isNotEqualTo(first);
		assertThat(again.getHeaders().get("idempotent-replayed")).containsExactly("false");
		assertThat(client.intake.reportCase(report, key).getId()).as("the key now answers with the new case")
			.isEqualTo(again.getData().getId());
	}

	@Test
	void intakeDeletesExpiredKeysOfAnyClient() throws Exception {
		String stale = "key:" + UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO intake_request (owner, idempotency_key, request_hash, case_id, received_at)
				VALUES ('some-other-app', :key, :hash, :caseId, :at)
				""")
			.param("key", stale)
			.param("hash", "0".repeat(64))
			.param("caseId", UUID.randomUUID())
			.param("at", Timestamp.from(Instant.now().minus(Duration.ofDays(2))))
			.update();

		as(DemoUsers.GRID_WORKER_DONGGUAN_1).intake.reportCase(CasegridClient.flyingWireReport(), UUID.randomUUID().toString());

		assertThat(jdbc.sql("SELECT count(*) FROM intake_request WHERE idempotency_key = :key")
			.param("key", stale)
			.query(Long.class)
			.single()).isZero();
	}

	private CasegridClient as(String user) {
		return new CasegridClient(port, user);
	}

}
