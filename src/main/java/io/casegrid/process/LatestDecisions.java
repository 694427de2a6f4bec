package io.casegrid.process;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The id of a decision's latest deployed version, for the look-ups the product makes itself (the SLA policy at each
 * clock start, the emergency words at each report): Camunda answers "latest version of a key" with a query each time,
 * one {@code SELECT} on {@code ACT_RE_DECISION_DEF} per clock start. The id is looked up again when this node has
 * committed a deployment since ({@link DeploymentsCommitted}: a designer's new version from Camunda Modeler answers
 * from the next look-up on), when the version has left the engine's deployment cache (its deployment was deleted), and
 * at the latest {@code casegrid.decisions.latest-version-recheck} (10 s) after the last look-up: a version deployed
 * through another node.
 */
@Component
public class LatestDecisions {

	private record Known(String id, long deployments, long lookedUpAt) {
	}

	private final RepositoryService repository;

	private final ProcessEngine engine;

	private final DeploymentsCommitted deployments;

	private final Map<String, Known> byKey = new ConcurrentHashMap<>();

	private final AtomicLong lookups = new AtomicLong();

	/** How long a looked-up version is used without asking the database again: a deployment on another node. */
	private final long recheckNanos;

	LatestDecisions(RepositoryService repository, ProcessEngine engine, DeploymentsCommitted deployments,
			@Value("${casegrid.decisions.latest-version-recheck:PT10S}") Duration recheck) {
		this.repository = repository;
		this.engine = engine;
		this.deployments = deployments;
		this.recheckNanos = recheck.toNanos();
	}

	/** The latest deployed version of the decision {@code key} (no tenant); fails when none is deployed. */
	public String id(String key) {
		Known known = byKey.get(key);
		long now = System.nanoTime();
		if (known != null && current(known, now)) {
			return known.id();
		}
		// counted before the query: a deployment committed while it runs makes the next look-up ask again
		long committed = deployments.count();
		DecisionDefinition latest = repository.createDecisionDefinitionQuery()
			.decisionDefinitionKey(key)
			.withoutTenantId()
			.latestVersion()
			.singleResult();
		lookups.incrementAndGet();
		if (latest == null) {
			throw new IllegalStateException("no version of the decision " + key + " is deployed");
		}
		byKey.put(key, new Known(latest.getId(), committed, now));
		return latest.getId();
	}

	/** How often the database was asked for a latest version. */
	public long lookups() {
		return lookups.get();
	}

	private boolean current(Known known, long now) {
		return known.deployments() == deployments.count() && now - known.lookedUpAt() < recheckNanos
				&& ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDeploymentCache()
					.findDecisionDefinitionFromCache(known.id()) != null;
	}

}
