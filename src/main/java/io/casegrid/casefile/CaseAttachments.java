package io.casegrid.casefile;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Attachment references of a case: written once at intake, read with the case. */
@Repository
class CaseAttachments {

	private final JdbcClient jdbc;

	CaseAttachments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(UUID caseId, List<Attachment> attachments) {
		for (int i = 0; i < attachments.size(); i++) {
			Attachment a = attachments.get(i);
			jdbc.sql("""
					INSERT INTO case_attachment (case_id, position, uri, name, media_type)
					VALUES (:caseId, :position, :uri, :name, :mediaType)
					""")
				.param("caseId", caseId)
				.param("position", i)
				.param("uri", a.uri())
				.param("name", a.name())
				.param("mediaType", a.mediaType())
				.update();
		}
	}

	List<Attachment> of(UUID caseId) {
		return jdbc.sql("SELECT uri, name, media_type FROM case_attachment WHERE case_id = :caseId ORDER BY position")
			.param("caseId", caseId)
			.query((rs, i) -> new Attachment(rs.getString("uri"), rs.getString("name"), rs.getString("media_type")))
			.list();
	}

}
