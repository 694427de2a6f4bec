package io.casegrid.events;

import java.util.regex.Pattern;

/**
 * Where an event stands in the outbox's order: its writing transaction, then its sequence number. As a cursor it
 * reads {@code <tx>.<seq>}; {@link #START} is before every event.
 */
public record EventPosition(long tx, long seq) implements Comparable<EventPosition> {

	public static final EventPosition START = new EventPosition(0, 0);

	private static final Pattern CURSOR = Pattern.compile("\\d{1,18}\\.\\d{1,18}");

	/** The position a cursor names, or null when it is not one. */
	public static EventPosition parse(String cursor) {
		if (cursor == null || !CURSOR.matcher(cursor).matches()) {
			return null;
		}
		int dot = cursor.indexOf('.');
		return new EventPosition(Long.parseLong(cursor.substring(0, dot)), Long.parseLong(cursor.substring(dot + 1)));
	}

	public String cursor() {
		return tx + "." + seq;
	}

	@Override
	public int compareTo(EventPosition other) {
		int byTx = Long.compare(tx, other.tx);
		return byTx != 0 ? byTx : Long.compare(seq, other.seq);
	}

}
