package io.casegrid.process;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.casegrid.process.TimerDescription.TimerAction;
import io.casegrid.process.TimerDescription.WaitingTimer;

import org.springframework.stereotype.Component;

/** All timer descriptions the features contribute, by BPMN timer id; a timer nobody describes is shown by its name. */
@Component
public class TimerDescriptions {

	static final String UNDESCRIBED = "OTHER";

	private final Map<String, TimerDescription> byTimerId = new HashMap<>();

	TimerDescriptions(List<TimerDescription> descriptions) {
		for (TimerDescription description : descriptions) {
			for (String timerId : description.timerIds()) {
				if (byTimerId.putIfAbsent(timerId, description) != null) {
					throw new IllegalStateException("Two features describe the timer " + timerId);
				}
			}
		}
	}

	public boolean describes(String timerId) {
		return byTimerId.containsKey(timerId);
	}

	public TimerAction describe(WaitingTimer timer) {
		TimerDescription description = byTimerId.get(timer.timerId());
		return description == null ? new TimerAction(UNDESCRIBED, timer.name()) : description.describe(timer);
	}

}
