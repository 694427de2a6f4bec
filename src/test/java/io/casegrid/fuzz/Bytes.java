package io.casegrid.fuzz;

/** Byte search, for raw HTTP responses and for splicing raw bytes into serialized bodies. */
final class Bytes {

	private Bytes() {
	}

	/** Where the pattern first occurs at or after {@code from}, or -1. */
	static int indexOf(byte[] data, byte[] pattern, int from) {
		outer: for (int i = from; i <= data.length - pattern.length; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (data[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
