package io.casegrid.escalation;

import java.util.Map;

import org.camunda.bpm.engine.delegate.TaskListener;

import io.casegrid.casefile.CaseFiles;
import io.casegrid.casefile.TimelineNote;
import io.casegrid.escalation.ThreeLevelResponseProcess.Vars;
import io.casegrid.process.ProcessActor;
import io.casegrid.process.ProcessVariables;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 审批延期: the level above decides a level's extension request; a grant moves the level's clock and timers. */
@Configuration(proxyBeanMethods = false)
class LevelExtensionGlue {

	@Bean("recordLevelExtensionDecision")
	TaskListener recordLevelExtensionDecision(Escalations escalations, CaseFiles files) {
		return task -> {
			ProcessVariables.takeComment(task);
			String actor = ProcessActor.current();
			if (LevelOutcomes.GRANT.equals(ProcessVariables.string(task, Vars.LEVEL_EXTENSION_DECISION))) {
				escalations.grantExtension(EnterResponseLevelDelegate.clockId(task),
						ProcessVariables.string(task, Vars.EXTENSION),
						ProcessVariables.string(task, Vars.EXTENSION_REASON), actor);
			}
			else {
				String reason = ProcessVariables.string(task, "refuseReason");
				files.note(ProcessVariables.caseId(task), actor,
						TimelineNote.of("EXTENSION_REFUSED", "不予延期：" + reason, Map.of("reason", reason)));
			}
		};
	}

}
