package io.casegrid.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.casegrid.DemoCounty;
import io.casegrid.EngineTestSupport;
import io.casegrid.TableReads;
import io.casegrid.casefile.CaseFile;
import io.casegrid.casefile.Channel;
import io.casegrid.casefile.TimelineNote;
import io.casegrid.sla.Phase;
import io.casegrid.sla.SlaClock;
import io.casegrid.sla.SlaClocks;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Dispatching a case stops its open 派单 clock, loading it with its history and pauses once. */
class DispatchClockReadsTests extends EngineTestSupport {

	@Autowired
	DispatchClocks dispatchClocks;

	@Autowired
	SlaClocks clocks;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void dispatchingStopsTheDispatchClockReadingItsHistoryAndPausesOnce() {
		UUID caseId = UUID.randomUUID();
		files.open(CaseFile.reported(caseId, "D-" + caseId.toString().substring(0, 8), Channel.GRID_REPORT, null,
				"OTHER", "楼道堆放杂物", "三楼楼道堆满纸箱", DONGGUAN_BUILDING_3, null, null, Instant.now()), List.of(),
				"test", TimelineNote.of("REPORTED", "问题上报"));
		dispatchClocks.awaiting(caseId, "test");

		long[] reads = new TransactionTemplate(transactions).execute(status -> {
			long events = TableReads.of(jdbc, "sla_clock_event");
			long pauses = TableReads.of(jdbc, "sla_clock_pause");
			dispatchClocks.dispatched(caseId, DemoCounty.GRID_DONGGUAN_1, "test");
			return new long[] { TableReads.of(jdbc, "sla_clock_event") - events,
					TableReads.of(jdbc, "sla_clock_pause") - pauses };
		});

		assertThat(reads).containsExactly(1, 1);
		assertThat(clocks.ofCase(caseId)).filteredOn(clock -> clock.phase() == Phase.DISPATCH)
			.singleElement()
			.extracting(SlaClock::stoppedAt)
			.isNotNull();
	}

}
