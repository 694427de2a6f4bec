package io.casegrid.identity;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** True when no external Keycloak is configured ({@code casegrid.keycloak.issuer-uri}). */
class NoExternalKeycloakCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return !StringUtils.hasText(context.getEnvironment().getProperty("casegrid.keycloak.issuer-uri"));
	}

}
