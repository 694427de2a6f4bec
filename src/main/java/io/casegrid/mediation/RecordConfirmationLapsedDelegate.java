package io.casegrid.mediation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.casegrid.process.ProcessVariables;
import io.casegrid.security.Actor;

import org.springframework.stereotype.Component;

/** 记录未申请确认: the 30 days for judicial confirmation passed without an application. In: caseId. */
@Component("recordConfirmationLapsed")
class RecordConfirmationLapsedDelegate implements JavaDelegate {

	private final Mediations mediations;

	RecordConfirmationLapsedDelegate(Mediations mediations) {
		this.mediations = mediations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		mediations.judicialConfirmation(ProcessVariables.caseId(execution), "LAPSED", null, Actor.SYSTEM.id());
	}

}
