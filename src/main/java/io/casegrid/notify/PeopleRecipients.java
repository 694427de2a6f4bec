package io.casegrid.notify;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.casegrid.casefile.CaseFile;
import io.casegrid.casefile.CaseFiles;
import io.casegrid.events.EventType;
import io.casegrid.events.StoredEvent;
import io.casegrid.identity.KeycloakDirectory;
import io.casegrid.notify.NotificationChannel.Recipient;
import io.casegrid.security.Role;
import io.casegrid.triage.ResidentRegistry;

import org.springframework.stereotype.Component;

/**
 * Who is told of an event, with which template, over which channels: the reporter at case.filed (the case number and
 * how to follow it), case.resolved (the result and how to evaluate), evaluation.requested (when the default 满意
 * applies) and case.replied (a 回音); the staff of the task's candidate groups (and its assignee) at task.assigned and
 * of the level's unit at sla.warning, looked up in Keycloak's directory; the department officers of each department
 * called in at case.whistled; the county centre, the township's dispatchers and the department's officers at
 * emergency.alert, the county centre again at emergency.re-alert; the configured copy-to recipients (督查室, 纪委) of
 * a 督办单 at supervision.issued; the leaders (role county-leader) of the report's unit at report.published, the one
 * event here about a unit rather than a case.
 */
@Component
class PeopleRecipients {

	/** The events that tell someone. */
	static final Set<String> TYPES = Set.of(EventType.CASE_FILED.wireName(), EventType.CASE_RESOLVED.wireName(),
			EventType.EVALUATION_REQUESTED.wireName(), EventType.CASE_REPLIED.wireName(),
			EventType.TASK_ASSIGNED.wireName(), EventType.CASE_WHISTLED.wireName(),
			EventType.SUPERVISION_ISSUED.wireName(), EventType.SLA_WARNING.wireName(),
			EventType.EMERGENCY_ALERT.wireName(), EventType.EMERGENCY_RE_ALERT.wireName(),
			EventType.REPORT_PUBLISHED.wireName());

