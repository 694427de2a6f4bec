package io.casegrid.attachment;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.casegrid.CasegridClient;
import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.client.ApiException;
import io.casegrid.client.model.AttachmentTag;
import io.casegrid.client.model.CaseAttachment;
import io.casegrid.client.model.Task;
import io.casegrid.client.model.TaskCompletion;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Uploads through the client generated from the contract (its multipart support: {@code uploadAttachment} takes a
 * {@code java.io.File}), as a grid worker's app sends a photo. The test configuration sets the file limit to 300 KB.
 */
@HttpTest
class AttachmentsHttpTests {

	private static final int MAX_UPLOAD = 300 * 1024;

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	CasegridClient gridWorker;

	CasegridClient dispatcher;

	@BeforeEach
	void connect() {
		gridWorker = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
		dispatcher = new CasegridClient(port, DemoUsers.DISPATCHER_CHENGGUAN);
	}

	@Test
	void reporterUploadsAPhotoThatKeepsItsExifTimeAndPlaceAndGetsAThumbnail() throws Exception {
		UUID caseId = report();
		byte[] photo = TestPhotos.jpegWithExif();

		CaseAttachment stored = gridWorker.attachments.uploadAttachment(caseId,
				TestPhotos.file("scene-1.jpg", photo), AttachmentTag.BEFORE);

		assertThat(stored.getName()).isEqualTo("scene-1.jpg");
		assertThat(stored.getMediaType()).isEqualTo("image/jpeg");
		assertThat(stored.getSize()).isEqualTo(photo.length);
		assertThat(stored.getTag()).isEqualTo(AttachmentTag.BEFORE);
		assertThat(stored.getUploadedBy()).isEqualTo(DemoUsers.GRID_WORKER_DONGGUAN_1);
		assertThat(stored.getUploadedAt()).isNotNull();
		// 09:15 in 云岭县 (Asia/Shanghai) is 01:15 UTC
		assertThat(stored.getCapturedAt()).isEqualTo(OffsetDateTime.of(2026, 11, 28, 1, 15, 0, 0, ZoneOffset.UTC));
		assertThat(stored.getLatitude()).isCloseTo(TestPhotos.LATITUDE, within(1e-6));
		assertThat(stored.getLongitude()).isCloseTo(TestPhotos.LONGITUDE, within(1e-6));
		assertThat(stored.getUri()).isEqualTo("/api/v1/cases/" + caseId + "/attachments/" + stored.getId() + "/content");

		// the township's dispatcher sees the case, so the file: the same bytes, and a small JPEG beside them
		assertThat(dispatcher.attachments.listAttachments(caseId).getItems()).extracting(CaseAttachment::getId)
			.containsExactly(stored.getId());
		assertThat(Files.readAllBytes(dispatcher.attachments.downloadAttachment(caseId, stored.getId()).toPath()))
			.isEqualTo(photo);
		BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(
				Files.readAllBytes(dispatcher.attachments.downloadAttachmentThumbnail(caseId, stored.getId()).toPath())));
		assertThat(thumbnail.getWidth()).isEqualTo(Thumbnails.EDGE);
		assertThat(thumbnail.getHeight()).isEqualTo(240);
	}

	@Test
	void aPdfIsRecognisedByItsContentWhateverItsNameAndHasNoThumbnail() throws Exception {
		UUID caseId = report();

		CaseAttachment stored = gridWorker.attachments.uploadAttachment(caseId, TestPhotos.file("scan.jpg", TestPhotos.pdf()),
				null);

		assertThat(stored.getMediaType()).isEqualTo("application/pdf");
		assertThat(stored.getThumbnailUri()).isNull();
		assertThat(stored.getCapturedAt()).isNull();
		assertThat(CasegridClient.statusOf(() -> gridWorker.attachments.downloadAttachmentThumbnail(caseId,
				stored.getId()))).isEqualTo(404);
	}

	@Test
	void aFileThatIsNeitherImageNorPdfIs400NamingTheFileAndNothingIsStored() throws Exception {
		UUID caseId = report();

		ApiException refused = CasegridClient.failureOf(() -> gridWorker.attachments.uploadAttachment(caseId,
				TestPhotos.file("photo.jpg", "<html><script>alert(1)</script></html>".getBytes()), AttachmentTag.BEFORE));

		assertThat(refused.getCode()).isEqualTo(400);
		JsonNode problem = json.readTree(refused.getResponseBody());
		assertThat(problem.path("type").asText()).isEqualTo("urn:casegrid:problem:validation");
		assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("file");
		assertThat(gridWorker.attachments.listAttachments(caseId).getItems()).isEmpty();
	}

	@Test
	void aTruncatedJpegIs400NamingTheFile() throws Exception {
		UUID caseId = report();
		byte[] photo = TestPhotos.jpeg(800, 600);
		byte[] truncated = java.util.Arrays.copyOf(photo, 40);

		ApiException refused = CasegridClient.failureOf(() -> gridWorker.attachments.uploadAttachment(caseId,
				TestPhotos.file("broken.jpg", truncated), null));

		assertThat(refused.getCode()).isEqualTo(400);
		assertThat(json.readTree(refused.getResponseBody()).path("errors").findValuesAsText("field"))
			.containsExactly("file");
		assertThat(gridWorker.attachments.listAttachments(caseId).getItems()).isEmpty();
	}

	@Test
	void aFileAboveTheLimitIs413AndNothingIsStored() throws Exception {
		UUID caseId = report();
		byte[] photo = TestPhotos.jpeg(64, 64);
		byte[] oversized = java.util.Arrays.copyOf(photo, MAX_UPLOAD + 1);

		ApiException refused = CasegridClient.failureOf(() -> gridWorker.attachments.uploadAttachment(caseId,
				TestPhotos.file("big.jpg", oversized), AttachmentTag.BEFORE));

		assertThat(refused.getCode()).isEqualTo(413);
		assertThat(json.readTree(refused.getResponseBody()).path("type").asText())
			.isEqualTo("urn:casegrid:problem:too-large");
		assertThat(gridWorker.attachments.listAttachments(caseId).getItems()).isEmpty();
	}

	@Test
	void aFileAtTheLimitIsTaken() throws Exception {
		UUID caseId = report();
		byte[] pdf = java.util.Arrays.copyOf(TestPhotos.pdf(), MAX_UPLOAD);

		assertThat(gridWorker.attachments.uploadAttachment(caseId, TestPhotos.file("scan.pdf", pdf), null).getSize())
			.isEqualTo(MAX_UPLOAD);
	}

	@Test
	void aCaseOutsideOnesPlaceIs404WithTheAnswerForAnUnknownCase() throws Exception {
		UUID caseId = report();
		CaseAttachment stored = gridWorker.attachments.uploadAttachment(caseId,
				TestPhotos.file("a.png", TestPhotos.png(40, 30)), null);
		CasegridClient elsewhere = new CasegridClient(port, DemoUsers.GRID_WORKER_HEXI_1);
		UUID unknown = UUID.randomUUID();

		ApiException hidden = CasegridClient.failureOf(() -> elsewhere.attachments.uploadAttachment(caseId,
				TestPhotos.file("a.png", TestPhotos.png(40, 30)), null));
		ApiException missing = CasegridClient.failureOf(() -> elsewhere.attachments.uploadAttachment(unknown,
				TestPhotos.file("a.png", TestPhotos.png(40, 30)), null));

		assertThat(hidden.getCode()).isEqualTo(404);
		assertThat(missing.getCode()).isEqualTo(404);
		assertThat(json.readTree(hidden.getResponseBody()).path("detail").asText().replace(caseId.toString(), "?"))
			.isEqualTo(json.readTree(missing.getResponseBody()).path("detail").asText().replace(unknown.toString(), "?"));
		assertThat(CasegridClient.statusOf(() -> elsewhere.attachments.listAttachments(caseId))).isEqualTo(404);
		ApiException hiddenFile = CasegridClient.failureOf(
				() -> elsewhere.attachments.downloadAttachment(caseId, stored.getId()));
		ApiException unknownFile = CasegridClient.failureOf(
				() -> gridWorker.attachments.downloadAttachment(caseId, unknown));
		assertThat(hiddenFile.getCode()).isEqualTo(404);
		assertThat(json.readTree(hiddenFile.getResponseBody()).path("detail").asText().replace(stored.getId().toString(), "?"))
			.isEqualTo(json.readTree(unknownFile.getResponseBody()).path("detail").asText().replace(unknown.toString(), "?"));
		assertThat(CasegridClient.statusOf(() -> elsewhere.attachments.downloadAttachmentThumbnail(caseId,
				stored.getId()))).isEqualTo(404);
	}

	@Test
	void whoSeesTheCaseButNeitherReportedItNorHoldsOneOfItsTasksMayNotUpload() throws Exception {
		UUID caseId = report();
		CasegridClient gridLead = new CasegridClient(port, DemoUsers.GRID_LEAD_DONGGUAN);

		assertThat(gridLead.cases.getCase(caseId).getId()).isEqualTo(caseId);
		assertThat(CasegridClient.statusOf(() -> gridLead.attachments.uploadAttachment(caseId,
				TestPhotos.file("a.png", TestPhotos.png(40, 30)), null))).isEqualTo(403);
		assertThat(gridLead.attachments.listAttachments(caseId).getItems()).isEmpty();
	}

	@Test
	void aCandidateOfTheCasesOpenTaskMayUploadToACaseSomeoneElseReported() throws Exception {
		// the township's dispatcher reports it; the grid's worker is a candidate of its 分级办理
		UUID caseId = dispatcher.intake
			.reportCase(CasegridClient.flyingWireReport().channel(io.casegrid.client.model.Channel.VISIT),
					UUID.randomUUID().toString())
			.getId();
		gridWorker.awaitTask(caseId, "Task_HandleAtLevel");

		assertThat(gridWorker.attachments.uploadAttachment(caseId, TestPhotos.file("a.png", TestPhotos.png(40, 30)),
				AttachmentTag.AFTER).getUploadedBy()).isEqualTo(DemoUsers.GRID_WORKER_DONGGUAN_1);
	}

	@Test
	void resolvingAFireHazardNeedsAnAfterPhotoUploadedWhileTheTaskWasOpen() throws Exception {
		UUID caseId = gridWorker.intake
			.reportCase(CasegridClient.flyingWireReport().categoryCode("FIRE_HAZARD").title("楼道堆物"),
					UUID.randomUUID().toString())
			.getId();
		Task handle = gridWorker.awaitTask(caseId, "Task_HandleAtLevel");
		TaskCompletion resolved = new TaskCompletion().outcome("RESOLVED").putFieldsItem("resolution", "杂物已清走");

		ApiException refused = CasegridClient.failureOf(() -> gridWorker.tasks.completeTask(handle.getId(), resolved));
		assertThat(refused.getCode()).isEqualTo(400);
		assertThat(json.readTree(refused.getResponseBody()).path("errors").findValuesAsText("field"))
			.containsExactly("afterPhoto");

		// a photo of the problem, or a document tagged AFTER, is not a photo of the result
		gridWorker.attachments.uploadAttachment(caseId, TestPhotos.file("before.jpg", TestPhotos.jpeg(64, 48)),
				AttachmentTag.BEFORE);
		gridWorker.attachments.uploadAttachment(caseId, TestPhotos.file("report.pdf", TestPhotos.pdf()),
				AttachmentTag.AFTER);
		assertThat(CasegridClient.statusOf(() -> gridWorker.tasks.completeTask(handle.getId(), resolved)))
			.isEqualTo(400);
		assertThat(gridWorker.tasks.getTask(handle.getId()).getId()).isEqualTo(handle.getId());

		gridWorker.attachments.uploadAttachment(caseId, TestPhotos.file("after.jpg", TestPhotos.jpeg(64, 48)),
				AttachmentTag.AFTER);
		gridWorker.tasks.completeTask(handle.getId(), resolved);
		assertThat(CasegridClient.statusOf(() -> gridWorker.tasks.getTask(handle.getId()))).isEqualTo(404);
	}

	@Test
	void resolvingACategoryThePolicyDoesNotNameNeedsNoPhoto() throws Exception {
		UUID caseId = report();
		Task handle = gridWorker.awaitTask(caseId, "Task_HandleAtLevel");

		gridWorker.tasks.completeTask(handle.getId(),
				new TaskCompletion().outcome("RESOLVED").putFieldsItem("resolution", "已拆除飞线"));

		assertThat(CasegridClient.statusOf(() -> gridWorker.tasks.getTask(handle.getId()))).isEqualTo(404);
	}

	private UUID report() throws ApiException {
		return gridWorker.intake.reportCase(CasegridClient.flyingWireReport(), UUID.randomUUID().toString()).getId();
	}

}
