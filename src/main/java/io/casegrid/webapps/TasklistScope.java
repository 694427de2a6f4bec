package io.casegrid.webapps;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import io.casegrid.security.Actor;
import io.casegrid.security.Role;
import io.casegrid.security.WebappActors;
import io.casegrid.web.ConflictException;
import io.casegrid.web.ForbiddenException;
import io.casegrid.web.InvalidRequestException;
import io.casegrid.web.NotFoundException;
import io.casegrid.worklist.CaseActions;
import io.casegrid.worklist.WorkItems;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Field staff in Camunda Tasklist see and work exactly what the API gives them: their worklist (tasks assigned to
 * them or open to one of their groups, in cases of their place: {@link WorkItems#worklistTaskIds}) and nothing else.
 * Their engine grants ({@code security.EngineAuthorizations}) are broad; this filter, in front of the webapps' engine
 * API ({@code /camunda/api/engine/*}), is what narrows them, by the API's own rules:
 * <ul>
 * <li>task lists and counts (a filter's list or count, {@code task}, {@code task/count}) get {@code taskIdIn} = the
 * worklist (at most {@link #MAX_TASKS}, the most urgent), added to what Tasklist asked for; a filter's item count, which
 * the engine counts without that restriction, is not given;</li>
 * <li>one task and its form, variables and comments: only when its case is visible ({@link CaseActions#visibleTask},
 * 404 as for a task that does not exist); claim as {@link CaseActions#taskToClaim}, unclaim as
 * {@link CaseActions#taskToWork}; completion (submit-form, complete) goes through {@link WorkItems#completeWithFormValues},
 * the API's completion with its contract and checks (an "after" photo a category needs, say);</li>
 * <li>process definitions may be read (names, diagrams); everything else of the engine API is 403.</li>
 * </ul>
 * Administrators and process designers pass unchanged (Camunda's authorizations apply to them as before).
 */
class TasklistScope extends OncePerRequestFilter {

	/** The most tasks one Tasklist list can hold for a field user (the API's count limit). */
	static final int MAX_TASKS = 1000;

	private static final Pattern ENGINE_CALL = Pattern.compile("^/camunda/api/engine/engine/[^/]+/(.*)$");

	private static final Pattern TASK = Pattern.compile("^task/([^/]+)(/.*)?$");

	private static final Pattern FILTER_QUERY = Pattern.compile("^filter/[^/]+/(list|count|singleResult)$");

	/** What Tasklist reads of a task: the task, its forms, variables, comments, candidates. */
	private static final Pattern READABLE_OF_TASK = Pattern
		.compile("^(|/form|/deployed-form|/rendered-form|/form-variables|/variables(/[^/]+(/data)?)?|/localVariables|/comment|/identity-links|/attachment)$");

	private static final Set<String> LISTS = Set.of("task", "task/count");

	private final WebappActors actors;

	private final WorkItems workItems;

	private final CaseActions actions;

	private final ObjectMapper json;

	TasklistScope(WebappActors actors, WorkItems workItems, CaseActions actions, ObjectMapper json) {
		this.actors = actors;
		this.workItems = workItems;
		this.actions = actions;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Matcher call = ENGINE_CALL.matcher(request.getRequestURI().substring(request.getContextPath().length()));
		Optional<Actor> actor = actors.current().filter(TasklistScope::heldToTheApiRules);
		if (actor.isEmpty() || !call.matches()) {
			chain.doFilter(request, response);
			return;
		}
		try {
			scoped(call.group(1), request, response, chain, actor.get());
		}
		catch (NotFoundException ex) {
			refuse(response, 404, ex.getMessage());
		}
		catch (ForbiddenException ex) {
			refuse(response, 403, ex.getMessage());
		}
		catch (ConflictException ex) {
			refuse(response, 409, ex.getMessage());
		}
		catch (InvalidRequestException ex) {
			refuse(response, 400, ex.getMessage());
		}
	}

	/** Field staff, unless they are also administrators or designers (whose Camunda grants apply unchanged). */
	static boolean heldToTheApiRules(Actor actor) {
		return actor.roles().stream().anyMatch(WebappActors.FIELD_STAFF::contains)
				&& !actor.hasAny(Role.ADMIN, Role.PROCESS_DESIGNER);
	}

	private void scoped(String resource, HttpServletRequest request, HttpServletResponse response, FilterChain chain,
			Actor actor) throws ServletException, IOException {
		String method = request.getMethod();
		boolean get = "GET".equals(method);
		boolean post = "POST".equals(method);
		if ((resource.equals("filter") || resource.matches("filter/[^/]+")) && get) {
			chain.doFilter(new Query(request, Map.of("itemCount", List.of())), response);
			return;
		}
		if (FILTER_QUERY.matcher(resource).matches() && post || LISTS.contains(resource) && post) {
			chain.doFilter(new Body(request, restricted(request, actor)), response);
			return;
		}
		if (LISTS.contains(resource) && get) {
			chain.doFilter(new Query(request, Map.of("taskIdIn", List.of(String.join(",", worklist(actor))))),
					response);
			return;
		}
		Matcher task = TASK.matcher(resource);
		if (task.matches() && !LISTS.contains(resource)) {
			String taskId = task.group(1);
			String rest = task.group(2) == null ? "" : task.group(2);
			if (get && READABLE_OF_TASK.matcher(rest).matches()) {
				actions.visibleTask(taskId, actor);
				chain.doFilter(request, response);
				return;
			}
			if (post && rest.equals("/claim")) {
				actions.taskToClaim(taskId, actor);
				chain.doFilter(request, response);
				return;
			}
			if (post && rest.equals("/unclaim")) {
				actions.taskToWork(taskId, actor);
				chain.doFilter(request, response);
				return;
			}
			if (post && (rest.equals("/submit-form") || rest.equals("/complete"))) {
				workItems.completeWithFormValues(taskId, formValues(request), actor);
				response.setStatus(HttpServletResponse.SC_NO_CONTENT);
				return;
			}
			if (post && rest.equals("/comment/create")) {
				actions.taskToWork(taskId, actor);
				chain.doFilter(request, response);
				return;
			}
		}
		if (get && (resource.startsWith("process-definition/") || resource.equals("process-definition")
				|| resource.matches("user/[^/]+/profile"))) {
			chain.doFilter(request, response);
			return;
		}
		throw new ForbiddenException("Tasklist gives field staff their tasks only; " + method + " " + resource
				+ " is not one of them");
	}

	private List<String> worklist(Actor actor) {
		List<String> ids = workItems.worklistTaskIds(actor, MAX_TASKS);
		// an empty taskIdIn would be ignored, i.e. match every task
		return ids.isEmpty() ? List.of("none") : ids;
	}

	/** The query Tasklist sent, with {@code taskIdIn} narrowed to the worklist. */
	private byte[] restricted(HttpServletRequest request, Actor actor) throws IOException {
		byte[] sent = request.getInputStream().readAllBytes();
		JsonNode parsed = sent.length == 0 ? json.createObjectNode() : json.readTree(sent);
		if (!(parsed instanceof ObjectNode query)) {
			throw new InvalidRequestException("body", "is not a task query");
		}
		List<String> allowed = worklist(actor);
		JsonNode asked = query.get("taskIdIn");
		ArrayNode ids = query.putArray("taskIdIn");
		if (asked instanceof ArrayNode askedIds && !askedIds.isEmpty()) {
			askedIds.forEach(id -> {
				if (allowed.contains(id.asText())) {
					ids.add(id.asText());
				}
			});
			if (ids.isEmpty()) {
				ids.add("none");
			}
		}
		else {
			allowed.forEach(ids::add);
		}
		query.remove("taskId");
		return json.writeValueAsBytes(query);
	}

	/** The values of a submit-form or complete body: {@code {"variables": {"name": {"value": …}}}}. */
	private Map<String, Object> formValues(HttpServletRequest request) throws IOException {
		byte[] sent = request.getInputStream().readAllBytes();
		Map<String, Object> values = new LinkedHashMap<>();
		JsonNode variables = sent.length == 0 ? null : json.readTree(sent).get("variables");
		if (variables != null) {
			variables.fields().forEachRemaining(v -> {
				JsonNode value = v.getValue().get("value");
				values.put(v.getKey(), value == null || value.isNull() ? null : value.isTextual() ? value.asText()
						: value.toString());
			});
		}
		return values;
	}

	private void refuse(HttpServletResponse response, int status, String message) throws IOException {
		response.setStatus(status);
		response.setContentType("application/json");
		response.setCharacterEncoding("UTF-8");
		// the shape of the engine API's own errors, which Tasklist shows
		json.writeValue(response.getOutputStream(),
				Map.of("type", status == 403 ? "AuthorizationException" : "InvalidRequestException", "message", message));
	}

	/** The request with some query parameters replaced (an empty list: removed). */
	private static final class Query extends HttpServletRequestWrapper {

		private final Map<String, String[]> parameters;

		private final String queryString;

		Query(HttpServletRequest request, Map<String, List<String>> replaced) {
			super(request);
			Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameterMap());
			replaced.forEach((name, values) -> {
				parameters.remove(name);
				if (!values.isEmpty()) {
					parameters.put(name, values.toArray(String[]::new));
				}
			});
			this.parameters = Map.copyOf(parameters);
			StringBuilder query = new StringBuilder();
			parameters.forEach((name, values) -> {
				for (String value : values) {
					query.append(query.isEmpty() ? "" : "&")
						.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
						.append('=')
						.append(URLEncoder.encode(value, StandardCharsets.UTF_8));
				}
			});
			this.queryString = query.isEmpty() ? null : query.toString();
		}

		@Override
		public String getQueryString() {
			return queryString;
		}

		@Override
		public String getParameter(String name) {
			String[] values = parameters.get(name);
			return values == null ? null : values[0];
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return parameters;
		}

		@Override
		public java.util.Enumeration<String> getParameterNames() {
			return java.util.Collections.enumeration(parameters.keySet());
		}

		@Override
		public String[] getParameterValues(String name) {
			return parameters.get(name);
		}

	}

	/** The request with another JSON body. */
	private static final class Body extends HttpServletRequestWrapper {

		private final byte[] body;

		Body(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}

			};
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}

		@Override
		public String getContentType() {
			return "application/json";
		}

		@Override
		public java.io.BufferedReader getReader() {
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

	}

}
