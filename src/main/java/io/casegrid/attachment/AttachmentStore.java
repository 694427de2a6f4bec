package io.casegrid.attachment;

import java.util.Optional;

/**
 * Where the content of uploaded files (and their thumbnails) is kept, by key; the metadata of a file is always a row of
 * {@code case_attachment_file} in the service's database. The default, {@link PostgresAttachmentStore}, keeps the bytes
 * in the same database and the same transaction as that row, so a failed upload leaves nothing behind and a backup of
 * the database holds every file. A county with many photos may provide another implementation as a {@code @Primary} Spring bean
 * (an S3-compatible object store, docs/attachments.md), which then replaces the default.
 * <p>
 * A store outside the database cannot join the transaction: {@link #put} runs before the row is written, so a failed
 * upload may leave an object without a row (never a row without its object); such objects are orphans its own
 * lifecycle rules may remove (objects without a row after a day).
 */
public interface AttachmentStore {

	/** Stores the bytes under a key that is new (a random UUID with a suffix); never overwrites. */
	void put(String key, byte[] content);

	/** The bytes under the key, or empty when there are none. */
	Optional<byte[]> get(String key);

}
