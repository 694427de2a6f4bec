package io.casegrid.bench.faults;

import java.time.Duration;

/** Thread.sleep without the checked exception: the harness waits a lot and is never interrupted on purpose. */
final class Pause {

	private Pause() {
	}

	static void of(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

}
