package io.casegrid.attachment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.UUID;

import io.casegrid.api.AttachmentsApi;
import io.casegrid.api.model.AttachmentTag;
import io.casegrid.api.model.CaseAttachment;
import io.casegrid.api.model.CaseAttachmentList;
import io.casegrid.identity.PeopleNames;
import io.casegrid.security.CurrentActor;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class AttachmentsController implements AttachmentsApi {

	private final Attachments attachments;

	private final CurrentActor actor;

	private final PeopleNames names;

	AttachmentsController(Attachments attachments, CurrentActor actor, PeopleNames names) {
		this.attachments = attachments;
		this.actor = actor;
		this.names = names;
	}

	@Override
	public ResponseEntity<CaseAttachment> uploadAttachment(UUID caseId, MultipartFile file, AttachmentTag tag) {
		byte[] content;
		try {
			content = file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		AttachmentFile stored = attachments.upload(caseId, new Attachments.Upload(file.getOriginalFilename(), content,
				tag == null ? null : AttachmentFile.Tag.valueOf(tag.getValue())), actor.get());
		CaseAttachment view = toView(stored);
		return ResponseEntity.created(URI.create(view.getUri())).body(view);
	}

	@Override
	public ResponseEntity<CaseAttachmentList> listAttachments(UUID caseId) {
		return ResponseEntity.ok(new CaseAttachmentList(
				attachments.list(caseId, actor.get()).stream().map(this::toView).toList()));
	}

	@Override
	public ResponseEntity<Resource> downloadAttachment(UUID caseId, UUID attachmentId) {
		Attachments.Content content = attachments.content(caseId, attachmentId, actor.get());
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(content.file().mediaType()))
			.header("Content-Disposition",
					ContentDisposition.inline()
						.filename(content.file().fileName(), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.cacheControl(CacheControl.noCache().cachePrivate())
			.body(new ByteArrayResource(content.bytes()));
	}

	@Override
	public ResponseEntity<Resource> downloadAttachmentThumbnail(UUID caseId, UUID attachmentId) {
		Attachments.Content thumbnail = attachments.thumbnail(caseId, attachmentId, actor.get());
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			.header("X-Content-Type-Options", "nosniff")
			.cacheControl(CacheControl.noCache().cachePrivate())
			.body(new ByteArrayResource(thumbnail.bytes()));
	}

	private CaseAttachment toView(AttachmentFile file) {
		String base = "/api/v1/cases/" + file.caseId() + "/attachments/" + file.id();
		return new CaseAttachment(file.id(), base + "/content", file.fileName(), file.mediaType(), file.size(),
				file.uploadedBy(), file.uploadedAt().atOffset(ZoneOffset.UTC))
			.tag(file.tag() == null ? null : AttachmentTag.fromValue(file.tag().name()))
			.thumbnailUri(file.hasThumbnail() ? base + "/thumbnail" : null)
			.uploadedByName(names.orNull(file.uploadedBy()))
			.capturedAt(file.photo().capturedAt() == null ? null : file.photo().capturedAt().atOffset(ZoneOffset.UTC))
			.latitude(file.photo().latitude())
			.longitude(file.photo().longitude());
	}

}
