package io.casegrid.feedback;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.casegrid.casefile.CaseFiles;
import io.casegrid.casefile.TimelineNote;
import io.casegrid.events.EventType;
import io.casegrid.sla.ClockState;
import io.casegrid.sla.Phase;
import io.casegrid.sla.SlaClocks;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 回音: a substantive answer to the resident while the case is still handled (复杂事7天内有回音). It is sent to the
 * reporter after commit ({@code case.replied}), kept on the timeline, and the first one meets the case's REPLY clock; resolving the case is not needed.
 */
@Service
class Replies {

	/** What was said, and whether it met the case's 回音 clock. */
	record Reply(UUID caseId, String text, String repliedBy, Instant repliedAt, boolean clockMet) {
	}

	private final CaseFiles files;

	private final SlaClocks clocks;

	Replies(CaseFiles files, SlaClocks clocks) {
		this.files = files;
		this.clocks = clocks;
	}

	@Transactional
	public Reply reply(UUID caseId, String text, String actor) {
		files.note(caseId, actor,
				TimelineNote.of("REPLIED", "回音：" + text, Map.of("text", text)).announcing(EventType.CASE_REPLIED));
		boolean met = clocks.stopOpen(caseId, Phase.REPLY, ClockState.MET, "已回音", actor) > 0;
		return new Reply(caseId, text, actor, clocks.now(), met);
	}

}
