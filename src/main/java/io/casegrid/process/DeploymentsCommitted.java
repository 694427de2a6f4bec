package io.casegrid.process;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;

import org.springframework.stereotype.Component;

/**
 * Counts the deployments this node has committed (the product's own at start-up, a designer's from Camunda Modeler
 * through the engine REST API, one made in Cockpit): {@link LatestDecisions} looks a decision's latest version up
 * again after each. A node that loads an older deployment into its cache does not count it.
 */
@Component
public class DeploymentsCommitted extends AbstractProcessEnginePlugin implements Deployer {

	private final AtomicLong committed = new AtomicLong();

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<Deployer> deployers = configuration.getCustomPostDeployers() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomPostDeployers());
		deployers.add(this);
		configuration.setCustomPostDeployers(deployers);
	}

	@Override
	public void deploy(DeploymentEntity deployment) {
		if (deployment.isNew()) {
			Context.getCommandContext()
				.getTransactionContext()
				.addTransactionListener(TransactionState.COMMITTED, context -> committed.incrementAndGet());
		}
	}

	/** How many deployments this node has committed since it started. */
	long count() {
		return committed.get();
	}

}
