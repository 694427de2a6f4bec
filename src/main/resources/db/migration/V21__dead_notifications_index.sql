-- Dead messages to people, counted for the gauge casegrid_notifications_messages{status="dead"} (NotificationMetrics):
-- a handful of rows, found without reading the whole table.
CREATE INDEX notification_message_dead_idx ON notification_message (created_at) WHERE status = 'DEAD';
