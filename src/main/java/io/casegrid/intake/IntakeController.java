package io.casegrid.intake;

import java.net.URI;
import java.util.List;

import io.casegrid.api.IntakeApi;
import io.casegrid.api.model.CaseDetail;
import io.casegrid.api.model.CaseReport;
import io.casegrid.casefile.Attachment;
import io.casegrid.casefile.CaseViews;
import io.casegrid.casefile.Channel;
import io.casegrid.casefile.Reporter;
import io.casegrid.security.CurrentActor;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class IntakeController implements IntakeApi {

	private final Intake intake;

	private final RequestFingerprint fingerprint;

	private final CaseViews views;

	private final CurrentActor actor;

	IntakeController(Intake intake, RequestFingerprint fingerprint, CaseViews views, CurrentActor actor) {
		this.intake = intake;
		this.fingerprint = fingerprint;
		this.views = views;
		this.actor = actor;
	}

	@Override
	public ResponseEntity<CaseDetail> reportCase(CaseReport report, String idempotencyKey) {
		NewCase newCase = toNewCase(report);
		Intake.Receipt receipt = intake.report(newCase, idempotencyKey, fingerprint.of(report), actor.get());
		return ResponseEntity.created(URI.create("/api/v1/cases/" + receipt.file().id()))
			.header("Idempotent-Replayed", Boolean.toString(receipt.replayed()))
			.body(views.reported(receipt.file(), newCase.reporterTags()));
	}

	private static NewCase toNewCase(CaseReport r) {
		var l = r.getLocation();
		Reporter reporter = r.getReporter() == null
				|| (r.getReporter().getName() == null && r.getReporter().getPhone() == null) ? null
						: new Reporter(r.getReporter().getName(), r.getReporter().getPhone());
		List<Attachment> attachments = r.getAttachments() == null ? List.of()
				: r.getAttachments().stream().map(a -> new Attachment(a.getUri(), a.getName(), a.getMediaType())).toList();
		return new NewCase(Channel.valueOf(r.getChannel().getValue()), r.getChannelReference(), r.getCategoryCode(),
				r.getTitle(), r.getDescription(), l.getAddress(), l.getLatitude(), l.getLongitude(), l.getUnitCode(),
				reporter,
				r.getReporter() == null || r.getReporter().getTags() == null ? java.util.Set.of()
						: java.util.Set.copyOf(r.getReporter().getTags()),
				r.getOccurredAt() == null ? null : r.getOccurredAt().toInstant(), attachments);
	}

}
