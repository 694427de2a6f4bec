package io.casegrid.process.form;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.form.CamundaFormRefImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The form of a user task as the task's own process-definition version links it, the way Camunda Tasklist finds it:
 * {@code camunda:formRef} with its binding ({@code latest}, the default; {@code deployment}: the form deployed with
 * that version; {@code version}: a fixed form version), or {@code camunda:formKey="camunda-forms:deployment:<file>"}.
 * Each deployed form is read once ({@link FormReading}) and kept by its form-definition id, which names one deployment
 * and version of it and never changes; where the binding is fixed, which definition a task uses is kept too. Only a
 * {@code latest} binding asks the engine each time (one indexed query), so a form deployed on another node counts at
 * once.
 */
@Component
public class TaskForms {

	private static final Logger log = LoggerFactory.getLogger(TaskForms.class);

	static final String DEPLOYED_FORM_KEY = "camunda-forms:deployment:";

	/** How a task names its form; {@code fixed} when the form it names can never change. */
	private record Link(String formRef, String binding, Integer version, String resourceName, boolean fixed) {
	}

	private final RepositoryService repository;

	private final CommandExecutor commands;

	/** By process-definition id and task key. */
	private final Map<String, Optional<Link>> links = new ConcurrentHashMap<>();

	/** A fixed link's form definition (id, deployment, resource), by process-definition id and task key. */
	private final Map<String, Optional<CamundaFormDefinition>> fixedDefinitions = new ConcurrentHashMap<>();

	/** By form-definition id, or deployment id and resource name. */
	private final Map<String, Optional<TaskForm>> parsed = new ConcurrentHashMap<>();

	TaskForms(ProcessEngine engine) {
		this.repository = engine.getRepositoryService();
		this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
			.getCommandExecutorTxRequired();
	}

	/**
	 * The form of task {@code taskKey} of that process-definition version, or empty when it has none this API can read
	 * (no form, a form kept in a web app, or one that breaks the conventions — a deployment since the check refuses
	 * such forms).
	 */
	public Optional<TaskForm> of(String processDefinitionId, String taskKey) {
		String task = processDefinitionId + "#" + taskKey;
		Optional<Link> link = links.computeIfAbsent(task, k -> link(processDefinitionId, taskKey));
		if (link.isEmpty()) {
			return Optional.empty();
		}
		String deploymentId = repository.getProcessDefinition(processDefinitionId).getDeploymentId();
		if (link.get().resourceName() != null) {
			return parsed.computeIfAbsent(deploymentId + "/" + link.get().resourceName(),
					k -> read(deploymentId, link.get().resourceName()));
		}
		Optional<CamundaFormDefinition> definition = link.get().fixed()
				? fixedDefinitions.computeIfAbsent(task, k -> definition(link.get(), deploymentId))
				: definition(link.get(), deploymentId);
		return definition.flatMap(d -> parsed.computeIfAbsent(d.getId(),
				k -> read(d.getDeploymentId(), d.getResourceName())));
	}

	private Optional<Link> link(String processDefinitionId, String taskKey) {
		if (!(repository.getBpmnModelInstance(processDefinitionId).getModelElementById(taskKey) instanceof UserTask task)) {
			return Optional.empty();
		}
		if (task.getCamundaFormRef() != null && !task.getCamundaFormRef().isBlank()) {
			String binding = task.getCamundaFormRefBinding() == null ? "latest" : task.getCamundaFormRefBinding();
			Integer version = task.getCamundaFormRefVersion() == null ? null
					: Integer.valueOf(task.getCamundaFormRefVersion());
			return Optional.of(new Link(task.getCamundaFormRef(), binding, version, null, !"latest".equals(binding)));
		}
		String formKey = task.getCamundaFormKey();
		if (formKey != null && formKey.startsWith(DEPLOYED_FORM_KEY)) {
			return Optional.of(new Link(null, null, null, formKey.substring(DEPLOYED_FORM_KEY.length()), true));
		}
		return Optional.empty();
	}

	private Optional<CamundaFormDefinition> definition(Link link, String deploymentId) {
		CamundaFormRefImpl ref = new CamundaFormRefImpl(link.formRef(), link.binding());
		ref.setVersion(link.version());
		return Optional.ofNullable(commands.execute(new GetCamundaFormDefinitionCmd(ref, deploymentId)));
	}

	private Optional<TaskForm> read(String deploymentId, String resourceName) {
		try (InputStream in = repository.getResourceAsStream(deploymentId, resourceName)) {
			FormReading.Result result = FormReading.read(in.readAllBytes());
			if (result.form() == null) {
				log.warn("Form {} of deployment {} breaks the conventions: {}", resourceName, deploymentId,
						result.problems());
			}
			return Optional.ofNullable(result.form());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NotFoundException ex) {
			log.warn("Form {} is not in deployment {}", resourceName, deploymentId);
			return Optional.empty();
		}
	}

}
