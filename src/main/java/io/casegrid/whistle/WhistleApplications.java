package io.casegrid.whistle;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.casegrid.casefile.CaseFiles;
import io.casegrid.casefile.CaseVisibility;
import io.casegrid.casefile.TimeSource;
import io.casegrid.casefile.TimelineNote;
import io.casegrid.events.EventType;
import io.casegrid.security.Actor;
import io.casegrid.web.ConflictException;
import io.casegrid.web.NotFoundException;
import io.casegrid.worklist.CaseActions;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 吹哨申请 (辉南: 赋予街道、社区网格员、群众、代表委员吹哨权): a grid worker, or a resident or deputy through the app that
 * reported the case, asks for departments; whoever holds the case at a level that may whistle accepts (the whistle
 * then names the applicant), or the township of the case's place declines with a reason.
 */
@Service
public class WhistleApplications {

	private final WhistleApplicationRepository applications;

	private final Whistling whistling;

	private final LevelTaskWhistle levelTask;

	private final CaseVisibility visibility;

	private final CaseActions actions;

	private final CaseFiles files;

	private final TimeSource time;

	WhistleApplications(WhistleApplicationRepository applications, Whistling whistling, LevelTaskWhistle levelTask,
			CaseVisibility visibility, CaseActions actions, CaseFiles files, TimeSource time) {
		this.applications = applications;
		this.whistling = whistling;
		this.levelTask = levelTask;
		this.visibility = visibility;
		this.actions = actions;
		this.files = files;
		this.time = time;
	}

	/** Files an application on a case the applicant sees (404 otherwise); 400 unless it names departments. */
	@Transactional
	public WhistleApplication apply(UUID caseId, List<String> departments, String lead, String reason, Actor actor) {
		visibility.requireVisible(caseId, actor);
		List<String> codes = whistling.checkDepartments(String.join(",", departments), lead, "departments", "lead");
		String unit = actor.orgCodes().stream().sorted().findFirst().orElse(null);
		WhistleApplication application = new WhistleApplication(UUID.randomUUID(), caseId, actor.id(), unit,
				time.now(), codes, lead, reason, WhistleApplication.Status.OPEN, null, null, null, null);
		applications.add(application);
		files.note(caseId, actor.id(), TimelineNote.of("WHISTLE_APPLIED",
				"吹哨申请：" + actor.id() + " 请求召集 " + String.join("、", codes) + "（" + reason + "）",
				Map.of("applicationId", application.id().toString(), "departments", String.join(",", codes), "lead",
						lead)).announcing(EventType.WHISTLE_APPLIED));
		return application;
	}

	/** Accepted: the holder of the case's 分级办理 task whistles the departments in, as for the applicant. */
	@Transactional
	public WhistleApplication accept(UUID id, Actor actor) {
		WhistleApplication application = openOne(id, actor);
		levelTask.whistle(application.caseId(), application.departments(), application.lead(), null, id, actor);
		return get(id);
	}

	/** Declined by the township of the case's place (403 for anyone else who sees it), with the reason. */
	@Transactional
	public WhistleApplication decline(UUID id, String reason, Actor actor) {
		WhistleApplication application = openOne(id, actor);
		String township = files.get(application.caseId()).location().townshipCode();
		actions.requireWorksFor(application.caseId(), township, actor, () -> notFound(id));
		if (!applications.decide(id, WhistleApplication.Status.DECLINED, actor.id(), time.now(), reason, null)) {
			throw decided(id);
		}
		files.note(application.caseId(), actor.id(), TimelineNote.of("WHISTLE_APPLICATION_DECLINED",
				"不予吹哨：" + reason + "（申请人 " + application.appliedBy() + "）",
				Map.of("applicationId", id.toString(), "reason", reason)).announcing(EventType.WHISTLE_DECLINED));
		return get(id);
	}

	private WhistleApplication openOne(UUID id, Actor actor) {
		WhistleApplication application = get(id);
		if (!visibility.isVisible(application.caseId(), actor)) {
			throw notFound(id);
		}
		if (!application.open()) {
			throw decided(id);
		}
		return application;
	}

	private WhistleApplication get(UUID id) {
		return applications.find(id).orElseThrow(() -> notFound(id));
	}

	private static NotFoundException notFound(UUID id) {
		return new NotFoundException("Whistle application", id);
	}

	private static ConflictException decided(UUID id) {
		return new ConflictException("Whistle application " + id + " is decided already");
	}

}
