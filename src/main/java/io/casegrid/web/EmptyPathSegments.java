package io.casegrid.web;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A path with an empty segment ({@code //engine-rest/task}) is refused with 400 before any other filter sees it.
 * Tomcat maps it to the servlet of the normalised path, but Spring's path parsing, which runs ahead of the security
 * firewall that refuses {@code //}, then fails for servlets mapped below the root (Camunda's engine REST API at
 * {@code /engine-rest/*}): the request ended as a 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class EmptyPathSegments extends OncePerRequestFilter {

	private final ObjectMapper json;

	EmptyPathSegments(ObjectMapper json) {
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!request.getRequestURI().contains("//")) {
			chain.doFilter(request, response);
			return;
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), ProblemType.VALIDATION.problem(HttpStatus.BAD_REQUEST,
				"The request was refused: its path has an empty segment (//)"));
	}

}
