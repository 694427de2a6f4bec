package io.casegrid.attachment;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import io.casegrid.casefile.CaseVisibility;
import io.casegrid.casefile.TimeSource;
import io.casegrid.security.Actor;
import io.casegrid.web.ConflictException;
import io.casegrid.web.FileTooLargeException;
import io.casegrid.web.InvalidRequestException;
import io.casegrid.web.NotFoundException;
import io.casegrid.web.RequestLimits;
import io.casegrid.worklist.CaseActions;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Photos and documents of a case (照片、附件). Uploading follows the rule of every action on a case
 * ({@link CaseActions#requireReporterOrHolder}); reading, that of reading the case ({@link CaseVisibility}). A file is
 * checked whole before anything is stored: its size, then what its content is ({@link FileKind}); a photo must decode
 * (its thumbnail is made from it) and its EXIF time and position are kept ({@link PhotoMetadata}).
 */
@Service
public class Attachments {

	/** The most files one case holds, and so the longest list of them. */
	static final int MAX_PER_CASE = 50;

	static final String FILE = "file";

	private final AttachmentFiles files;

	private final AttachmentStore store;

	private final CaseActions actions;

	private final CaseVisibility visibility;

	private final TimeSource time;

	private final long maxUpload;

	private final ZoneId zone;

	Attachments(AttachmentFiles files, AttachmentStore store, CaseActions actions, CaseVisibility visibility,
			TimeSource time, RequestLimits limits, @Value("${casegrid.zone}") ZoneId zone) {
		this.files = files;
		this.store = store;
		this.actions = actions;
		this.visibility = visibility;
		this.time = time;
		this.maxUpload = limits.maxUpload().toBytes();
		this.zone = zone;
	}

	/** A file the client sent: its name as given, and its bytes. */
	record Upload(String fileName, byte[] content, AttachmentFile.Tag tag) {
	}

	@Transactional
	AttachmentFile upload(UUID caseId, Upload upload, Actor actor) {
		actions.requireReporterOrHolder(caseId, actor);
		if (upload.content().length > maxUpload) {
			throw new FileTooLargeException("The file is larger than " + maxUpload / 1024 + " KB");
		}
		if (upload.content().length == 0) {
			throw new InvalidRequestException(FILE, "is empty");
		}
		FileKind kind = FileKind.of(upload.content())
			.orElseThrow(() -> new InvalidRequestException(FILE,
					"is neither a JPEG or PNG image nor a PDF document (recognised by its content)"));
		UUID id = UUID.randomUUID();
		String thumbnailKey = null;
		PhotoMetadata photo = PhotoMetadata.NONE;
		byte[] thumbnail = null;
		if (kind.isImage()) {
			thumbnail = Thumbnails.of(upload.content())
				.orElseThrow(() -> new InvalidRequestException(FILE, "is not a readable " + kind.mediaType()
						+ " image (truncated, corrupt, or larger than " + Thumbnails.MAX_PIXELS + " pixels)"));
			photo = PhotoMetadata.read(upload.content(), zone);
			thumbnailKey = id + "/thumbnail.jpg";
		}
		files.lockCase(caseId);
		if (files.countOf(caseId) >= MAX_PER_CASE) {
			throw new ConflictException("Case " + caseId + " already holds " + MAX_PER_CASE + " files");
		}
		AttachmentFile file = new AttachmentFile(id, caseId, fileName(upload.fileName()), kind.mediaType(),
				upload.content().length, sha256(upload.content()), upload.tag(), actor.id(), time.now(), photo,
				id + "/content", thumbnailKey);
		store.put(file.contentKey(), upload.content());
		if (thumbnail != null) {
			store.put(thumbnailKey, thumbnail);
		}
		files.insert(file);
		return file;
	}

	List<AttachmentFile> list(UUID caseId, Actor actor) {
		visibility.requireVisible(caseId, actor);
		return files.ofCase(caseId);
	}

	/** The file's bytes, with its metadata; 404 for a case the actor does not see, as for an unknown file. */
	Content content(UUID caseId, UUID attachmentId, Actor actor) {
		AttachmentFile file = visible(caseId, attachmentId, actor);
		return new Content(file, store.get(file.contentKey()).orElseThrow(() -> notFound(attachmentId)));
	}

	Content thumbnail(UUID caseId, UUID attachmentId, Actor actor) {
		AttachmentFile file = visible(caseId, attachmentId, actor);
		if (!file.hasThumbnail()) {
			throw new NotFoundException("Thumbnail of attachment", attachmentId);
		}
		return new Content(file, store.get(file.thumbnailKey()).orElseThrow(() -> notFound(attachmentId)));
	}

	record Content(AttachmentFile file, byte[] bytes) {
	}

	private AttachmentFile visible(UUID caseId, UUID attachmentId, Actor actor) {
		if (!visibility.isVisible(caseId, actor)) {
			throw notFound(attachmentId);
		}
		return files.find(caseId, attachmentId).orElseThrow(() -> notFound(attachmentId));
	}

	private static NotFoundException notFound(UUID attachmentId) {
		return new NotFoundException("Attachment", attachmentId);
	}

	private static String fileName(String given) {
		String name = given == null ? "" : given.replaceAll("[\\p{Cntrl}/\\\\]", "_").strip();
		if (name.isEmpty()) {
			name = "attachment";
		}
		if (name.length() > 255) {
			throw new InvalidRequestException(FILE, "has a name longer than 255 characters");
		}
		return name;
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
