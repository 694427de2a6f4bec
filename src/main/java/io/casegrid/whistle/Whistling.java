package io.casegrid.whistle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import io.casegrid.casefile.CaseFile;
import io.casegrid.casefile.CaseFiles;
import io.casegrid.casefile.TimelineNote;
import io.casegrid.escalation.LevelWhistle;
import io.casegrid.events.EventType;
import io.casegrid.org.OrgDirectory;
import io.casegrid.org.OrgLevel;
import io.casegrid.security.Actor;
import io.casegrid.web.ConflictException;
import io.casegrid.web.FieldError;
import io.casegrid.web.InvalidRequestException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 吹哨: the level holding the case calls departments in. The village/community (where the grid lead works the case),
 * the township or the county may whistle; every whistled unit must be a department and the lead one of them. Each department then reports on its own clock (department-report.bpmn).
 */
@Service
public class Whistling implements LevelWhistle {

	/** The track of a department matter (部门事项), whose triage names the department to call in. */
	private static final String DEPARTMENT_TRACK = "DEPARTMENT";

	/** The levels whose holder whistles directly (吹哨权): 社区/村 (grid leads), 乡街, 县. */
	static final Set<String> WHISTLING_LEVELS = Set.of("VILLAGE", "TOWNSHIP", "COUNTY");

	private final OrgDirectory org;

	private final CaseFiles files;

	private final DepartmentList departmentList;

	private final WhistleRecords records;

	private final WhistleApplicationRepository applications;

	Whistling(OrgDirectory org, CaseFiles files, DepartmentList departmentList, WhistleRecords records,
			WhistleApplicationRepository applications) {
		this.org = org;
		this.files = files;
		this.departmentList = departmentList;
		this.records = records;
		this.applications = applications;
	}

	/**
	 * The level's whistle, kept on the case's timeline and as a row of {@code whistle}: who blew it and their unit —
	 * the level's holder, or for an accepted 吹哨申请 the applicant (requested), the application then ACCEPTED.
	 */
	@Override
	@Transactional
	public List<String> whistle(UUID caseId, String level, String whistledBy, String departments, String lead,
			String applicationId, String actor) {
		List<String> codes = check(level, departments, lead);
		Optional<WhistleApplication> applied = Optional.ofNullable(applicationId)
			.flatMap(id -> applications.find(UUID.fromString(id)))
			.filter(WhistleApplication::open);
		WhistleSource source = applied.isPresent() ? WhistleSource.REQUEST : WhistleSource.LEVEL;
		Map<String, String> details = new HashMap<>(Map.of("whistledBy", whistledBy, "departments",
				String.join(",", codes), "lead", lead, "source", source.name()));
		applied.ifPresent(a -> details.put("appliedBy", a.appliedBy()));
		files.note(caseId, actor, TimelineNote.of("WHISTLED", "吹哨：" + whistledBy + " 召集 " + String.join("、", codes)
				+ "（牵头：" + lead + "）" + applied.map(a -> "，应 " + a.appliedBy() + " 的申请").orElse(""), details)
				.announcing(EventType.CASE_WHISTLED));
		WhistleRecord record = applied
			.map(a -> records.add(caseId, a.appliedBy(), a.appliedByUnit(), source, true, codes, lead))
			.orElseGet(() -> records.add(caseId, actor, whistledBy, source, false, codes, lead));
		applied.ifPresent(a -> applications.decide(a.id(), WhistleApplication.Status.ACCEPTED, actor, record.blownAt(),
				null, record.id()));
		return codes;
	}

