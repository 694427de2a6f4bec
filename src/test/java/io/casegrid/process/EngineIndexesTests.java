package io.casegrid.process;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.casegrid.EngineTestSupport;
import io.casegrid.QueryPlans;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's own look-ups that casegrid's data makes large are answered from an index ({@link EngineIndexes}), not
 * by reading every row ({@link QueryPlans}: a missing index shows as a sequential scan whatever the database's size).
 */
class EngineIndexesTests extends EngineTestSupport {

	@Autowired
	DataSource dataSource;

	@Test
	void theEnginesLookUpOfATasksSubTasksReadsAnIndex() throws Exception {
		assertThat(plan("select * from ACT_RU_TASK where PARENT_TASK_ID_ = 'a-task'"))
			.contains(EngineIndexes.SUB_TASKS)
			.doesNotContain("Seq Scan");
	}

	@Test
	void aWorklistByDueTimeAndTheJobAcquisitionReadIndexes() throws Exception {
		assertThat(plan("select id_ from ACT_RU_TASK order by due_date_ limit 20")).contains(EngineIndexes.TASK_DUE);
		assertThat(plan("select id_ from ACT_RU_JOB where duedate_ <= now() order by duedate_ limit 10"))
			.contains(EngineIndexes.JOB_ACQUISITION);
	}

	private String plan(String sql) throws Exception {
		return QueryPlans.plan(dataSource, sql);
	}

}
