package io.casegrid.escalation;

import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;

import io.casegrid.escalation.SupervisionOrderProcess.Vars;
import io.casegrid.process.ProcessActor;
import io.casegrid.process.ProcessVariables;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The building blocks of {@code supervision-order.bpmn}, one per element. In: orderId. Each reads the task's fields
 * and calls {@link SupervisionOrders}; a sent-back reply writes the new deadline (replyDueAt) the reply task's timer
 * reads.
 */
@Configuration(proxyBeanMethods = false)
class SupervisionOrderGlue {

	@Bean("recordSupervisionReply")
	TaskListener recordSupervisionReply(SupervisionOrders orders) {
		return task -> orders.recordReply(orderId(task), ProcessVariables.string(task, Vars.REPLY),
				ProcessActor.current());
	}

	@Bean("recordSupervisionReview")
	TaskListener recordSupervisionReview(SupervisionOrders orders) {
		return task -> {
			if (SupervisionOutcomes.ACCEPT.equals(ProcessVariables.string(task, Vars.REVIEW_OUTCOME))) {
				orders.accept(orderId(task), ProcessVariables.string(task, Vars.REVIEW_NOTE), ProcessActor.current());
			}
			else {
				task.setVariable(Vars.REPLY_DUE_AT, Date.from(orders.sendBack(orderId(task),
						ProcessVariables.string(task, Vars.SEND_BACK_REASON), ProcessActor.current())));
			}
		};
	}

	@Bean("recordSupervisionMissed")
	JavaDelegate recordSupervisionMissed(SupervisionOrders orders) {
		return execution -> orders.missed(orderId(execution), ProcessActor.current());
	}

	@Bean("recordCountySupervision")
	TaskListener recordCountySupervision(SupervisionOrders orders) {
		return task -> orders.countyActed(orderId(task), ProcessVariables.string(task, Vars.COUNTY_OUTCOME),
				ProcessVariables.string(task, Vars.COUNTY_NOTE), ProcessActor.current());
	}

	private static UUID orderId(VariableScope scope) {
		return UUID.fromString(ProcessVariables.string(scope, Vars.ORDER_ID));
	}

}
