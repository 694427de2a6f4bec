package io.casegrid.notify;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.casegrid.api.EventsApi;
import io.casegrid.api.model.Event;
import io.casegrid.api.model.EventData;
import io.casegrid.api.model.EventPage;
import io.casegrid.api.model.EventType;
import io.casegrid.casefile.CaseVisibility;
import io.casegrid.events.EventPosition;
import io.casegrid.events.StoredEvent;
import io.casegrid.security.CurrentActor;
import io.casegrid.web.InvalidRequestException;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class EventsController implements EventsApi {

	private final EventFeed feed;

	private final CaseVisibility visibility;

	private final CurrentActor actor;

	private final ObjectMapper json;

	EventsController(EventFeed feed, CaseVisibility visibility, CurrentActor actor, ObjectMapper json) {
		this.feed = feed;
		this.visibility = visibility;
		this.actor = actor;
		this.json = json;
	}

	@Override
	public ResponseEntity<EventPage> listEvents(String after, List<EventType> types, Integer limit) {
		EventPosition from = after == null ? EventPosition.START : EventPosition.parse(after);
		if (types != null && types.contains(null)) {
			// an empty item (types=%00, types=a,,b) converts to no type at all
			throw new InvalidRequestException("types", "holds an empty event type");
		}
		Set<String> wanted = types == null ? Set.of()
				: types.stream().map(EventType::getValue).collect(Collectors.toSet());
		List<StoredEvent> found = feed.after(from, wanted, visibility.scopeOf(actor.get()), limit);
		String next = found.isEmpty() ? from.cursor() : found.get(found.size() - 1).position().cursor();
		return ResponseEntity.ok(new EventPage(found.stream().map(this::view).toList(), next));
	}

	private Event view(StoredEvent e) {
		return new Event(e.id(), EventType.fromValue(e.type()), e.occurredAt().atOffset(ZoneOffset.UTC),
				e.schemaVersion(), e.position().seq(), e.position().cursor(), e.caseId(), e.caseNumber(), e.unitCode(),
				data(e.payload()));
	}

	private EventData data(String payload) {
		try {
			return json.readValue(payload, EventData.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Event payload is not EventData: " + payload, ex);
		}
	}

}
