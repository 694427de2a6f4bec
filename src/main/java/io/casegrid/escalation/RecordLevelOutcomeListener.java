package io.casegrid.escalation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import io.casegrid.casefile.CaseFiles;
import io.casegrid.casefile.CaseLifecycleProcess;
import io.casegrid.casefile.TimelineNote;
import io.casegrid.escalation.ThreeLevelResponseProcess.Vars;
import io.casegrid.events.EventType;
import io.casegrid.process.ProcessActor;
import io.casegrid.process.ProcessVariables;

import org.springframework.stereotype.Component;

/**
 * On completing 分级办理: stops the level's clock and records the result (办结), the return (退回) or the manual
 * escalation (上报) — which also sets the level the process enters next — or checks and records a whistle (吹哨), while
 * the level's clock keeps running.
 */
@Component("recordLevelOutcome")
class RecordLevelOutcomeListener implements TaskListener {

	private final Escalations escalations;

	private final CaseFiles files;

	private final LevelWhistle whistling;

	RecordLevelOutcomeListener(Escalations escalations, CaseFiles files, LevelWhistle whistling) {
		this.escalations = escalations;
		this.files = files;
		this.whistling = whistling;
	}

	@Override
	public void notify(DelegateTask task) {
		String comment = ProcessVariables.takeComment(task);
		var caseId = ProcessVariables.caseId(task);
		var clockId = EnterResponseLevelDelegate.clockId(task);
		String actor = ProcessActor.current();
		String outcome = ProcessVariables.string(task, CaseLifecycleProcess.Vars.HANDLING_OUTCOME);
		switch (outcome) {
			case LevelOutcomes.RESOLVED -> {
				escalations.leave(clockId, outcome, actor);
				String resolution = ProcessVariables.string(task, "resolution");
				files.change(caseId, actor, TimelineNote.of("RESOLVED", "办结：" + resolution)
					.announcing(EventType.CASE_RESOLVED).withComment(comment),
						f -> f.resolve(resolution));
			}
			case LevelOutcomes.RETURN -> {
				escalations.leave(clockId, outcome, actor);
				files.change(caseId, actor,
						TimelineNote.of("RETURNED", "退回重新派单：" + ProcessVariables.string(task, "returnReason"))
							.announcing(EventType.CASE_RETURNED)
							.withComment(comment),
						f -> f.returnToDispatch());
			}
			case LevelOutcomes.ESCALATE -> {
				LevelAssignment next = escalations.escalate(caseId, clockId,
						ProcessVariables.string(task, Vars.RESPONSE_LEVEL),
						ProcessVariables.string(task, Vars.LEVEL_GROUP), EscalationTrigger.MANUAL,
						ProcessVariables.string(task, Vars.ESCALATION_REASON), actor);
				task.setVariable(Vars.RESPONSE_LEVEL, next.level().name());
				task.setVariable(Vars.LEVEL_GROUP, next.group());
			}
			case LevelOutcomes.REQUEST_EXTENSION -> {
				String approver = escalations.extensionApprover(caseId,
						ProcessVariables.string(task, Vars.RESPONSE_LEVEL));
				task.setVariable(Vars.EXTENSION_APPROVER, approver);
				files.note(caseId, actor, TimelineNote
					.of("EXTENSION_REQUESTED",
							"申请延期 " + ProcessVariables.string(task, Vars.EXTENSION) + "："
									+ ProcessVariables.string(task, Vars.EXTENSION_REASON) + "（" + approver + " 审批）",
							java.util.Map.of("extension", ProcessVariables.string(task, Vars.EXTENSION), "approver",
									approver))
					.withComment(comment));
			}
			case LevelOutcomes.WHISTLE -> whistling.whistle(caseId,
					ProcessVariables.string(task, Vars.RESPONSE_LEVEL), ProcessVariables.string(task, Vars.LEVEL_GROUP),
					ProcessVariables.string(task, Vars.WHISTLED_DEPARTMENTS),
					ProcessVariables.string(task, Vars.LEAD_DEPARTMENT),
					ProcessVariables.string(task, Vars.WHISTLE_APPLICATION), actor);
			default -> throw new IllegalStateException("Unknown handling outcome on task " + task.getId());
		}
	}

}
