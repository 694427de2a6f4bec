package io.casegrid.casefile;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import io.casegrid.config.TransactionCache;
import io.casegrid.events.EventType;
import io.casegrid.events.Outbox;
import io.casegrid.web.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case files and their timelines. Every change to a case goes through {@link #change} so that the file and its
 * timeline move together, in the caller's transaction (for process steps: the engine's transaction).
 * <p>
 * A case file is read from the database at most once per transaction ({@link TransactionCache}): the steps of one
 * engine transaction (delegates, listeners, the clocks and the worklist) ask for the same case again and again. Every
 * write of the file goes through this class and keeps what it wrote, so a read after a write in the same transaction
 * sees the write; each caller gets its own copy, so changing a file read here changes nothing until {@link #change}
 * writes it. Nothing is kept beyond the transaction: another transaction (on this node or another) reads afresh, and
 * the version check of {@link #change} refuses a write over a change committed meanwhile.
 */
@Service
public class CaseFiles {

	private final CaseFileRepository files;

	private final CaseFileUpdates updates;

	private final CaseTimeline timeline;

	private final CaseAttachments attachments;

	private final TimeSource time;

	private final Outbox outbox;

	private final TransactionCache<UUID, Optional<CaseFile>> read = new TransactionCache<>("case files");

	CaseFiles(CaseFileRepository files, CaseFileUpdates updates, CaseTimeline timeline, CaseAttachments attachments,
			TimeSource time, Outbox outbox) {
		this.files = files;
		this.updates = updates;
		this.timeline = timeline;
		this.attachments = attachments;
		this.time = time;
		this.outbox = outbox;
	}

	/** Stores a newly reported case with its attachments and the first line of its timeline. */
	@Transactional
	public CaseFile open(CaseFile reported, List<Attachment> attachmentRefs, String actor, TimelineNote note) {
		CaseFile saved = files.save(reported);
		read.put(saved.id(), Optional.of(saved.copy()));
		attachments.add(saved.id(), attachmentRefs);
		write(saved.id(), saved.reportedAt(), actor, note);
		return saved;
	}

	/** The case file as this transaction sees it, read from the database once per transaction; a copy of its own. */
	public Optional<CaseFile> find(UUID caseId) {
		return read.get(caseId, files::findById).map(CaseFile::copy);
	}

	public CaseFile get(UUID caseId) {
		return find(caseId).orElseThrow(() -> new NotFoundException("Case", caseId));
	}

	/**
	 * Applies a change to the case and writes what happened on its timeline. Only the columns the change moved are
	 * written, with the version the file was read at: a change that lost a race to another is refused
	 * ({@link org.springframework.dao.OptimisticLockingFailureException}), never written over it.
	 */
	@Transactional
	public CaseFile change(UUID caseId, String actor, TimelineNote note, Consumer<CaseFile> change) {
		CaseFile file = get(caseId);
		Map<String, Object> before = file.changeableColumns();
		change.accept(file);
		Map<String, Object> changed = new LinkedHashMap<>();
		file.changeableColumns().forEach((column, value) -> {
			if (!Objects.equals(before.get(column), value)) {
				changed.put(column, value);
			}
		});
		if (!changed.isEmpty()) {
			read.evict(caseId);
			updates.write(file, changed);
			read.put(caseId, Optional.of(file.copy()));
		}
		write(caseId, time.now(), actor, note);
		return file;
	}

	/** Writes a line on the case's timeline without changing the case file, at the step the case is at. */
	@Transactional
	public void note(UUID caseId, String actor, TimelineNote note) {
		write(caseId, time.now(), actor, note);
	}

	/** The line goes on the timeline at the step the case is at (as this transaction sees it), with its events. */
	private void write(UUID caseId, Instant at, String actor, TimelineNote note) {
		CaseStep step = timeline.append(caseId, at, actor, note).orElseThrow(() -> new NotFoundException("Case", caseId));
		for (EventType event : note.events()) {
			outbox.record(event, caseId, at, CaseEventPayload.of(step, actor, note));
		}
	}

	/** Open cases with the same category at the same place reported within the window before this one. */
	public List<String> lookalikesOf(CaseFile file, java.time.Duration window) {
		Instant since = file.reportedAt().minus(window);
		return files.findOpenLookalikes(file.id(), file.categoryCode(), file.location().unitCode(), since);
	}

	public List<TimelineEntry> timelineOf(UUID caseId) {
		return timeline.of(caseId);
	}

	/** The latest {@code max} entries of the case's timeline, oldest first. */
	public List<TimelineEntry> latestTimelineOf(UUID caseId, int max) {
		return timeline.latest(caseId, max);
	}

	public List<Attachment> attachmentsOf(UUID caseId) {
		return attachments.of(caseId);
	}

}
