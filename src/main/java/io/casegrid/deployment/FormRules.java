package io.casegrid.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.entity.CamundaFormDefinitionManager;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.w3c.dom.Element;

import io.casegrid.process.form.FormReading;
import io.casegrid.process.form.TaskForm;

/**
 * The forms of a deployment, as the REST API reads them ({@link FormReading}): every form deployed must follow the
 * conventions (one required outcome {@code radio} whose values are outcome codes, known field types, labels, FEEL
 * {@code conditional.hide}); every user task must link a Camunda Form that this deployment brings or, for the
 * {@code latest} and {@code version} bindings, that is deployed already.
 */
final class FormRules {

	/** A form deployed already, by key (the latest) or, for the {@code version} binding, that version of it. */
	@FunctionalInterface
	interface DeployedForms {

		/** The form's JSON, or {@code null} when no such form is deployed. */
		byte[] content(String key, Integer version);

		default boolean has(String key, Integer version) {
			return content(key, version) != null;
		}

	}

	private static final String DEPLOYED_FORM_KEY = "camunda-forms:deployment:";

	private FormRules() {
	}

	static List<DeploymentProblem> problems(Map<String, ResourceEntity> resources, DeployedForms deployed) {
		List<DeploymentProblem> problems = new ArrayList<>();
		Set<String> formKeys = new HashSet<>();
		resources.forEach((name, resource) -> {
			if (name.toLowerCase(Locale.ROOT).endsWith(".form")) {
				FormReading.Result read = FormReading.read(bytes(resource));
				read.problems()
					.forEach(p -> problems.add(new DeploymentProblem(name, p.componentId(), p.chinese(), p.english())));
				if (read.form() != null) {
					formKeys.add(read.form().formKey());
				}
			}
		});
		resources.forEach((name, resource) -> {
			String lower = name.toLowerCase(Locale.ROOT);
			if (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml")) {
				userTasks(resource).forEach(task -> checkLink(name, task, resources.keySet(), formKeys, deployed,
						problems));
			}
		});
		return problems;
	}

	/** Looks forms up in the engine's tables: in the deploy command's context, or in a new one. */
	static DeployedForms in(ProcessEngineConfigurationImpl configuration) {
		return (key, version) -> {
			CommandContext context = Context.getCommandContext();
			if (context != null) {
				return content(context, key, version);
			}
			return configuration.getCommandExecutorTxRequired().execute(c -> content(c, key, version));
		};
	}

	/** The keys of a form's fields, its outcome field among them; none when it cannot be read. */
	static Set<String> fieldKeys(byte[] json) {
		TaskForm form = json == null ? null : FormReading.read(json).form();
		if (form == null) {
			return Set.of();
		}
		Set<String> keys = new HashSet<>();
		keys.add(form.outcomeKey());
		form.fields().forEach(f -> keys.add(f.key()));
		return keys;
	}

	/** The Camunda Forms the user tasks of a BPMN file link by {@code camunda:formRef}, with their version, if fixed. */
	static Map<String, Integer> linkedForms(ResourceEntity bpmn) {
		Map<String, Integer> linked = new HashMap<>();
		for (Element task : userTasks(bpmn)) {
			String version = camunda(task, "formRefVersion");
			if (!camunda(task, "formRef").isBlank()) {
				linked.put(camunda(task, "formRef"), version.matches("\\d{1,9}") ? Integer.valueOf(version) : null);
			}
		}
		return linked;
	}

	private static byte[] content(CommandContext context, String key, Integer version) {
		CamundaFormDefinitionManager forms = context.getCamundaFormDefinitionManager();
		CamundaFormDefinitionEntity definition = version == null ? forms.findLatestDefinitionByKey(key)
				: forms.findDefinitionByKeyVersionAndTenantId(key, version, null);
		if (definition == null) {
			return null;
		}
		ResourceEntity resource = context.getResourceManager()
			.findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName());
		return resource == null ? null : bytes(resource);
	}

	private static void checkLink(String resource, Element task, Set<String> resourceNames, Set<String> formKeys,
			DeployedForms deployed, List<DeploymentProblem> problems) {
		String id = task.getAttribute("id");
		String formRef = camunda(task, "formRef");
		String formKey = camunda(task, "formKey");
		if (formRef.isBlank() && formKey.isBlank()) {
			problems.add(new DeploymentProblem(resource, id, "用户任务没有表单：请在“表单”中选择 Camunda 表单（camunda:formRef）",
					"the user task has no form: link a Camunda Form (camunda:formRef)"));
			return;
		}
		if (formRef.isBlank()) {
			if (!formKey.startsWith(DEPLOYED_FORM_KEY)) {
				problems.add(new DeploymentProblem(resource, id, "表单必须是部署的 Camunda 表单（camunda:formRef）：" + formKey,
						"the form must be a deployed Camunda Form (camunda:formRef): " + formKey));
			}
			else if (!resourceNames.contains(formKey.substring(DEPLOYED_FORM_KEY.length()))) {
				problems.add(new DeploymentProblem(resource, id, "表单文件未随本次部署：" + formKey,
						"the form file is not part of this deployment: " + formKey));
			}
			return;
		}
		String binding = camunda(task, "formRefBinding");
		String version = camunda(task, "formRefVersion");
		if (!List.of("latest", "deployment", "version").contains(binding)) {
			problems.add(new DeploymentProblem(resource, id,
					"表单绑定（camunda:formRefBinding）必须是 latest、deployment 或 version：" + binding,
					"the form binding (camunda:formRefBinding) must be latest, deployment or version: " + binding));
			return;
		}
		boolean found = switch (binding) {
			case "deployment" -> formKeys.contains(formRef);
			case "latest" -> formKeys.contains(formRef) || deployed.has(formRef, null);
			default -> version.matches("\\d{1,9}") && deployed.has(formRef, Integer.valueOf(version));
		};
		if (!found) {
			String where = "deployment".equals(binding) ? "本次部署中" : "本次部署和已部署的表单中";
			problems.add(new DeploymentProblem(resource, id,
					where + "没有表单 " + formRef + "（绑定 " + binding + (version.isBlank() ? "" : " 版本 " + version) + "）",
					"no form " + formRef + " (binding " + binding + (version.isBlank() ? "" : " version " + version)
							+ ") in this deployment" + ("deployment".equals(binding) ? "" : " or deployed before")));
		}
	}

	static List<Element> userTasks(ResourceEntity resource) {
		try {
			return BpmnXml.elements(new ByteArrayInputStream(bytes(resource)))
				.stream()
				.filter(e -> "userTask".equals(e.getLocalName()))
				.toList();
		}
		catch (IOException ex) {
			// not well-formed: the BPMN rules say so
			return List.of();
		}
	}

	static String camunda(Element element, String name) {
		for (String namespace : BpmnRules.CAMUNDA_NAMESPACES) {
			if (element.hasAttributeNS(namespace, name)) {
				return element.getAttributeNS(namespace, name).strip();
			}
		}
		return "";
	}

	static byte[] bytes(ResourceEntity resource) {
		return resource.getBytes() == null ? new byte[0] : resource.getBytes();
	}

}
