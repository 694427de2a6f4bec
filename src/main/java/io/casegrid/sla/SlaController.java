package io.casegrid.sla;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.casegrid.api.SlaApi;
import io.casegrid.api.model.CaseSla;
import io.casegrid.api.model.ClockEventView;
import io.casegrid.api.model.ResponseLevel;
import io.casegrid.api.model.SlaClockPage;
import io.casegrid.api.model.SlaClockView;
import io.casegrid.api.model.SlaPause;
import io.casegrid.api.model.SlaPhase;
import io.casegrid.casefile.CaseVisibility;
import io.casegrid.org.OrgDirectory;
import io.casegrid.security.ActorNames;
import io.casegrid.security.CurrentActor;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SlaController implements SlaApi {

	/** The most clocks of a case and events of a clock a response gives (the contract's {@code maxItems}). */
	static final int MAX_CLOCKS = 200;

	static final int MAX_HISTORY = 100;


	private final SlaClocks clocks;

	private final SlaBoard board;

	private final CaseVisibility visibility;

	private final CurrentActor actor;

	private final ClockHolders holders;

	private final OrgDirectory org;

	private final ActorNames names;

	SlaController(SlaClocks clocks, SlaBoard board, CaseVisibility visibility, CurrentActor actor,
			ClockHolders holders, OrgDirectory org, ActorNames names) {
		this.org = org;
		this.names = names;
		this.holders = holders;
		this.clocks = clocks;
		this.board = board;
		this.visibility = visibility;
		this.actor = actor;
	}

	@Override
	public ResponseEntity<CaseSla> getCaseSla(UUID caseId) {
		return ResponseEntity.ok(caseSla(caseId));
	}

	@Override
	public ResponseEntity<CaseSla> pauseCaseSla(UUID caseId, SlaPause pause) {
		holders.requireHolds(caseId, actor.get());
		clocks.pause(caseId, pause.getReason(), actor.get().id());
		return ResponseEntity.ok(caseSla(caseId));
	}

	@Override
	public ResponseEntity<CaseSla> resumeCaseSla(UUID caseId) {
		holders.requireHolds(caseId, actor.get());
		clocks.resume(caseId, actor.get().id());
		return ResponseEntity.ok(caseSla(caseId));
	}

	@Override
	public ResponseEntity<SlaClockPage> listAtRiskClocks(String unit, ResponseLevel level, String department,
			OffsetDateTime dueFrom, OffsetDateTime dueTo, Integer page, Integer size) {
		return ResponseEntity.ok(view(
				board.atRisk(filter(unit, level, department, dueFrom, dueTo), visibility.scopeOf(actor.get()), page, size),
				page, size));
	}

	@Override
	public ResponseEntity<SlaClockPage> listBreachedClocks(String unit, ResponseLevel level, String department,
			OffsetDateTime dueFrom, OffsetDateTime dueTo, Integer page, Integer size) {
		return ResponseEntity.ok(view(
				board.breached(filter(unit, level, department, dueFrom, dueTo), visibility.scopeOf(actor.get()), page,
						size),
				page, size));
	}

	@Override
	public ResponseEntity<io.casegrid.api.model.SlaRecalculation> recalculateWorkingClocks() {
		return ResponseEntity
			.ok(new io.casegrid.api.model.SlaRecalculation(clocks.recalculateWorkingClocks(actor.get().id())));
	}

	private CaseSla caseSla(UUID caseId) {
		visibility.requireVisible(caseId, actor.get());
		Instant now = clocks.now();
		List<SlaClock> shown = clocks.ofCase(caseId).stream().limit(MAX_CLOCKS).toList();
		Function<String, String> unitNames = unitNames(shown);
		return new CaseSla(caseId, shown.stream().map(c -> view(c, now, unitNames)).toList());
	}

	private SlaClockPage view(SlaBoard.Page found, int page, int size) {
		Instant now = clocks.now();
		Function<String, String> unitNames = unitNames(found.items());
		return new SlaClockPage(found.items().stream().map(c -> view(c, now, unitNames)).toList(), page, size,
				found.total());
	}

	private static ClockFilter filter(String unit, ResponseLevel level, String department, OffsetDateTime dueFrom,
			OffsetDateTime dueTo) {
		return new ClockFilter(unit, level == null ? null : level.getValue(), department,
				dueFrom == null ? null : dueFrom.toInstant(), dueTo == null ? null : dueTo.toInstant());
	}

	private SlaClockView view(SlaClock c, Instant now, Function<String, String> unitNames) {
		var remaining = c.remainingAt(now);
		return new SlaClockView(c.id(), c.caseId(), SlaPhase.fromValue(c.phase().name()),
				ResponseLevel.fromValue(c.level()), c.unitCode(), c.slaClass(), c.limit().iso(),
				SlaClockView.CountingEnum.fromValue(c.limit().counting().name()), at(c.startedAt()), at(c.dueAt()),
				at(c.warnAt()), io.casegrid.api.model.ClockState.fromValue(c.stateAt(now).name()),
				latest(c.history(), MAX_HISTORY).stream()
					.map(e -> new ClockEventView(at(e.at()), e.type(), e.actor()).actorName(names.of(e.actor()))
						.dueAt(at(e.dueAt()))
						.note(e.note()))
					.toList())
			.unitName(unitNames.apply(c.unitCode()))
			.departmentCode(c.departmentCode())
			.departmentName(unitNames.apply(c.departmentCode()))
			.remaining(remaining == null ? null : remaining.toString())
			.warnedAt(at(c.warnedAt()))
			.breachedAt(at(c.breachedAt()))
			.stoppedAt(at(c.stoppedAt()));
	}

	/** The names of the clocks' units and departments (grids, townships, departments), read with one query. */
	private Function<String, String> unitNames(List<SlaClock> shown) {
		Map<String, String> byCode = org.names(
				shown.stream().flatMap(c -> java.util.stream.Stream.of(c.unitCode(), c.departmentCode())).toList());
		return code -> code == null ? null : byCode.get(code);
	}

	private static OffsetDateTime at(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	/** The last {@code max} of a list in its order. */
	private static <T> List<T> latest(List<T> all, int max) {
		return all.size() <= max ? all : all.subList(all.size() - max, all.size());
	}

}
