package io.casegrid.casefile;

import java.time.Instant;

import org.camunda.bpm.engine.impl.util.ClockUtil;

import org.springframework.stereotype.Component;

/**
 * The current time, shared with the process engine so that tests which move the engine's clock see the same time
 * on timelines and due dates as the timers that fire.
 */
@Component
public class TimeSource {

	public Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

}
