package io.casegrid.attachment;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The default {@link AttachmentStore}: a {@code bytea} row of {@code attachment_content} per object. */
@Component
class PostgresAttachmentStore implements AttachmentStore {

	private final JdbcClient jdbc;

	PostgresAttachmentStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void put(String key, byte[] content) {
		jdbc.sql("INSERT INTO attachment_content (key, content) VALUES (:key, :content)")
			.param("key", key)
			.param("content", content)
			.update();
	}

	@Override
	public Optional<byte[]> get(String key) {
		return jdbc.sql("SELECT content FROM attachment_content WHERE key = :key")
			.param("key", key)
			.query(byte[].class)
			.optional();
	}

}
