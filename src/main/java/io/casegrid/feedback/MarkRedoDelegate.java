package io.casegrid.feedback;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.casegrid.casefile.CaseFiles;
import io.casegrid.casefile.CaseLifecycleProcess.Vars;
import io.casegrid.casefile.TimelineNote;
import io.casegrid.events.EventType;
import io.casegrid.process.ProcessVariables;
import io.casegrid.security.Actor;

import org.springframework.stereotype.Component;

/** 标记重办: the first 不满意 sends the case back to its handling unit. In: caseId. Out: redoCount. */
@Component("markRedo")
class MarkRedoDelegate implements JavaDelegate {

	private final CaseFiles files;

	MarkRedoDelegate(CaseFiles files) {
		this.files = files;
	}

	@Override
	public void execute(DelegateExecution execution) {
		var file = files.change(ProcessVariables.caseId(execution), Actor.SYSTEM.id(),
				TimelineNote.of("REDO", "群众不满意，退回承办单位重办").announcing(EventType.CASE_REDO), f -> f.redo());
		execution.setVariable(Vars.REDO_COUNT, file.redoCount());
	}

}
