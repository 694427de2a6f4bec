package io.casegrid.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.casegrid.DemoCounty;
import io.casegrid.EngineTestSupport;
import io.casegrid.RowWrites;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a change to the case file writes: the columns it moved and the version, in one UPDATE; the case's attachment
 * rows are left alone; and a change that lost a race to another is refused, not written over it. {@link RowWrites}
 * records with triggers which statements touched what.
 */
class CaseFileWritesTests extends EngineTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	RowWrites writes;

	@BeforeEach
	void recordWrites() {
		// the columns fixed at intake: a whole-row save names them, a targeted update does not
		writes = RowWrites.record(jdbc)
			.watchColumns("case_file", "id", "fixed columns", "case_number", "channel", "category_code", "title",
					"description", "address", "unit_code", "reporter_name", "reported_at")
			.watch("case_file", "id", "case file")
			.watch("case_attachment", "case_id", "attachment");
	}

	@AfterEach
	void dropRecorder() {
		writes.close();
	}

	@Test
	void aStepChangeUpdatesOnlyTheColumnsItMovedAndLeavesTheAttachmentRowsAlone() {
		UUID caseId = openWithTwoAttachments();
		List<String> attachmentRows = writes.rowVersions("case_attachment", "case_id", caseId);

		CaseFile dispatched = files.change(caseId, "test", TimelineNote.of("DISPATCHED", "任务指派"),
				file -> file.dispatchTo(DemoCounty.GRID_DONGGUAN_1));

		assertThat(writes.of(caseId)).containsExactly("case file update");
		assertThat(writes.rowVersions("case_attachment", "case_id", caseId)).isEqualTo(attachmentRows);
		Map<String, Object> row = jdbc.sql("SELECT step, handling_unit_code, title, version FROM case_file WHERE id = :id")
			.param("id", caseId)
			.query()
			.singleRow();
		assertThat(row).containsEntry("step", "DISPATCHED")
			.containsEntry("handling_unit_code", DemoCounty.GRID_DONGGUAN_1)
			.containsEntry("title", "楼道堆放杂物")
			.containsEntry("version", 1L);
		assertThat(dispatched.step()).isEqualTo(CaseStep.DISPATCHED);
		assertThat(files.attachmentsOf(caseId)).extracting(Attachment::name).containsExactly("a.jpg", "b.jpg");
	}

	@Test
	void aChangeThatMovesNothingWritesNoRowButItsTimelineLine() {
		UUID caseId = openWithTwoAttachments();

		files.change(caseId, "test", TimelineNote.of("TRIAGED", "人工研判"), file -> file.retrack(file.track()));

		assertThat(writes.of(caseId)).isEmpty();
		assertThat(files.timelineOf(caseId)).extracting(TimelineEntry::type).containsExactly("REPORTED", "TRIAGED");
	}

	@Test
	void aChangeThatLostTheRaceToAnotherIsRefusedAndTheOtherKept() {
		UUID caseId = openWithTwoAttachments();
		TransactionTemplate other = new TransactionTemplate(transactions);
		other.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

		assertThatThrownBy(() -> files.change(caseId, "dispatcher", TimelineNote.of("DISPATCHED", "任务指派"), file -> {
			// read at version 0; meanwhile another transaction changes the case and commits
			other.executeWithoutResult(status -> files.change(caseId, "triager", TimelineNote.of("TRIAGED", "人工研判"),
					concurrent -> concurrent.retrack("COMPLEX")));
			file.dispatchTo(DemoCounty.GRID_DONGGUAN_1);
		})).isInstanceOf(OptimisticLockingFailureException.class);

		Map<String, Object> row = jdbc.sql("SELECT step, track, handling_unit_code, version FROM case_file WHERE id = :id")
			.param("id", caseId)
			.query()
			.singleRow();
		assertThat(row).containsEntry("step", "REPORTED")
			.containsEntry("track", "COMPLEX")
			.containsEntry("version", 1L);
		assertThat(row.get("handling_unit_code")).isNull();
		assertThat(files.timelineOf(caseId)).extracting(TimelineEntry::type).containsExactly("REPORTED", "TRIAGED");
	}

	private UUID openWithTwoAttachments() {
		UUID caseId = UUID.randomUUID();
		CaseFile file = CaseFile.reported(caseId, "W-" + caseId.toString().substring(0, 8), Channel.GRID_REPORT, null,
				"OTHER", "楼道堆放杂物", "三楼楼道堆满纸箱", DONGGUAN_BUILDING_3, null, null, Instant.now());
		files.open(file, List.of(new Attachment("https://example.org/a.jpg", "a.jpg", "image/jpeg"),
				new Attachment("https://example.org/b.jpg", "b.jpg", "image/jpeg")), "test",
				TimelineNote.of("REPORTED", "问题上报"));
		return caseId;
	}

}
