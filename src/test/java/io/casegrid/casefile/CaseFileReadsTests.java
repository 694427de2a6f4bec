package io.casegrid.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.casegrid.DemoCounty;
import io.casegrid.EngineTestSupport;
import io.casegrid.TableReads;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A case file is read from the database once per transaction, and a read after a change in the same transaction sees
 * the change. {@link TableReads} counts what reached the database.
 */
class CaseFileReadsTests extends EngineTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aCaseFileReadThreeTimesInOneTransactionIsReadFromTheDatabaseOnce() {
		UUID caseId = opened();

		long[] reads = new TransactionTemplate(transactions).execute(status -> {
			long before = TableReads.of(jdbc, "case_file");
			files.get(caseId);
			long afterFirst = TableReads.of(jdbc, "case_file");
			files.get(caseId);
			files.find(caseId);
			return new long[] { afterFirst - before, TableReads.of(jdbc, "case_file") - afterFirst };
		});

		assertThat(reads).containsExactly(1, 0);
	}

	@Test
	void aReadAfterAChangeInTheSameTransactionSeesTheChangeWithoutReadingAgain() {
		UUID caseId = opened();

		Object[] seen = new TransactionTemplate(transactions).execute(status -> {
			files.get(caseId);
			files.change(caseId, "test", TimelineNote.of("DISPATCHED", "任务指派"),
					file -> file.dispatchTo(DemoCounty.GRID_DONGGUAN_1));
			long afterChange = TableReads.of(jdbc, "case_file");
			CaseFile read = files.get(caseId);
			return new Object[] { read.step(), read.handlingUnitCode(), read.version(),
					TableReads.of(jdbc, "case_file") - afterChange };
		});

		assertThat(seen).containsExactly(CaseStep.DISPATCHED, DemoCounty.GRID_DONGGUAN_1, 1L, 0L);
	}

	@Test
	void aFileChangedByItsReaderWithoutChangeIsNotWhatTheNextReadInTheTransactionGets() {
		UUID caseId = opened();

		CaseStep step = new TransactionTemplate(transactions).execute(status -> {
			files.get(caseId).dispatchTo(DemoCounty.GRID_DONGGUAN_1);
			return files.get(caseId).step();
		});

		assertThat(step).isEqualTo(CaseStep.REPORTED);
	}

	@Test
	void aChangeCommittedByAnotherTransactionIsReadByTheNextTransaction() {
		UUID caseId = opened();
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		transaction.executeWithoutResult(status -> files.get(caseId));

		jdbc.sql("UPDATE case_file SET step = 'DISPATCHED', version = version + 1 WHERE id = :id")
			.param("id", caseId)
			.update();

		CaseStep step = transaction.execute(status -> files.get(caseId).step());

		assertThat(step).isEqualTo(CaseStep.DISPATCHED);
	}

	private UUID opened() {
		UUID caseId = UUID.randomUUID();
		files.open(CaseFile.reported(caseId, "R-" + caseId.toString().substring(0, 8), Channel.GRID_REPORT, null,
				"OTHER", "楼道堆放杂物", "三楼楼道堆满纸箱", DONGGUAN_BUILDING_3, null, null, Instant.now()), List.of(),
				"test", TimelineNote.of("REPORTED", "问题上报"));
		return caseId;
	}

}
