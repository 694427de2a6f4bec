package io.casegrid.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.runtime.Job;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.stereotype.Component;

/**
 * The engine's history level {@value #NAME} (id {@value #ID}, {@code camunda.bpm.history-level}): everything level
 * FULL writes except {@code ACT_HI_DETAIL}'s row for each write of a process variable
 * ({@link HistoryEventTypes#VARIABLE_INSTANCE_UPDATE_DETAIL}), the decision instances of look-up tables whose
 * result their feature stores itself ({@link LookupDecision}: the SLA policy), and the job log's rows for a process's
 * own jobs that were created, ran or were deleted ({@link #JOB_LOG_LEFT_OUT}: each cost an insert into
 * {@code ACT_HI_JOB_LOG} plus a read of {@code ACT_HI_BATCH}, see {@link #isJobLogLeftOut}). A job's failures stay in
 * the job log, and so does every row of a batch's jobs (Cockpit's batch view shows them);
 * {@code casegrid.engine-history.full-job-log} keeps every row (the fault harness reads which node ran each job). Process instances,
 * activities, tasks, identity links, incidents, the operation log, every other decision instance with its inputs and outputs
 * (triage, priority, return visits, mediation …) and each variable's last value ({@code ACT_HI_VARINST}) stay, which is
 * what Cockpit and an audit read; the case's own timeline is casegrid's ({@code case_event}). Databases made at FULL
 * are moved to this level by the migration {@code V25__history_level_county.sql} (the engine refuses to start when the
 * level it stores differs from the configured one). docs/operations.md ("Engine history") says what Cockpit shows.
 */
@Component
// the engine is built with this plugin, so after the migrations: V25 moves a database made at FULL first
@DependsOnDatabaseInitialization
public class CountyHistoryLevel extends AbstractProcessEnginePlugin implements HistoryLevel {

	public static final String NAME = "county";

	/** Stored in {@code ACT_GE_PROPERTY} ('historyLevel'); Camunda's own levels are 0–3. */
	public static final int ID = 25;

	/** The job log's events left out for jobs of processes (not batches): a job's failures are kept. */
	static final Set<HistoryEventType> JOB_LOG_LEFT_OUT = Set.of(HistoryEventTypes.JOB_CREATE,
			HistoryEventTypes.JOB_SUCCESS, HistoryEventTypes.JOB_DELETE);

	private final Set<String> lookups;

	/** {@code casegrid.engine-history.full-job-log}: every job's rows, e.g. to see which node ran which job. */
	private final boolean fullJobLog;

	public CountyHistoryLevel(List<LookupDecision> lookups,
			@Value("${casegrid.engine-history.full-job-log:false}") boolean fullJobLog) {
		this.lookups = lookups.stream().map(LookupDecision::key).collect(Collectors.toUnmodifiableSet());
		this.fullJobLog = fullJobLog;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomHistoryLevels());
		levels.add(this);
		configuration.setCustomHistoryLevels(levels);
	}

	@Override
	public int getId() {
		return ID;
	}

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
		if (eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL
				|| !fullJobLog && isJobLogLeftOut(eventType, entity)) {
			return false;
		}
		return !(eventType == HistoryEventTypes.DMN_DECISION_EVALUATE && entity instanceof DecisionDefinition decision
				&& lookups.contains(decision.getKey()));
	}

	/**
	 * Whether a job log row is left out: created, successful and deleted for a job that belongs to no batch. Each such
	 * row cost a county's case an insert into {@code ACT_HI_JOB_LOG} and a read of {@code ACT_HI_BATCH} (Camunda looks
	 * the batch up by the job definition's configuration, which for an async step or a timer is no batch id, so the
	 * read finds nothing and is not cached); Camunda 7 CE's Cockpit reads the job log only in its batch view. Asked
	 * without a job (whether the type is produced at all), the answer is that it is.
	 */
	static boolean isJobLogLeftOut(HistoryEventType eventType, Object entity) {
		return JOB_LOG_LEFT_OUT.contains(eventType) && entity instanceof Job job && job.getBatchId() == null;
	}

}
