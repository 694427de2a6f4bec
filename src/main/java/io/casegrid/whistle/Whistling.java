package io.casegrid.whistle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.casegrid.casefile.CaseFiles;
import io.casegrid.casefile.TimelineNote;
import io.casegrid.escalation.LevelWhistle;
import io.casegrid.events.EventType;
import io.casegrid.org.OrgDirectory;
import io.casegrid.org.OrgLevel;
import io.casegrid.web.ConflictException;
import io.casegrid.web.FieldError;
import io.casegrid.web.InvalidRequestException;

import org.springframework.stereotype.Service;

/**
 * 吹哨: the township or county calls departments in. Only those two levels may whistle; every whistled unit must be a
 * department and the lead one of them. Each department then reports on its own clock (department-report.bpmn).
 */
@Service
public class Whistling implements LevelWhistle {

	private final OrgDirectory org;

	private final CaseFiles files;

	private final DepartmentList departmentList;

	Whistling(OrgDirectory org, CaseFiles files, DepartmentList departmentList) {
		this.org = org;
		this.files = files;
		this.departmentList = departmentList;
	}

	@Override
	public List<String> whistle(UUID caseId, String level, String whistledBy, String departments, String lead,
			String actor) {
		List<String> codes = check(level, departments, lead);
		files.note(caseId, actor,
				TimelineNote.of("WHISTLED", "吹哨：" + whistledBy + " 召集 " + String.join("、", codes) + "（牵头：" + lead + "）",
						Map.of("whistledBy", whistledBy, "departments", String.join(",", codes), "lead", lead))
							.announcing(EventType.CASE_WHISTLED));
		return codes;
	}

	/** 409 unless the level may whistle, 400 unless every code is a department and the lead one of them. */
	public List<String> check(String level, String departments, String lead) {
		if (!"TOWNSHIP".equals(level) && !"COUNTY".equals(level)) {
			throw new ConflictException("Only the township/street or the county may whistle departments; the case is at "
					+ level);
		}
		List<String> codes = departmentList.of(departments);
		List<FieldError> errors = new ArrayList<>();
		if (codes.isEmpty()) {
			errors.add(new FieldError("fields.whistledDepartments", "names no department"));
		}
		codes.stream()
			.filter(code -> org.find(code).map(u -> u.level() != OrgLevel.DEPARTMENT).orElse(true))
			.forEach(code -> errors.add(new FieldError("fields.whistledDepartments", "is not a department: " + code)));
		if (!codes.contains(lead)) {
			errors.add(new FieldError("fields.leadDepartment", "must be one of the whistled departments"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		return codes;
	}

}
