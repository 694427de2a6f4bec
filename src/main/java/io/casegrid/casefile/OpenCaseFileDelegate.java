package io.casegrid.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.casegrid.casefile.CaseLifecycleProcess.Vars;
import io.casegrid.process.ProcessVariables;

import org.springframework.stereotype.Component;

/**
 * ② 案卷建立. In: caseId. Out: dispatchProcess, handlingProcess (the called elements) and redoCount (0, read by a
 * gateway). The classification itself — track, department, SLA class — stays in the case file, where the called
 * processes' steps read it.
 */
@Component("openCaseFile")
class OpenCaseFileDelegate implements JavaDelegate {

	private final CaseFiling filing;

	OpenCaseFileDelegate(CaseFiling filing) {
		this.filing = filing;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Classification classification = filing.open(ProcessVariables.caseId(execution));
		execution.setVariable(Vars.DISPATCH_PROCESS, classification.dispatchProcess());
		execution.setVariable(Vars.HANDLING_PROCESS, classification.handlingProcess());
		execution.setVariable(Vars.REDO_COUNT, 0);
	}

}
