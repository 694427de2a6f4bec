package io.casegrid.process;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Indexes casegrid's reads need on the engine's own tables, which Camunda's schema does not have. They are created
 * once the engine has created its schema (Flyway runs before the engine, so a migration cannot):
 * <ul>
 * <li>{@code act_ru_job (duedate_)}: the job executor acquires due jobs oldest due first
 * ({@code jobExecutorAcquireByDueDate}, every job with a due date: {@code ensureJobDueDateNotNull}), so a storm of
 * SLA timers and the async steps of new cases take turns; without the index, a million timers waiting for next
 * month would be read on every acquisition;</li>
 * <li>{@code act_ru_task (due_date_)}: worklists sorted by SLA due time read their first page in index order;</li>
 * <li>{@code act_ru_task (parent_task_id_)} of sub-tasks only: the engine looks a task's sub-tasks up each time it
 * completes or deletes a task ({@code select * from ACT_RU_TASK where PARENT_TASK_ID_ = ?}); without an index that
 * is a scan of every open task — 238 ms a task with 181,623 open tasks (the benchmark's timer storm, where it took
 * most of the database's time). casegrid makes no sub-tasks, so the index holds (nearly) nothing.</li>
 * </ul>
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

	static final String JOB_ACQUISITION = "casegrid_job_duedate_idx";

	static final String TASK_DUE = "casegrid_task_duedate_idx";

	static final String SUB_TASKS = "casegrid_task_parent_idx";

	private final DataSource dataSource;

	EngineIndexes(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine processEngine) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		jdbc.execute("CREATE INDEX IF NOT EXISTS " + JOB_ACQUISITION + " ON act_ru_job (duedate_)");
		jdbc.execute("CREATE INDEX IF NOT EXISTS " + TASK_DUE + " ON act_ru_task (due_date_)");
		jdbc.execute("CREATE INDEX IF NOT EXISTS " + SUB_TASKS
				+ " ON act_ru_task (parent_task_id_) WHERE parent_task_id_ IS NOT NULL");
	}

}
