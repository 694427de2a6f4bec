package io.casegrid.sla;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.casegrid.casefile.TimeSource;

import org.springframework.stereotype.Service;

/** Reads clocks across cases for dashboards and worklists: at risk, breached, and the clock behind a task. */
@Service
public class SlaBoard {

	public record Page(List<SlaClock> items, long total) {
	}

	private final SlaClockRepository clocks;

	private final TimeSource time;

	SlaBoard(SlaClockRepository clocks, TimeSource time) {
		this.clocks = clocks;
		this.time = time;
	}

	/** Running clocks past their warning point and not yet due, soonest due first. */
	public Page atRisk(ClockFilter f, int page, int size) {
		Instant now = time.now();
		return page(clocks.findAtRisk(now, f.unit(), f.level(), f.department(), f.dueFrom(), f.dueTo(), size,
				(long) page * size), clocks.countAtRisk(now, f.unit(), f.level(), f.department(), f.dueFrom(), f.dueTo()));
	}

	/** Clocks past their limit, running or stopped late, latest due first. */
	public Page breached(ClockFilter f, int page, int size) {
		Instant now = time.now();
		return page(clocks.findBreached(now, f.unit(), f.level(), f.department(), f.dueFrom(), f.dueTo(), size,
				(long) page * size),
				clocks.countBreached(now, f.unit(), f.level(), f.department(), f.dueFrom(), f.dueTo()));
	}

	private Page page(List<UUID> ids, long total) {
		Map<UUID, SlaClock> byId = new HashMap<>();
		clocks.findAllById(ids).forEach(c -> byId.put(c.id(), c));
		return new Page(ids.stream().map(byId::get).toList(), total);
	}

	/**
	 * Where the clock behind a task stands: the open clock whose timers live in the task's process instance (the one
	 * due when the task is, if several are open), so a worklist can sort by urgency.
	 */
	public Optional<ClockState> stateOfTask(String processInstanceId, Instant taskDue) {
		List<SlaClock> open = clocks.findOpenByProcessInstance(processInstanceId);
		Instant now = time.now();
		return open.stream()
			.filter(c -> taskDue == null || c.dueAt().equals(taskDue))
			.findFirst()
			.or(() -> open.stream().findFirst())
			.map(c -> c.stateAt(now));
	}

}
