package io.casegrid.sla;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;

import io.casegrid.process.LatestDecisions;

import org.springframework.stereotype.Component;

/**
 * Reads the time limits from {@code processes/sla-policy.dmn}, which process designers keep. A deployed version of
 * the table never changes, so its answer for a class, phase and priority is evaluated once per version and kept: a
 * clock start (one per level entered, thousands in an escalation storm) costs neither an evaluation with its decision
 * history nor, while no new version is deployed, a query for the latest version ({@link LatestDecisions}). The
 * clock itself records the limit it got ({@code sla_clock.time_limit}, {@code counting} and its STARTED line); a
 * newly deployed version answers from the next clock on.
 */
@Component
class SlaPolicy {

	static final String DECISION_KEY = "Decision_SlaPolicy";

	private record Question(String decisionDefinitionId, String slaClass, Phase phase, String priority) {
	}

	private final DecisionService decisions;

	private final LatestDecisions latest;

	private final Map<Question, Optional<SlaLimit>> answers = new ConcurrentHashMap<>();

	/** How often the table was evaluated: its decision history is not kept (a look-up, {@code SlaPolicyLookup}). */
	private final AtomicLong evaluations = new AtomicLong();

	SlaPolicy(DecisionService decisions, LatestDecisions latest) {
		this.decisions = decisions;
		this.latest = latest;
	}

	/**
	 * The limit of the first row that matches (hit policy FIRST: rows that shorten a limit for a higher priority come
	 * before the general row), or empty when the table has none for this class and phase (e.g. no 回音 for a small
	 * matter, which is answered by its 办结).
	 */
	Optional<SlaLimit> limitFor(String slaClass, Phase phase, String priority) {
		return answers.computeIfAbsent(
				new Question(latest.id(DECISION_KEY), slaClass, phase, priority == null ? "NORMAL" : priority),
				this::evaluate);
	}

	long evaluations() {
		return evaluations.get();
	}

	private Optional<SlaLimit> evaluate(Question question) {
		evaluations.incrementAndGet();
		var result = decisions.evaluateDecisionTableById(question.decisionDefinitionId(),
				Variables.fromMap(Map.of("slaClass", question.slaClass(), "phase", question.phase().name(), "priority",
						question.priority())))
			.getFirstResult();
		if (result == null) {
			return Optional.empty();
		}
		return Optional.of(new SlaLimit(result.getEntry("limit"), Counting.valueOf(result.getEntry("counting"))));
	}

}
