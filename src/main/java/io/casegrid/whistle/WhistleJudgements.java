package io.casegrid.whistle;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.casegrid.casefile.CaseFiles;
import io.casegrid.casefile.CaseVisibility;
import io.casegrid.casefile.TimelineNote;
import io.casegrid.events.EventType;
import io.casegrid.security.Actor;
import io.casegrid.web.ConflictException;
import io.casegrid.web.NotFoundException;
import io.casegrid.worklist.CaseActions;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 乱吹哨 made countable: the township of the case's place, or the county centre, judges each whistle once — PROPER or
 * FRIVOLOUS — with the reason ({@link CaseActions#requireWorksForOneOf}: 404 unless they see the case, 403 unless
 * they work for one of those). A case's whistles are listed for whoever sees the case.
 */
@Service
public class WhistleJudgements {

	private final WhistleRecords records;

	private final CaseActions actions;

	private final CaseVisibility visibility;

	private final CaseFiles files;

	private final String countyCentre;

	WhistleJudgements(WhistleRecords records, CaseActions actions, CaseVisibility visibility, CaseFiles files,
			@Value("${casegrid.escalation.county-centre:county-centre}") String countyCentre) {
		this.records = records;
		this.actions = actions;
		this.visibility = visibility;
		this.files = files;
		this.countyCentre = countyCentre;
	}

	/** One page of the case's whistles, oldest first, and how many it has (404 unless the actor sees the case). */
	Page ofCase(UUID caseId, int page, int size, Actor actor) {
		visibility.requireVisible(caseId, actor);
		return new Page(records.ofCase(caseId, page, size), records.countOfCase(caseId));
	}

	/** Judges the whistle (409 when it is judged already); the judgement goes on the case's timeline. */
	@Transactional
	WhistleRecord judge(UUID id, WhistleRecord.Judgement judgement, String reason, Actor actor) {
		WhistleRecord whistle = records.find(id).orElseThrow(() -> notFound(id));
		String township = files.get(whistle.caseId()).location().townshipCode();
		actions.requireWorksForOneOf(whistle.caseId(), List.of(township, countyCentre), actor, () -> notFound(id));
		if (!records.judge(id, judgement, reason, actor.id())) {
			throw new ConflictException("Whistle " + id + " is judged already");
		}
		files.note(whistle.caseId(), actor.id(), TimelineNote.of("WHISTLE_JUDGED",
				(judgement == WhistleRecord.Judgement.FRIVOLOUS ? "乱吹哨：" : "吹哨得当：") + reason + "（" + whistle.blownBy()
						+ (whistle.blownByUnit() == null ? "" : "，" + whistle.blownByUnit()) + " 的吹哨）",
				Map.of("whistleId", id.toString(), "judgement", judgement.name(), "reason", reason))
			.announcing(EventType.WHISTLE_JUDGED));
		return records.find(id).orElseThrow();
	}

	private static NotFoundException notFound(UUID id) {
		return new NotFoundException("Whistle", id);
	}

	record Page(List<WhistleRecord> items, long total) {
	}

}
