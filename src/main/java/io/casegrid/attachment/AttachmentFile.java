package io.casegrid.attachment;

import java.time.Instant;
import java.util.UUID;

/**
 * A file uploaded to a case: what it is, who uploaded it and when, the before/after tag, and for a photo where and
 * when it was taken. The bytes are in the {@link AttachmentStore} under {@code contentKey} (and {@code thumbnailKey}).
 */
record AttachmentFile(UUID id, UUID caseId, String fileName, String mediaType, long size, String sha256, Tag tag,
		String uploadedBy, Instant uploadedAt, PhotoMetadata photo, String contentKey, String thumbnailKey) {

	/** BEFORE 整改前 (the problem as found), AFTER 整改后 (the result). */
	enum Tag {

		BEFORE, AFTER

	}

	boolean hasThumbnail() {
		return thumbnailKey != null;
	}

}
