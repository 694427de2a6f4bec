package io.casegrid.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

import io.casegrid.sla.SlaClocks;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Keeps the SLA clocks bound to the timers of a process instance that migrates: Camunda reports each migrated
 * instance as a history event ({@code process-instance migrate}) inside the command that moves it, so the clocks whose
 * timers the plan moved to other ids ({@link ProcessMigrations}) are bound to the new ids in the same transaction; a
 * failed migration rolls both back. The timers' due dates themselves are re-evaluated by Camunda
 * ({@code updateEventTriggers}) from the variables the clocks keep. Needs history level activity or above (the
 * service runs at full).
 */
@Component
class MigratedInstanceClocks extends AbstractProcessEnginePlugin {

	private final ObjectProvider<ProcessMigrationRepository> migrations;

	private final ObjectProvider<SlaClocks> clocks;

	MigratedInstanceClocks(ObjectProvider<ProcessMigrationRepository> migrations, ObjectProvider<SlaClocks> clocks) {
		this.migrations = migrations;
		this.clocks = clocks;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<HistoryEventHandler> handlers = new ArrayList<>();
		if (configuration.getCustomHistoryEventHandlers() != null) {
			handlers.addAll(configuration.getCustomHistoryEventHandlers());
		}
		handlers.add(new Handler());
		configuration.setCustomHistoryEventHandlers(handlers);
	}

	private void migrated(HistoryEvent event) {
		migrations.getObject().findLatestInto(event.getProcessDefinitionId()).ifPresent(migration -> {
			Map<String, String> moved = ProcessMigrations.movedActivities(migration.instructions());
			if (!moved.isEmpty()) {
				clocks.getObject().rebindMigratedTimers(event.getProcessInstanceId(), moved);
			}
		});
	}

	/**
	 * Not a bean of its own: Camunda's Spring Boot starter would register a {@link HistoryEventHandler} bean a second
	 * time (and fail once there are two).
	 */
	private final class Handler implements HistoryEventHandler {

		@Override
		public void handleEvent(HistoryEvent event) {
			if (event.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_MIGRATE)) {
				migrated(event);
			}
		}

		@Override
		public void handleEvents(List<HistoryEvent> events) {
			events.forEach(this::handleEvent);
		}

	}

}
