package io.casegrid.attachment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of {@code case_attachment_file}. */
@Repository
class AttachmentFiles {

	private static final String COLUMNS = """
			id, case_id, file_name, media_type, size_bytes, sha256, tag, uploaded_by, uploaded_at, captured_at,
			latitude, longitude, content_key, thumbnail_key""";

	private final JdbcClient jdbc;

	AttachmentFiles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(AttachmentFile file) {
		jdbc.sql("INSERT INTO case_attachment_file (" + COLUMNS + """
				) VALUES (:id, :caseId, :fileName, :mediaType, :size, :sha256, :tag, :uploadedBy, :uploadedAt,
				          :capturedAt, :latitude, :longitude, :contentKey, :thumbnailKey)""")
			.param("id", file.id())
			.param("caseId", file.caseId())
			.param("fileName", file.fileName())
			.param("mediaType", file.mediaType())
			.param("size", file.size())
			.param("sha256", file.sha256())
			.param("tag", file.tag() == null ? null : file.tag().name())
			.param("uploadedBy", file.uploadedBy())
			.param("uploadedAt", Timestamp.from(file.uploadedAt()))
			.param("capturedAt", file.photo().capturedAt() == null ? null : Timestamp.from(file.photo().capturedAt()))
			.param("latitude", file.photo().latitude())
			.param("longitude", file.photo().longitude())
			.param("contentKey", file.contentKey())
			.param("thumbnailKey", file.thumbnailKey())
			.update();
	}

	/** The case's files, oldest first. */
	List<AttachmentFile> ofCase(UUID caseId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM case_attachment_file WHERE case_id = :caseId ORDER BY uploaded_at, id")
			.param("caseId", caseId)
			.query(AttachmentFiles::row)
			.list();
	}

	Optional<AttachmentFile> find(UUID caseId, UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM case_attachment_file WHERE case_id = :caseId AND id = :id")
			.param("caseId", caseId)
			.param("id", id)
			.query(AttachmentFiles::row)
			.optional();
	}

	int countOf(UUID caseId) {
		return jdbc.sql("SELECT count(*) FROM case_attachment_file WHERE case_id = :caseId")
			.param("caseId", caseId)
			.query(Integer.class)
			.single();
	}

	/** Whether the case has an image tagged AFTER uploaded at or after {@code since}. */
	boolean hasAfterPhotoSince(UUID caseId, Instant since) {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM case_attachment_file
				                WHERE case_id = :caseId AND tag = 'AFTER' AND thumbnail_key IS NOT NULL
				                  AND uploaded_at >= :since)""")
			.param("caseId", caseId)
			.param("since", Timestamp.from(since))
			.query(Boolean.class)
			.single();
	}

	/** Serialises the uploads of one case, so that two at once cannot both pass the per-case bound. */
	void lockCase(UUID caseId) {
		jdbc.sql("SELECT id FROM case_file WHERE id = :caseId FOR UPDATE").param("caseId", caseId).query().listOfRows();
	}

	private static AttachmentFile row(ResultSet rs, int i) throws SQLException {
		Timestamp captured = rs.getTimestamp("captured_at");
		String tag = rs.getString("tag");
		return new AttachmentFile(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
				rs.getString("file_name"), rs.getString("media_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
				tag == null ? null : AttachmentFile.Tag.valueOf(tag), rs.getString("uploaded_by"),
				rs.getTimestamp("uploaded_at").toInstant(),
				new PhotoMetadata(captured == null ? null : captured.toInstant(), (Double) rs.getObject("latitude"),
						(Double) rs.getObject("longitude")),
				rs.getString("content_key"), rs.getString("thumbnail_key"));
	}

}
