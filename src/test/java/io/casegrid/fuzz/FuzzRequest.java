package io.casegrid.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** One request as sent, with the mutations that made it, so that a violation names exactly what caused it. */
public record FuzzRequest(String operationId, String principal, List<String> mutations, String method, String target,
		Map<String, String> headers, byte[] body) {

	public String describe() {
		StringBuilder text = new StringBuilder();
		text.append(operationId).append(" as ").append(principal).append(' ').append(mutations).append(": ");
		text.append(method).append(' ').append(abbreviate(target, 300));
		headers.forEach((name, value) -> {
			if (!name.equals("Authorization")) {
				text.append(" [").append(name).append(": ").append(abbreviate(value, 80)).append(']');
			}
		});
		if (body != null) {
			text.append(" body(").append(body.length).append(" bytes): ")
				.append(abbreviate(new String(body, StandardCharsets.UTF_8), 300));
		}
		return text.toString();
	}

	static String abbreviate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max) + "…(" + text.length() + " chars)";
	}

}
