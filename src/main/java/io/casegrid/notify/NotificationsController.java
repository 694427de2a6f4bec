package io.casegrid.notify;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.casegrid.api.NotificationsApi;
import io.casegrid.api.model.Notification;
import io.casegrid.api.model.NotificationPage;
import io.casegrid.security.CurrentActor;
import io.casegrid.web.NotFoundException;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** A staff member's in-app inbox: their own messages only; another's is not found. */
@RestController
class NotificationsController implements NotificationsApi {

	private final NotificationMessages messages;

	private final CurrentActor actor;

	NotificationsController(NotificationMessages messages, CurrentActor actor) {
		this.messages = messages;
		this.actor = actor;
	}

	@Override
	public ResponseEntity<NotificationPage> listNotifications(Boolean unread, Integer page, Integer size) {
		NotificationMessages.Page found = messages.inbox(actor.get().id(), Boolean.TRUE.equals(unread), page, size);
		return ResponseEntity.ok(new NotificationPage(found.items().stream().map(NotificationsController::view).toList(),
				page, size, found.total()));
	}

	@Override
	public ResponseEntity<Notification> markNotificationRead(Long notificationId) {
		return ResponseEntity.ok(view(messages.markRead(actor.get().id(), notificationId)
			.orElseThrow(() -> new NotFoundException("Notification", notificationId))));
	}

	private static Notification view(NotificationMessages.InboxMessage m) {
		return new Notification(m.id(), m.eventType(), m.subject(), m.body(), at(m.createdAt()), m.readAt() != null)
			.caseId(m.caseId())
			.caseNumber(m.caseNumber())
			.readAt(at(m.readAt()));
	}

	private static OffsetDateTime at(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

}
