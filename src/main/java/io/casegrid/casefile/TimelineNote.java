package io.casegrid.casefile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.casegrid.events.EventType;

/**
 * What to write on a case's timeline: a type such as {@code DISPATCHED}, a summary in words, and details; and the
 * domain events it announces, which go into the outbox in the same transaction (see {@link CaseFiles}).
 */
public record TimelineNote(String type, String summary, Map<String, String> details, List<EventType> events) {

	public TimelineNote {
		events = List.copyOf(events);
	}

	public TimelineNote(String type, String summary, Map<String, String> details) {
		this(type, summary, details, List.of());
	}

	public static TimelineNote of(String type, String summary) {
		return new TimelineNote(type, summary, Map.of());
	}

	public static TimelineNote of(String type, String summary, Map<String, String> details) {
		return new TimelineNote(type, summary, details);
	}

	/** The same note announcing one more domain event (after those it announces already). */
	public TimelineNote announcing(EventType event) {
		List<EventType> more = new ArrayList<>(events);
		more.add(event);
		return new TimelineNote(type, summary, details, more);
	}

	/** The same note with the actor's comment added to its details (nothing added when there is none). */
	public TimelineNote withComment(String comment) {
		if (comment == null || comment.isBlank()) {
			return this;
		}
		var withComment = new java.util.HashMap<>(details);
		withComment.put("comment", comment);
		return new TimelineNote(type, summary, Map.copyOf(withComment), events);
	}

}
