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

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.stereotype.Component;

/**
 * The engine's history level {@value #NAME} (id {@value #ID}, {@code camunda.bpm.history-level}): everything level
 * FULL writes except {@code ACT_HI_DETAIL}'s row for each write of a process variable
 * ({@link HistoryEventTypes#VARIABLE_INSTANCE_UPDATE_DETAIL}), and the decision instances of look-up tables whose
 * result their feature stores itself ({@link LookupDecision}: the SLA policy). Process instances, activities, tasks,
 * identity links, incidents, jobs, the operation log, every other decision instance with its inputs and outputs
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

	private final Set<String> lookups;

	public CountyHistoryLevel(List<LookupDecision> lookups) {
		this.lookups = lookups.stream().map(LookupDecision::key).collect(Collectors.toUnmodifiableSet());
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
		if (eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL) {
			return false;
		}
		return !(eventType == HistoryEventTypes.DMN_DECISION_EVALUATE && entity instanceof DecisionDefinition decision
				&& lookups.contains(decision.getKey()));
	}

}
