package io.casegrid.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

import org.springframework.stereotype.Component;

/**
 * Checks every new deployment before the engine's own deployers parse it, whoever deploys it: Camunda Modeler through
 * {@code /engine-rest}, Cockpit, or the product's own processes at start. Each BPMN file must pass {@link BpmnRules},
 * each DMN file {@link DmnRules}, the forms and the user tasks' links to them {@link FormRules}, the variables
 * sequence-flow conditions read {@link ConditionRules}; only BPMN, DMN and Camunda Forms may be deployed. A deployment
 * with any problem is refused as a whole ({@link DeploymentRejected}: 400 from the REST API, every problem listed); the
 * deploy command fails, so nothing of it is stored. Each accepted or refused deployment is logged with who deployed it.
 * Deployments stored before are not checked again when the engine loads them.
 */
@Component
class DeploymentCheck extends AbstractProcessEnginePlugin implements Deployer {

	private static final Logger log = LoggerFactory.getLogger(DeploymentCheck.class);

	private static final List<String> BPMN = List.of(".bpmn", ".bpmn20.xml");

	private static final List<String> DMN = List.of(".dmn", ".dmn11.xml");

	private static final List<String> FORMS = List.of(".form");

	private final ProductBeans beans;

	private final ProductVocabulary vocabulary;

	private FormRules.DeployedForms deployedForms = (key, version) -> null;

	DeploymentCheck(ProductBeans beans, ProductVocabulary vocabulary) {
		this.beans = beans;
		this.vocabulary = vocabulary;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		deployedForms = FormRules.in(configuration);
		List<Deployer> deployers = new ArrayList<>();
		deployers.add(this);
		if (configuration.getCustomPreDeployers() != null) {
			deployers.addAll(configuration.getCustomPreDeployers());
		}
		configuration.setCustomPreDeployers(deployers);
	}

	@Override
	public void deploy(DeploymentEntity deployment) {
		if (!deployment.isNew() || deployment.getResources() == null) {
			return;
		}
		List<DeploymentProblem> problems = problems(deployment.getResources());
		String user = Context.getCommandContext().getAuthenticatedUserId();
		String by = user != null ? user : "the service";
		if (!problems.isEmpty()) {
			log.warn("Deployment '{}' by {} refused: {}", deployment.getName(), by, problems);
			throw new DeploymentRejected(problems);
		}
		// Camunda's user operation log records deployments by a user too (operation Create, entity Deployment)
		log.info("Deployment '{}' by {} accepted: {}", deployment.getName(), by, deployment.getResources().keySet());
	}

	List<DeploymentProblem> problems(Map<String, ResourceEntity> resources) {
		List<DeploymentProblem> problems = new ArrayList<>();
		resources.forEach((name, resource) -> check(name, resource.getBytes(), problems));
		problems.addAll(FormRules.problems(resources, deployedForms));
		problems.addAll(ConditionRules.problems(resources, deployedForms, beans.identifiers()));
		return problems;
	}

	private void check(String name, byte[] bytes, List<DeploymentProblem> problems) {
		String lower = name.toLowerCase(Locale.ROOT);
		List<Rule> rules;
		if (BPMN.stream().anyMatch(lower::endsWith)) {
			rules = concat(BpmnRules.ALL, ModelConventionRules.BPMN);
		}
		else if (DMN.stream().anyMatch(lower::endsWith)) {
			rules = concat(DmnRules.ALL, ModelConventionRules.DMN);
		}
		else if (FORMS.stream().anyMatch(lower::endsWith)) {
			return;
		}
		else {
			problems.add(new DeploymentProblem(name, null, "只能部署 BPMN、DMN 和表单（.bpmn、.dmn、.form）",
					"only BPMN, DMN and forms (.bpmn, .dmn, .form) may be deployed"));
			return;
		}
		ResourceCheck check = new ResourceCheck(name, beans, vocabulary, problems);
		List<Element> elements;
		try {
			elements = BpmnXml.elements(new ByteArrayInputStream(bytes == null ? new byte[0] : bytes));
		}
		catch (IOException ex) {
			problems.add(new DeploymentProblem(name, null, "不是格式正确的 XML", "not well-formed XML"));
			return;
		}
		for (Element element : elements) {
			rules.forEach(rule -> rule.check(element, check));
		}
	}

	private static List<Rule> concat(List<Rule> first, List<Rule> second) {
		List<Rule> rules = new ArrayList<>(first);
		rules.addAll(second);
		return rules;
	}

}
