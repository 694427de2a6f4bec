package io.casegrid.casefile;

import java.util.Map;

/**
 * What to write on a case's timeline: a type such as {@code DISPATCHED}, a summary in words, and details.
 */
public record TimelineNote(String type, String summary, Map<String, String> details) {

	public static TimelineNote of(String type, String summary) {
		return new TimelineNote(type, summary, Map.of());
	}

	public static TimelineNote of(String type, String summary, Map<String, String> details) {
		return new TimelineNote(type, summary, details);
	}

	/** The same note with the actor's comment added to its details (nothing added when there is none). */
	public TimelineNote withComment(String comment) {
		if (comment == null || comment.isBlank()) {
			return this;
		}
		var withComment = new java.util.HashMap<>(details);
		withComment.put("comment", comment);
		return new TimelineNote(type, summary, Map.copyOf(withComment));
	}

}
