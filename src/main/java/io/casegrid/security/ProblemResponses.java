package io.casegrid.security;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.casegrid.web.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * 401 and 403 of the API as problem+json, like every other error — and, for basic credentials checked against
 * Keycloak, 429 when too many were wrong and 503 when Keycloak could not check them. Spring Security's bearer-token handlers still set
 * the status and {@code WWW-Authenticate} (RFC 6750), so clients learn why a token was refused. Requests the firewall
 * refuses (an unknown method, {@code ..} or {@code ;} in the path) get a 400 problem here: the default handler's
 * {@code sendError} would pass the same request through the same firewall again and end with an empty body.
 */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

	private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();

	private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();

	private final ObjectMapper json;

	ProblemResponses(ObjectMapper json) {
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		if (ex instanceof TooManyPasswordAttempts tooMany) {
			response.setHeader("Retry-After", Long.toString(tooMany.retryAfterSeconds()));
			write(response, ProblemType.TOO_MANY_REQUESTS, HttpStatus.TOO_MANY_REQUESTS, ex.getMessage());
			return;
		}
		if (ex instanceof AuthenticationServiceException) {
			// Keycloak could not say whether the credentials are right: nothing is wrong with the request
			response.setHeader("Retry-After", "10");
			write(response, ProblemType.UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
			return;
		}
		bearerEntryPoint.commence(request, response, ex);
		write(response, ProblemType.UNAUTHORIZED, HttpStatus.UNAUTHORIZED,
				ex.getMessage() == null || ex instanceof org.springframework.security.authentication.InsufficientAuthenticationException
						? "A valid access token from the casegrid realm is required (Authorization: Bearer …)"
						: ex.getMessage());
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		bearerDenied.handle(request, response, ex);
		write(response, ProblemType.FORBIDDEN, HttpStatus.FORBIDDEN,
				"None of your roles may call " + request.getMethod() + " " + request.getRequestURI());
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException ex)
			throws IOException {
		write(response, ProblemType.VALIDATION, HttpStatus.BAD_REQUEST, "The request was refused: " + ex.getMessage());
	}

	private void write(HttpServletResponse response, ProblemType type, HttpStatus status, String detail)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), type.problem(status, detail));
	}

}
