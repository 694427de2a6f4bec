package io.casegrid.casefile;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The payload of an event announced by a timeline note (schema version 1): the case's step after the change, who
 * acted, the timeline's summary and type, and the note's details — what a reader of the case sees on its timeline.
 */
final class CaseEventPayload {

	private CaseEventPayload() {
	}

	static Map<String, Object> of(CaseStep step, String actor, TimelineNote note) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("step", step == null ? null : step.name());
		payload.put("actor", actor);
		payload.put("timelineType", note.type());
		payload.put("summary", note.summary());
		payload.put("details", note.details());
		return payload;
	}

}
