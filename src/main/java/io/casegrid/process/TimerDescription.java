package io.casegrid.process;

import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * What the timers of a feature's diagram will do when they fire, in words a dashboard can show. Each feature
 * contributes the descriptions of its own timers as beans; {@link TimerDescriptions} collects them.
 */
public interface TimerDescription {

	/** The BPMN ids of the timer events described. */
	Set<String> timerIds();

	/** What the timer will do, read from the instance that waits for it. */
	TimerAction describe(WaitingTimer timer);

	/** Describes the given timers with a function of the waiting instance. */
	static TimerDescription of(Function<WaitingTimer, TimerAction> describe, String... timerIds) {
		Set<String> ids = Set.of(timerIds);
		return new TimerDescription() {

			@Override
			public Set<String> timerIds() {
				return ids;
			}

			@Override
			public TimerAction describe(WaitingTimer timer) {
				return describe.apply(timer);
			}

		};
	}

	/** A timer whose action and words do not depend on the waiting instance. */
	static TimerDescription fixed(String action, String description, String... timerIds) {
		TimerAction fixed = new TimerAction(action, description);
		return of(timer -> fixed, timerIds);
	}

	/**
	 * A pending timer as the reader sees it.
	 *
	 * @param name the timer's name in the diagram, or its id if it has none
	 * @param variables the waiting instance's variables, read on demand
	 */
	record WaitingTimer(UUID caseId, String timerId, String name, Function<String, Object> variables) {

		public String variable(String variable) {
			Object value = variables.apply(variable);
			return value == null ? null : value.toString();
		}

	}

	/**
	 * @param action what the timer will do: WARN, ESCALATE_TO_TOWNSHIP, SUPERVISION_ORDER, EVALUATION_DEFAULT …
	 */
	record TimerAction(String action, String description) {
	}

}
