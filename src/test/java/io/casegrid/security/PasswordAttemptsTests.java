package io.casegrid.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.casegrid.MovableClock;

/** The limits on failed password checks, on a clock the test moves. */
class PasswordAttemptsTests {

	private final MovableClock clock = new MovableClock();

	private final PasswordAttempts attempts = new PasswordAttempts(
			new PasswordAttemptLimits(4, 20, Duration.ofMinutes(15), Duration.ofSeconds(2), 100_000), clock);

	@Test
	void userNameIsRefusedAfterFourFailuresUntilTheWindowHasPassedSinceTheLast() {
		for (int i = 0; i < 4; i++) {
			attempts.admit("designer", "10.0.0.1").failed();
			clock.move(Duration.ofSeconds(3));
		}

		assertThatThrownBy(() -> attempts.admit("designer", "10.0.0.2")).isInstanceOfSatisfying(
				TooManyPasswordAttempts.class,
				ex -> assertThat(ex.retryAfterSeconds()).isEqualTo(Duration.ofMinutes(15).minusSeconds(3).toSeconds()));
		clock.move(Duration.ofMinutes(15));
		attempts.admit("designer", "10.0.0.2").succeeded();
	}

	@Test
	void userNameIsCountedWhateverItsCase() {
		for (int i = 0; i < 4; i++) {
			attempts.admit(i % 2 == 0 ? "designer" : "DESIGNER", "10.0.0.1").failed();
			clock.move(Duration.ofSeconds(3));
		}

		assertThatThrownBy(() -> attempts.admit("Designer", "10.0.0.1")).isInstanceOf(TooManyPasswordAttempts.class);
	}

	@Test
	void nextCheckOfAUserNameWaitsThePauseAfterAFailure() {
		attempts.admit("designer", "10.0.0.1").failed();

		assertThatThrownBy(() -> attempts.admit("designer", "10.0.0.1")).isInstanceOf(TooManyPasswordAttempts.class);
		clock.move(Duration.ofSeconds(2));
		attempts.admit("designer", "10.0.0.1").failed();
	}

	@Test
	void addressIsRefusedAfterTwentyFailuresWhateverTheUserName() {
		for (int i = 0; i < 20; i++) {
			attempts.admit("guess-" + i, "10.0.0.9").failed();
		}

		assertThatThrownBy(() -> attempts.admit("someone-else", "10.0.0.9")).isInstanceOf(TooManyPasswordAttempts.class);
		attempts.admit("someone-else", "10.0.0.10").succeeded();
	}

	@Test
	void rightPasswordClearsTheUserNamesFailures() {
		for (int i = 0; i < 3; i++) {
			attempts.admit("designer", "10.0.0.1").failed();
			clock.move(Duration.ofSeconds(3));
		}
		attempts.admit("designer", "10.0.0.1").succeeded();

		for (int i = 0; i < 3; i++) {
			attempts.admit("designer", "10.0.0.1").failed();
			clock.move(Duration.ofSeconds(3));
		}
		attempts.admit("designer", "10.0.0.1").undecided();
	}

	@Test
	void secondCheckOfAUserNameWhileOneIsRunningWaitsForItAndIsRefusedWhenItFailed() throws Exception {
		PasswordAttempts.Permit running = attempts.admit("designer", "10.0.0.1");
		Thread failing = new Thread(() -> {
			sleep(300);
			running.failed();
		});
		failing.start();

		assertThatThrownBy(() -> attempts.admit("designer", "10.0.0.2")).isInstanceOf(TooManyPasswordAttempts.class);
		failing.join();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
