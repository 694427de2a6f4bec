package io.casegrid.org;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.casegrid.DemoCounty;
import io.casegrid.EngineTestSupport;
import io.casegrid.TableReads;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Org units and placements are read once per transaction and afresh by the next one. */
class OrgDirectoryReadsTests extends EngineTestSupport {

	@Autowired
	OrgDirectory org;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aUnitAndAPlacementAskedForAgainInOneTransactionAreNotReadAgain() {
		long[] reads = new TransactionTemplate(transactions).execute(status -> {
			long before = TableReads.of(jdbc, "org_unit");
			org.find(DemoCounty.GRID_DONGGUAN_1);
			org.place(DemoCounty.GRID_DONGGUAN_1);
			long afterFirst = TableReads.of(jdbc, "org_unit");
			org.find(DemoCounty.GRID_DONGGUAN_1);
			org.nameOrNull(DemoCounty.GRID_DONGGUAN_1);
			org.place(DemoCounty.GRID_DONGGUAN_1);
			return new long[] { afterFirst - before > 0 ? 1 : 0, TableReads.of(jdbc, "org_unit") - afterFirst };
		});

		assertThat(reads).containsExactly(1, 0);
	}

	@Test
	void aUnitRenamedAfterATransactionReadItIsReadWithItsNewNameByTheNext() {
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		String name = transaction.execute(status -> org.nameOrNull(DemoCounty.GRID_DONGGUAN_1));
		try {
			rename(DemoCounty.GRID_DONGGUAN_1, name + "（更名）");

			String renamed = transaction.execute(status -> org.nameOrNull(DemoCounty.GRID_DONGGUAN_1));

			assertThat(renamed).isEqualTo(name + "（更名）");
		}
		finally {
			rename(DemoCounty.GRID_DONGGUAN_1, name);
		}
	}

	private void rename(String code, String name) {
		jdbc.sql("UPDATE org_unit SET name = :name WHERE code = :code").param("name", name).param("code", code).update();
	}

}