	private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneId.of("Asia/Shanghai"));

	private static final List<String> EMAIL_ONLY = List.of("email");

	/** One recipient's message: the template and its values, and the channels to try. */
	record Addressed(Recipient recipient, String template, Map<String, String> values, List<String> channels) {
	}

	private final CaseFiles files;

	private final ResidentRegistry residents;

	private final DirectoryLookups directory;

	private final NotificationProperties properties;

	private final ObjectMapper json;

	PeopleRecipients(CaseFiles files, ResidentRegistry residents, DirectoryLookups directory,
			NotificationProperties properties, ObjectMapper json) {
		this.files = files;
		this.residents = residents;
		this.directory = directory;
		this.properties = properties;
		this.json = json;
	}

	List<Addressed> of(StoredEvent event) {
		EventType type = EventType.fromWireName(event.type()).orElseThrow();
		JsonNode payload = read(event.payload());
		if (type == EventType.REPORT_PUBLISHED) {
			return toStaff(directory.members(event.unitCode(), Role.COUNTY_LEADER.tokenName()), "report-published",
					Map.of("month", payload.at("/details/month").asText(""), "version",
							payload.at("/details/version").asText("")));
		}
		CaseFile file = files.get(event.caseId());
		Map<String, String> values = new HashMap<>();
		values.put("caseNumber", file.caseNumber());
		values.put("title", file.title());
		values.put("followUrl", properties.followUrl());
		values.put("summary", payload.path("summary").asText(""));
		return switch (type) {
			case CASE_FILED -> toReporter(file, "case-filed", values);
			case CASE_RESOLVED -> {
				values.put("result", file.resolution() == null ? payload.path("summary").asText("") : file.resolution());
				yield toReporter(file, "case-resolved", values);
			}
			case EVALUATION_REQUESTED -> {
				values.put("evaluationDueAt", local(payload.at("/details/evaluationDueAt").asText("")));
				yield toReporter(file, "evaluation-requested", values);
			}
			case TASK_ASSIGNED -> {
				values.put("taskName", payload.path("taskName").asText(""));
				yield toStaff(staffOfTask(payload), "task-assigned", values);
			}
			case CASE_REPLIED -> {
				values.put("reply", payload.at("/details/text").asText(""));
				yield toReporter(file, "case-replied", values);
			}
			case SLA_WARNING -> {
				values.put("dueAt", local(payload.at("/details/dueAt").asText("")));
				yield toStaff(directory.members(payload.at("/details/unitCode").asText("")), "sla-warning", values);
			}
			case EMERGENCY_ALERT -> toStaff(emergencyStaff(file, payload.path("details")), "emergency-alert", values);
			case EMERGENCY_RE_ALERT -> toStaff(
					directory.members(file.location().countyCode(), Role.COUNTY_CENTRE.tokenName()), "emergency-re-alert",
					values);
			case CASE_WHISTLED -> toStaff(officersOf(split(payload.at("/details/departments").asText(""))),
					"case-whistled", values);
			case SUPERVISION_ISSUED -> copyTo(split(payload.at("/details/copiedTo").asText("")), values);
			default -> List.of();
		};
	}

	private List<Addressed> toReporter(CaseFile file, String template, Map<String, String> values) {
		if (file.reporter() == null || file.reporter().phone() == null) {
			return List.of();
		}
		String phone = file.reporter().phone();
		Recipient reporter = new Recipient("reporter:" + phone, file.reporter().name(), phone,
				residents.emailOf(phone).orElse(null));
		return List.of(new Addressed(reporter, template, values, properties.reporterChannels()));
	}

	private List<Addressed> toStaff(List<KeycloakDirectory.Person> people, String template, Map<String, String> values) {
		Map<String, Addressed> byUser = new LinkedHashMap<>();
		for (KeycloakDirectory.Person person : people) {
			byUser.putIfAbsent(person.username(), new Addressed(
					new Recipient(person.username(), person.displayName(), null, person.email()), template, values,
					properties.staffChannels()));
		}
		return List.copyOf(byUser.values());
	}

	private List<KeycloakDirectory.Person> staffOfTask(JsonNode payload) {
		List<KeycloakDirectory.Person> people = new ArrayList<>();
		String assignee = payload.path("assignee").asText("");
		if (!assignee.isEmpty()) {
			directory.person(assignee).ifPresent(people::add);
		}
		payload.path("candidateGroups").forEach(group -> people.addAll(directory.members(group.asText())));
		return people;
	}

	/** County command (the county centre), the township's dispatchers and the department's officers. */
	private List<KeycloakDirectory.Person> emergencyStaff(CaseFile file, JsonNode details) {
		List<KeycloakDirectory.Person> people = new ArrayList<>(
				directory.members(file.location().countyCode(), Role.COUNTY_CENTRE.tokenName()));
		String township = details.path("township").asText("");
		if (!township.isEmpty() && !"null".equals(township)) {
			people.addAll(directory.members(township, Role.TOWNSHIP_DISPATCHER.tokenName()));
		}
		String department = details.path("department").asText("");
		if (!department.isEmpty() && !"null".equals(department)) {
			people.addAll(directory.members(department, Role.DEPARTMENT_OFFICER.tokenName()));
		}
		return people;
	}

	private static String local(String instant) {
		return instant.isEmpty() ? "" : LOCAL_TIME.format(Instant.parse(instant));
	}

	private List<KeycloakDirectory.Person> officersOf(List<String> departments) {
		return departments.stream()
			.flatMap(code -> directory.members(code, Role.DEPARTMENT_OFFICER.tokenName()).stream())
			.toList();
	}

	private List<Addressed> copyTo(List<String> names, Map<String, String> values) {
		List<Addressed> addressed = new ArrayList<>();
		for (String name : names) {
			String email = properties.copyTo().get(name);
			if (email != null) {
				Map<String, String> withName = new HashMap<>(values);
				withName.put("recipientName", name);
				addressed.add(new Addressed(new Recipient("copy-to:" + name, name, null, email), "supervision-issued",
						withName, EMAIL_ONLY));
			}
		}
		return addressed;
	}

	private static List<String> split(String joined) {
		return joined.isBlank() ? List.of() : Arrays.stream(joined.split(",")).map(String::strip).toList();
	}

	private JsonNode read(String payload) {
		try {
			return json.readTree(payload);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Event payload is not JSON: " + payload, ex);
		}
	}

}
