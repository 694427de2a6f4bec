package io.casegrid.web;

import java.util.List;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/** Turns Jackson's reference chain into the JSON path a client sent, e.g. {@code attachments[0].uri}. */
final class JsonPaths {

	private JsonPaths() {
	}

	static String of(List<JsonMappingException.Reference> path) {
		StringBuilder out = new StringBuilder();
		for (JsonMappingException.Reference ref : path) {
			if (ref.getFieldName() != null) {
				if (!out.isEmpty()) {
					out.append('.');
				}
				out.append(ref.getFieldName());
			}
			else if (ref.getIndex() >= 0) {
				out.append('[').append(ref.getIndex()).append(']');
			}
		}
		return out.isEmpty() ? "body" : out.toString();
	}

	static String reason(JsonMappingException ex) {
		if (ex instanceof com.fasterxml.jackson.databind.exc.InvalidNullException) {
			return "must not be null";
		}
		if (ex instanceof InvalidFormatException invalid) {
			Class<?> target = invalid.getTargetType();
			if (target != null && target.isEnum()) {
				return "is not one of " + java.util.Arrays.toString(target.getEnumConstants());
			}
			return "is not a valid " + (target == null ? "value" : target.getSimpleName()) + ": " + invalid.getValue();
		}
		if (ex.getCause() instanceof IllegalArgumentException illegal && illegal.getMessage() != null) {
			return illegal.getMessage();
		}
		return "has the wrong type";
	}

}
