package io.casegrid.notify;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.casegrid.events.EventPosition;
import io.casegrid.events.StoredEvent;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns settled outbox events into messages for people, in its own transaction after the change committed: the node
 * that holds the cursor row reads the next events, writes one message per recipient and channel that reaches them
 * (the template rendered now, so the inbox shows it as sent), and moves the cursor past them — all or nothing, so a
 * crash re-reads the same events and the unique key keeps their messages single.
 */
@Service
class PeopleFanOut {

	private static final Logger log = LoggerFactory.getLogger(PeopleFanOut.class);

	private final NotificationMessages messages;

	private final EventFeed feed;

	private final PeopleRecipients recipients;

	private final NotificationTemplates templates;

	private final Map<String, NotificationChannel> channels;

	private final WebhookProperties polling;

	PeopleFanOut(NotificationMessages messages, EventFeed feed, PeopleRecipients recipients,
			NotificationTemplates templates, List<NotificationChannel> channels, WebhookProperties polling) {
		this.messages = messages;
		this.feed = feed;
		this.recipients = recipients;
		this.templates = templates;
		this.channels = channels.stream().collect(Collectors.toMap(NotificationChannel::name, Function.identity()));
		this.polling = polling;
	}

	/** One round; returns how many events it read. */
	@Transactional
	public int run() {
		Optional<EventPosition> cursor = messages.claimCursor();
		if (cursor.isEmpty()) {
			return 0;
		}
		List<StoredEvent> events = feed.after(cursor.get(), PeopleRecipients.TYPES, polling.batchSize());
		for (StoredEvent event : events) {
			for (PeopleRecipients.Addressed addressed : recipients.of(event)) {
				queue(event, addressed);
			}
		}
		if (!events.isEmpty()) {
			messages.readUpTo(events.get(events.size() - 1).position());
		}
		return events.size();
	}

	private void queue(StoredEvent event, PeopleRecipients.Addressed addressed) {
		NotificationTemplates.Rendered text = templates.render(addressed.template(), addressed.values());
		for (String name : addressed.channels()) {
			NotificationChannel channel = channels.get(name);
			if (channel == null) {
				log.warn("No notification channel {} (casegrid.notifications): {} is not told of {}", name,
						addressed.recipient().key(), event.id());
				continue;
			}
			channel.addressOf(addressed.recipient())
				.ifPresent(address -> messages.queue(event, addressed.recipient().key(), name, address,
						addressed.template(), text.subject(), text.body()));
		}
	}

}
