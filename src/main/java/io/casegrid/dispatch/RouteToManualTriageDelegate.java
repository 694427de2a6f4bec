package io.casegrid.dispatch;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.casegrid.casefile.CaseLifecycleProcess.Vars;
import io.casegrid.casefile.FilingProperties;

import org.springframework.stereotype.Component;

/**
 * 转人工研判: a case sent back by its handling unit, or sent to be dispatched anew by the centre, is dispatched by a
 * person next time, not by the rules that placed it. Out: dispatchProcess.
 */
@Component("routeToManualTriage")
class RouteToManualTriageDelegate implements JavaDelegate {

	private final FilingProperties filing;

	RouteToManualTriageDelegate(FilingProperties filing) {
		this.filing = filing;
	}

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable(Vars.DISPATCH_PROCESS, filing.triageProcess());
	}

}
