package io.casegrid.deployment;

import java.util.List;

import org.camunda.bpm.engine.Problem;

/**
 * One reason a deployment is refused: the resource, the BPMN/DMN element it is about (the nearest element with an
 * id), and what is wrong in Chinese and English. Shown by Camunda's REST API (and so by Camunda Modeler) as an error
 * of a {@code ParseException}.
 */
record DeploymentProblem(String resource, String elementId, String chinese, String english) implements Problem {

	@Override
	public String getMessage() {
		return chinese + " / " + english;
	}

	@Override
	public int getLine() {
		return 0;
	}

	@Override
	public int getColumn() {
		return 0;
	}

	@Override
	public String getMainElementId() {
		return elementId;
	}

	@Override
	public List<String> getElementIds() {
		return elementId == null ? List.of() : List.of(elementId);
	}

	@Override
	public String toString() {
		return resource + (elementId == null ? "" : " " + elementId) + ": " + getMessage();
	}

}
