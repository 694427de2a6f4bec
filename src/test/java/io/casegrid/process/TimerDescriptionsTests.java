package io.casegrid.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.junit.jupiter.api.Test;

import io.casegrid.EngineTestSupport;
import io.casegrid.process.TimerDescription.TimerAction;
import io.casegrid.process.TimerDescription.WaitingTimer;

import org.springframework.beans.factory.annotation.Autowired;

/** Every timer of the product's diagrams is described by the feature that owns it; one nobody describes shows its name. */
class TimerDescriptionsTests extends EngineTestSupport {

	@Autowired
	TimerDescriptions descriptions;

	@Test
	void everyTimerOfTheProductsDiagramsHasADescription() throws IOException {
		List<String> timerIds;
		try (Stream<Path> diagrams = Files.list(Path.of("processes"))) {
			timerIds = diagrams.filter(path -> path.toString().endsWith(".bpmn"))
				.flatMap(path -> Bpmn.readModelFromFile(path.toFile())
					.getModelElementsByType(TimerEventDefinition.class)
					.stream()
					.map(timer -> ((BaseElement) timer.getParentElement()).getId()))
				.toList();
		}
		assertThat(timerIds).contains("BoundaryEvent_HandleBreach", "BoundaryEvent_AcknowledgementOverdue",
				"BoundaryEvent_EvaluationOverdue", "BoundaryEvent_Silence", "BoundaryEvent_ThreeHeadsTimeUp");
		assertThat(timerIds).allSatisfy(id -> assertThat(descriptions.describes(id)).as(id).isTrue());
	}

	@Test
	void aTimerNobodyDescribesIsShownByItsName() {
		TimerAction action = descriptions
			.describe(new WaitingTimer(UUID.randomUUID(), "BoundaryEvent_Unknown", "某个定时器", variable -> null));
		assertThat(action).isEqualTo(new TimerAction("OTHER", "某个定时器"));
	}

	@Test
	void aFeatureDescribesItsTimerFromTheWaitingInstance() {
		TimerAction action = descriptions.describe(new WaitingTimer(UUID.randomUUID(),
				"BoundaryEvent_HandlingOverdue", "办理超时", variable -> "reportDepartment".equals(variable) ? "dept-cg" : null));
		assertThat(action.action()).isEqualTo("SUPERVISION_ORDER");
		assertThat(action.description()).isEqualTo("部门办理超时：对 dept-cg 下督办单（已督办过的报县级）");
	}

}
