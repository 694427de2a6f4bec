package io.casegrid;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The multipart form of Camunda's {@code POST …/deployment/create}, as Camunda Modeler's deploy button sends it, and
 * small diagrams to deploy with it.
 */
public final class DeploymentForm {

	private final String boundary = "casegrid-" + UUID.randomUUID();

	private final Map<String, String> fields = new LinkedHashMap<>();

	private final Map<String, String> resources = new LinkedHashMap<>();

	private DeploymentForm(String name) {
		fields.put("deployment-name", name);
		fields.put("deployment-source", "casegrid tests");
	}

	public static DeploymentForm named(String name) {
		return new DeploymentForm(name);
	}

	public DeploymentForm resource(String fileName, String content) {
		resources.put(fileName, content);
		return this;
	}

	public String contentType() {
		return "multipart/form-data; boundary=" + boundary;
	}

	public byte[] body() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		fields.forEach((name, value) -> write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
				+ "\"\r\n\r\n" + value + "\r\n"));
		resources.forEach((file, content) -> write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
				+ file + "\"; filename=\"" + file + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content
				+ "\r\n"));
		write(out, "--" + boundary + "--\r\n");
		return out.toByteArray();
	}

	/** An executable process that only starts and ends; the body may add elements between the two events. */
	public static String process(String processId, String body) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_%1$s"
				    targetNamespace="https://casegrid.io/tests">
				  <bpmn:process id="%1$s" name="测试流程" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <bpmn:startEvent id="Start_%1$s" />
				    %2$s
				    <bpmn:endEvent id="End_%1$s" />
				  </bpmn:process>
				</bpmn:definitions>
				""".formatted(processId, body);
	}

	/** A harmless process: start, end. */
	public static String harmlessProcess(String processId) {
		return process(processId, "");
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

}
