package io.casegrid.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.TransactionSystemException;

/**
 * A request in flight when PostgreSQL is stopped (the fault harness's outage scenario) loses its connection
 * mid-transaction: the server ends it with 57P01, the rollback then fails on the closed connection, and Spring reports
 * only "JDBC rollback failed" (when the commit itself was cut off, not even the 57P01). That is the database being
 * unavailable, a 503 the client may retry with its key, not a 500.
 */
class LostConnectionProblemTests {

	private final ApiExceptionHandler handler = new ApiExceptionHandler();

	@Test
	void serverShutdownMidTransactionIs503() {
		var shutdown = new RuntimeException("ENGINE-03004 Exception while executing Database Operation",
				new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
		var rollbackFailed = new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed"));
		rollbackFailed.initApplicationException(shutdown);

		var response = handler.unexpected(rollbackFailed);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(((ProblemDetail) response.getBody()).getType().toString())
			.isEqualTo("urn:casegrid:problem:unavailable");
	}

	/** The commit was cut off: Spring logs the commit failure and throws only the failed rollback. */
	@Test
	void commitCutOffThenRollbackOnTheClosedConnectionIs503() {
		var response = handler.unexpected(new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed")));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
	}

	@Test
	void otherSqlErrorsStayInternal() {
		var response = handler.unexpected(new RuntimeException(new SQLException("syntax error", "42601")));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
	}

}
