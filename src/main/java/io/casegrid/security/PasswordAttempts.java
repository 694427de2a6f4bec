package io.casegrid.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Counts failed password checks per user name and per client address ({@link PasswordAttemptLimits}), and lets one
 * check of a user name run at a time, so that a burst of guesses reaches Keycloak as one failure, not as many at
 * the same instant. In memory, per node.
 */
final class PasswordAttempts {

	private final PasswordAttemptLimits limits;

	private final Clock clock;

	private final Map<String, Tally> users = new ConcurrentHashMap<>();

	private final Map<String, Tally> addresses = new ConcurrentHashMap<>();

	PasswordAttempts(PasswordAttemptLimits limits, Clock clock) {
		this.limits = limits;
		this.clock = clock;
	}

	/**
	 * A permit to ask Keycloak about this user name from this address, or {@link TooManyPasswordAttempts} when the
	 * limits say not to. The caller must end the permit: {@link Permit#failed()}, {@link Permit#succeeded()} or
	 * {@link Permit#undecided()}.
	 */
	Permit admit(String user, String address) throws TooManyPasswordAttempts {
		forgetIdle();
		Tally byAddress = addresses.computeIfAbsent(address, a -> new Tally());
		// Keycloak's user names ignore case: "Designer" must not get its own four guesses at designer's account
		Tally byUser = users.computeIfAbsent(user.strip().toLowerCase(Locale.ROOT), u -> new Tally());
		refuseIfOver(byAddress, limits.perAddress(), Duration.ZERO);
		refuseIfOver(byUser, limits.perUser(), limits.pause());
		boolean acquired;
		try {
			acquired = byUser.checking.tryAcquire(limits.pause().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			acquired = false;
		}
		if (!acquired) {
			throw new TooManyPasswordAttempts(limits.pause());
		}
		try {
			// the check that ran meanwhile may have failed
			refuseIfOver(byUser, limits.perUser(), limits.pause());
		}
		catch (TooManyPasswordAttempts ex) {
			byUser.checking.release();
			throw ex;
		}
		return new Permit(byUser, byAddress);
	}

	private void refuseIfOver(Tally tally, int limit, Duration pause) throws TooManyPasswordAttempts {
		Duration wait = tally.wait(clock.instant(), limit, pause);
		if (!wait.isZero()) {
			throw new TooManyPasswordAttempts(wait);
		}
	}

	private void forgetIdle() {
		if (users.size() + addresses.size() > limits.tracked()) {
			Instant now = clock.instant();
			users.values().removeIf(t -> t.idle(now));
			addresses.values().removeIf(t -> t.idle(now));
		}
	}

	/** One check of a user name's password, holding its turn until it ends. */
	final class Permit {

		private final Tally user;

		private final Tally address;

		private Permit(Tally user, Tally address) {
			this.user = user;
			this.address = address;
		}

		void failed() {
			Instant now = clock.instant();
			user.fail(now);
			address.fail(now);
			user.checking.release();
		}

		/** Keycloak forgets a user's failures when the right password comes; so does the service. */
		void succeeded() {
			user.clear();
			user.checking.release();
		}

		/** No answer about the password (Keycloak unreachable): nothing is counted. */
		void undecided() {
			user.checking.release();
		}

	}

	/** Failures of one user name or address since the last pause longer than the window. */
	private final class Tally {

		final Semaphore checking = new Semaphore(1);

		private int failures;

		private Instant lastFailure = Instant.MIN;

		synchronized void fail(Instant now) {
			if (forgotten(now)) {
				failures = 0;
			}
			failures++;
			lastFailure = now;
		}

		synchronized void clear() {
			failures = 0;
			lastFailure = Instant.MIN;
		}

		/** How long to wait before the next check may be made: zero when it may be made now. */
		synchronized Duration wait(Instant now, int limit, Duration pause) {
			if (failures == 0 || forgotten(now)) {
				return Duration.ZERO;
			}
			if (failures >= limit) {
				return Duration.between(now, lastFailure.plus(limits.window()));
			}
			Instant next = lastFailure.plus(pause);
			return now.isBefore(next) ? Duration.between(now, next) : Duration.ZERO;
		}

		synchronized boolean idle(Instant now) {
			return (failures == 0 || forgotten(now)) && checking.availablePermits() == 1;
		}

		private boolean forgotten(Instant now) {
			return lastFailure != Instant.MIN && !now.isBefore(lastFailure.plus(limits.window()));
		}

	}

}
