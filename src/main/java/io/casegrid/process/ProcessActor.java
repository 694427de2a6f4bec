package io.casegrid.process;

import org.camunda.bpm.engine.impl.context.Context;

import io.casegrid.security.Actor;

/**
 * Who acts inside the engine: the user the engine was told about (the API sets it around each call, the Camunda
 * webapps set it for signed-in users), or the system for timers and automatic steps.
 */
public final class ProcessActor {

	private ProcessActor() {
	}

	public static String current() {
		var commandContext = Context.getCommandContext();
		String user = commandContext == null ? null : commandContext.getAuthenticatedUserId();
		return user == null ? Actor.SYSTEM.id() : user;
	}

}
