package io.casegrid.deployment;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.migration.MigrationPlanValidationReport;

/**
 * A migration plan that cannot be executed: each instruction with its problems (Camunda's validation report, and the
 * timers the plan would drop while they have jobs pending). Answered with 400 and the list.
 */
public class MigrationPlanInvalid extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient List<InstructionProblem> problems;

	/** One instruction (or a source activity the plan leaves unmapped: {@code to} null) and what is wrong with it. */
	public record InstructionProblem(String from, String to, List<String> failures) {
	}

	MigrationPlanInvalid(List<InstructionProblem> problems) {
		super("The migration plan is invalid: " + problems.stream()
			.map(p -> p.from() + " → " + p.to() + ": " + String.join("; ", p.failures()))
			.collect(Collectors.joining(" | ")));
		this.problems = List.copyOf(problems);
	}

	static MigrationPlanInvalid of(MigrationPlanValidationReport report) {
		List<InstructionProblem> problems = report.getInstructionReports()
			.stream()
			.map(r -> new InstructionProblem(r.getMigrationInstruction().getSourceActivityId(),
					r.getMigrationInstruction().getTargetActivityId(), r.getFailures()))
			.toList();
		return new MigrationPlanInvalid(problems);
	}

	public List<InstructionProblem> problems() {
		return problems;
	}

}
