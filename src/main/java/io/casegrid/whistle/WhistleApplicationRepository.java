package io.casegrid.whistle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code whistle_application}. */
@Repository
class WhistleApplicationRepository {

	private final JdbcClient jdbc;

	WhistleApplicationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(WhistleApplication application) {
		jdbc.sql("""
				INSERT INTO whistle_application (id, case_id, applied_at, applied_by, applied_by_unit, departments,
				                                 lead_department, reason, status)
				VALUES (:id, :caseId, :appliedAt, :appliedBy, :appliedByUnit, :departments, :lead, :reason, 'OPEN')
				""")
			.param("id", application.id())
			.param("caseId", application.caseId())
			.param("appliedAt", Timestamp.from(application.appliedAt()))
			.param("appliedBy", application.appliedBy())
			.param("appliedByUnit", application.appliedByUnit())
			.param("departments", String.join(",", application.departments()))
			.param("lead", application.lead())
			.param("reason", application.reason())
			.update();
	}

	Optional<WhistleApplication> find(UUID id) {
		return jdbc.sql("SELECT * FROM whistle_application WHERE id = :id")
			.param("id", id)
			.query(WhistleApplicationRepository::application)
			.optional();
	}

	/** Decides an open application; false when it was decided meanwhile. */
	boolean decide(UUID id, WhistleApplication.Status status, String decidedBy, Instant at, String declineReason,
			UUID whistleId) {
		return jdbc.sql("""
				UPDATE whistle_application
				   SET status = :status, decided_by = :decidedBy, decided_at = :at, decline_reason = :declineReason,
				       whistle_id = :whistleId
				 WHERE id = :id AND status = 'OPEN'
				""")
			.param("id", id)
			.param("status", status.name())
			.param("decidedBy", decidedBy)
			.param("at", Timestamp.from(at))
			.param("declineReason", declineReason)
			.param("whistleId", whistleId)
			.update() == 1;
	}

	private static WhistleApplication application(ResultSet rs, int row) throws SQLException {
		Timestamp decidedAt = rs.getTimestamp("decided_at");
		return new WhistleApplication(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
				rs.getString("applied_by"), rs.getString("applied_by_unit"), rs.getTimestamp("applied_at").toInstant(),
				Arrays.asList(rs.getString("departments").split(",")), rs.getString("lead_department"),
				rs.getString("reason"), WhistleApplication.Status.valueOf(rs.getString("status")),
				rs.getString("decided_by"), decidedAt == null ? null : decidedAt.toInstant(),
				rs.getString("decline_reason"), rs.getObject("whistle_id", UUID.class));
	}

}
