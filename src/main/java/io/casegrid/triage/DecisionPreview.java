package io.casegrid.triage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.RepositoryService;

import io.casegrid.process.LatestDecisions;
import io.casegrid.process.feel.FeelExpressionCache;

import org.springframework.stereotype.Component;

/**
 * Evaluates the latest deployed version of a decision in memory, outside the process engine. What triage would
 * decide for a category is no decision about a case: evaluated by the engine, each read of the catalogue recorded two
 * historic decision instances per category and took a second doing so. Policies checked on every request (which
 * channels a reporter may claim) are no decision about a case either.
 */
@Component
public class DecisionPreview {

	private final RepositoryService repository;

	private final LatestDecisions latest;

	private final DmnEngine engine = FeelExpressionCache.dmnEngine();

	/** Parsed decisions by definition id: a designer's new version has a new id and is parsed on first use. */
	private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

	DecisionPreview(RepositoryService repository, LatestDecisions latest) {
		this.repository = repository;
		this.latest = latest;
	}

	/** One evaluation of the latest deployed version of {@code key} (a policy checked on a request). */
	public DmnDecisionTableResult evaluate(String key, Map<String, Object> inputs) {
		return snapshot().evaluate(key, inputs);
	}

	/**
	 * The decisions as deployed now: each key's latest version is looked up once, however many evaluations follow
	 * (the catalogue evaluates two decisions per category; looking them up each time made it the slowest read).
	 */
	Snapshot snapshot() {
		return new Snapshot();
	}

	/** The parsed latest version of {@code key}: parsed once per deployed version. */
	DmnDecision latest(String key) {
		return parsed.computeIfAbsent(this.latest.id(key), id -> {
			try (InputStream model = repository.getDecisionModel(id)) {
				return engine.parseDecision(key, model);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	/** Decisions looked up at most once each; for one request, not to be kept. */
	final class Snapshot {

		private final Map<String, DmnDecision> byKey = new java.util.HashMap<>();

		DmnDecisionTableResult evaluate(String key, Map<String, Object> inputs) {
			return engine.evaluateDecisionTable(byKey.computeIfAbsent(key, DecisionPreview.this::latest), inputs);
		}

	}

}
