package io.casegrid.deployment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;

/**
 * A deployment that {@link DeploymentCheck} refused. A {@link ParseException}, so Camunda's REST API answers 400 with
 * every problem under {@code details.<resource>.errors} (element id and message), as Camunda Modeler shows them; the
 * command fails, so nothing of the deployment is stored.
 */
class DeploymentRejected extends ParseException {

	private static final long serialVersionUID = 1L;

	private final transient List<ResourceReport> reports;

	DeploymentRejected(List<DeploymentProblem> problems) {
		super(message(problems), problems.get(0).resource(), List.copyOf(problems), List.of());
		Map<String, List<Problem>> byResource = new LinkedHashMap<>();
		problems.forEach(p -> byResource.computeIfAbsent(p.resource(), r -> new java.util.ArrayList<>()).add(p));
		this.reports = byResource.entrySet().stream().map(e -> report(e.getKey(), e.getValue())).toList();
	}

	@Override
	public List<ResourceReport> getResorceReports() {
		return reports;
	}

	private static String message(List<DeploymentProblem> problems) {
		return "部署被拒绝 / deployment refused: " + problems.stream()
			.map(DeploymentProblem::toString)
			.collect(Collectors.joining("; "));
	}

	private static ResourceReport report(String resource, List<Problem> errors) {
		return new ResourceReport() {
			@Override
			public String getResourceName() {
				return resource;
			}

			@Override
			public List<Problem> getErrors() {
				return errors;
			}

			@Override
			public List<Problem> getWarnings() {
				return List.of();
			}
		};
	}

}