	/**
	 * 增派: the level adds departments to the whistle its departments are working on (the lead stays). 409 when the
	 * level may not whistle or every department named is called in already; 400 as for a whistle, and unless the lead
	 * named is the current one. Returns the departments added, recorded as a whistle of the level.
	 */
	@Transactional
	public List<String> add(UUID caseId, String level, String whistledBy, List<String> departments, String lead,
			String currentLead, List<String> calledIn, String actor) {
		if (!WHISTLING_LEVELS.contains(level)) {
			throw new ConflictException("Only the village/community, the township/street or the county may whistle "
					+ "departments; the case is at " + level);
		}
		List<String> codes = departments(String.join(",", departments), "departments",
				ignored -> currentLead.equals(lead) ? List.of()
						: List.of(new FieldError("lead", "stays " + currentLead + " while the departments work")));
		List<String> added = codes.stream().filter(code -> !calledIn.contains(code)).toList();
		if (added.isEmpty()) {
			throw new ConflictException("Every department named works on case " + caseId + " already");
		}
		files.note(caseId, actor, TimelineNote.of("WHISTLED",
				"增派：" + whistledBy + " 召集 " + String.join("、", added) + "（牵头仍为 " + currentLead + "）",
				Map.of("whistledBy", whistledBy, "departments", String.join(",", added), "lead", currentLead,
						"source", WhistleSource.LEVEL.name())));
		records.add(caseId, actor, whistledBy, WhistleSource.LEVEL, false, added, currentLead);
		return added;
	}

	/**
	 * 研判派发: a department matter reaches its township and triage's department is called in at once (吹哨人: triage);
	 * the township is copied — it sees the case and takes it up again once the department reports. Returns the
	 * department called in.
	 */
	@Transactional
	public String byTriage(UUID caseId, String township) {
		String department = triageDepartmentOf(caseId).orElseThrow(
				() -> new IllegalStateException("Case " + caseId + " has no department of triage to call in"));
		files.note(caseId, Actor.SYSTEM.id(),
				TimelineNote.of("WHISTLED", "按事项类别派发：" + department + " 报到，" + township + " 抄送",
						Map.of("whistledBy", township, "departments", department, "lead", department, "source",
								WhistleSource.TRIAGE.name())));
		records.add(caseId, Actor.SYSTEM.id(), null, WhistleSource.TRIAGE, false, List.of(department), department);
		return department;
	}

	/**
	 * The department triage found in the case's county for a department matter (track DEPARTMENT), read from the case
	 * file; empty for any other track or when the county has no department of that kind.
	 */
	public Optional<String> triageDepartmentOf(UUID caseId) {
		CaseFile file = files.get(caseId);
		return DEPARTMENT_TRACK.equals(file.track()) ? Optional.ofNullable(file.departmentCode()) : Optional.empty();
	}

	/**
	 * 409 unless the level may whistle — the village/community (its grid lead 网格长, 社区), the township/street or the
	 * county; a grid asks its township instead — 400 unless every code is a department and the lead one of them.
	 */
	public List<String> check(String level, String departments, String lead) {
		if (!WHISTLING_LEVELS.contains(level)) {
			throw new ConflictException("Only the village/community, the township/street or the county may whistle "
					+ "departments; the case is at " + level);
		}
		return checkDepartments(departments, lead, "fields.whistledDepartments", "fields.leadDepartment");
	}

	/** 400 naming the fields unless every code is a department and the lead one of them; the codes in order. */
	List<String> checkDepartments(String departments, String lead, String departmentsField, String leadField) {
		return departments(departments, departmentsField,
				codes -> codes.contains(lead) ? List.of()
						: List.of(new FieldError(leadField, "must be one of the whistled departments")));
	}

	private List<String> departments(String departments, String field,
			Function<List<String>, List<FieldError>> more) {
		List<String> codes = departmentList.of(departments);
		List<FieldError> errors = new ArrayList<>();
		if (codes.isEmpty()) {
			errors.add(new FieldError(field, "names no department"));
		}
		codes.stream()
			.filter(code -> org.find(code).map(u -> u.level() != OrgLevel.DEPARTMENT).orElse(true))
			.forEach(code -> errors.add(new FieldError(field, "is not a department: " + code)));
		errors.addAll(more.apply(codes));
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		return codes;
	}

}
