package io.casegrid.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

import org.springframework.stereotype.Component;

/**
 * Engine commands the service runs for an actor ({@link EngineUser#runAs}) keep the actor as the authenticated user
 * (history, operation log) but skip Camunda's authorization checks: the actor is a grid worker or dispatcher whose
 * rights the REST facade checked, and who has, on purpose, no grants in the engine. Runs after Camunda has opened the
 * command context; a nested command on the same context leaves it as it found it.
 */
@Component
class ServiceCallsSkipEngineAuthorization extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setCustomPostCommandInterceptorsTxRequired(
				withSkip(configuration.getCustomPostCommandInterceptorsTxRequired()));
		configuration.setCustomPostCommandInterceptorsTxRequiresNew(
				withSkip(configuration.getCustomPostCommandInterceptorsTxRequiresNew()));
	}

	private static List<CommandInterceptor> withSkip(List<CommandInterceptor> given) {
		List<CommandInterceptor> interceptors = given == null ? new ArrayList<>() : new ArrayList<>(given);
		interceptors.add(new SkipForServiceCalls());
		return interceptors;
	}

	private static final class SkipForServiceCalls extends CommandInterceptor {

		@Override
		public <T> T execute(Command<T> command) {
			if (!EngineUser.isServiceCall()) {
				return next.execute(command);
			}
			CommandContext context = Context.getCommandContext();
			boolean checking = context.isAuthorizationCheckEnabled();
			context.disableAuthorizationCheck();
			try {
				return next.execute(command);
			}
			finally {
				if (checking) {
					context.enableAuthorizationCheck();
				}
			}
		}

	}

}
