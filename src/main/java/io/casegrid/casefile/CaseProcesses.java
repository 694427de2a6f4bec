package io.casegrid.casefile;

import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;

import io.casegrid.casefile.CaseLifecycleProcess.Vars;
import io.casegrid.process.EngineUser;
import io.casegrid.web.ConflictException;

import org.springframework.stereotype.Component;

/** Starts and signals case processes; the only place intake and feedback talk to the engine's runtime. */
@Component
public class CaseProcesses {

	private final RuntimeService runtime;

	private final EngineUser engineUser;

	CaseProcesses(RuntimeService runtime, EngineUser engineUser) {
		this.runtime = runtime;
		this.engineUser = engineUser;
	}

	/** Starts the six-step loop for a reported case; returns the process instance id. */
	public String start(CaseFile file, String actor) {
		return engineUser.runAs(actor, () -> runtime.createMessageCorrelation(CaseLifecycleProcess.MESSAGE_CASE_REPORTED)
			.processInstanceBusinessKey(file.id().toString())
			.setVariables(Map.of(Vars.CASE_ID, file.id().toString(), Vars.CASE_NUMBER, file.caseNumber()))
			.correlateStartMessage()
			.getId());
	}

	/**
	 * Delivers an evaluation to a case waiting for it, saying who gave it (the resident, or staff on the visit), or
	 * 409 if it is not waiting.
	 */
	public void deliverEvaluation(UUID caseId, String score, String comment, EvaluationSource source, String actor) {
		var variables = new java.util.HashMap<String, Object>();
		variables.put(Vars.EVALUATION_SCORE, score);
		variables.put(Vars.EVALUATION_SOURCE, source.name());
		variables.put(Vars.EVALUATION_COMMENT, comment);
		try {
			engineUser.runAs(actor, () -> runtime.createMessageCorrelation(CaseLifecycleProcess.MESSAGE_EVALUATION_RECEIVED)
				.processInstanceBusinessKey(caseId.toString())
				.setVariables(variables)
				.correlateWithResult());
		}
		catch (MismatchingMessageCorrelationException ex) {
			throw new ConflictException("Case " + caseId + " is not waiting for an evaluation");
		}
	}

}
