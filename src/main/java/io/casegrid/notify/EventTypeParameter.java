package io.casegrid.notify;

import io.casegrid.api.model.EventType;
import io.casegrid.web.InvalidRequestException;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Reads {@code ?types=case.reported,…} by the events' wire names (the enum's constant names differ). */
@Component
class EventTypeParameter implements Converter<String, EventType> {

	@Override
	public EventType convert(String name) {
		try {
			return EventType.fromValue(name);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException("types", "is not an event type: " + name);
		}
	}

}
