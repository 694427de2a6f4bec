package io.casegrid.escalation;

import static io.casegrid.worklist.OutcomeField.text;

import io.casegrid.escalation.SupervisionOrderProcess.Ids;
import io.casegrid.escalation.SupervisionOrderProcess.Vars;
import io.casegrid.worklist.TaskContract;
import io.casegrid.worklist.TaskOutcome;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the user tasks of {@code supervision-order.bpmn} ask, for the REST API and the Camunda Forms alike. */
@Configuration(proxyBeanMethods = false)
class SupervisionTaskContracts {

	static final String ACCEPT = "ACCEPT";

	@Bean
	TaskContract replyToSupervisionOrderTask() {
		return TaskContract.of(Ids.TASK_REPLY, Vars.REPLY_OUTCOME,
				TaskOutcome.of("REPLY", "整改回复", text(Vars.REPLY, "整改情况", true)));
	}

	@Bean
	TaskContract reviewSupervisionReplyTask() {
		return TaskContract.of(Ids.TASK_REVIEW, Vars.REVIEW_OUTCOME,
				TaskOutcome.of(ACCEPT, "认可，督办办结", text(Vars.REVIEW_NOTE, "审核意见", false)),
				TaskOutcome.of("SEND_BACK", "退回重新整改", text(Vars.SEND_BACK_REASON, "退回理由", true)));
	}

	@Bean
	TaskContract countySupervisionTask() {
		return TaskContract.of(Ids.TASK_COUNTY_SUPERVISION, Vars.COUNTY_OUTCOME,
				TaskOutcome.of("INTERVIEW", "约谈部门负责人", text(Vars.COUNTY_NOTE, "约谈情况", true)),
				TaskOutcome.of("REVIEWED", "督办审核", text(Vars.COUNTY_NOTE, "审核意见", true)));
	}

}
