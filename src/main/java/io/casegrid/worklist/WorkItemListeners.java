package io.casegrid.worklist;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Gives every user task of every deployed process the listeners that keep {@link WorkItemProjection} in step: one for
 * the events after which the task's row is rewritten (create, assignment, update), one for those after which it is
 * gone (complete, delete). They are added when a process is parsed, as Camunda adds its own history listeners, and as
 * built-in listeners, which run even when a caller skips custom listeners (Cockpit's cancel or modification with
 * "skip listeners"); designers see nothing of them in the diagram.
 */
@Component
class WorkItemListeners extends AbstractProcessEnginePlugin {

	private static final List<String> KEEP = List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT,
			TaskListener.EVENTNAME_UPDATE);

	private static final List<String> DROP = List.of(TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE);

	private final ObjectProvider<WorkItemProjection> projection;

	WorkItemListeners(ObjectProvider<WorkItemProjection> projection) {
		this.projection = projection;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = new ArrayList<>();
		if (configuration.getCustomPostBPMNParseListeners() != null) {
			listeners.addAll(configuration.getCustomPostBPMNParseListeners());
		}
		listeners.add(new UserTasks());
		configuration.setCustomPostBPMNParseListeners(listeners);
	}

	private final class UserTasks extends AbstractBpmnParseListener {

		private final TaskListener keep = task -> projection.getObject().record(task);

		private final TaskListener drop = task -> projection.getObject().remove(task);

		@Override
		public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
			if (!(activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask)) {
				return;
			}
			TaskDefinition definition = userTask.getTaskDefinition();
			KEEP.forEach(event -> definition.addBuiltInTaskListener(event, keep));
			DROP.forEach(event -> definition.addBuiltInTaskListener(event, drop));
		}

	}

}
