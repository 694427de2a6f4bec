package io.casegrid.whistle;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import io.casegrid.api.WhistleApi;
import io.casegrid.api.model.DepartmentWithdrawalRequest;
import io.casegrid.api.model.DepartmentWithdrawalView;
import io.casegrid.api.model.WhistleJudgement;
import io.casegrid.api.model.WhistleJudgementRequest;
import io.casegrid.api.model.WhistleRecordPage;
import io.casegrid.api.model.WhistleRecordView;
import io.casegrid.api.model.WhistleRequest;
import io.casegrid.api.model.WhistleView;
import io.casegrid.identity.PeopleNames;
import io.casegrid.org.OrgDirectory;
import io.casegrid.security.CurrentActor;
import io.casegrid.worklist.CaseActions;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * 吹哨 through the API: completes the case's open 分级办理 task with WHISTLE, as the community, township or county
 * holding it would ({@link CaseActions}: only who may work that task); a case's whistles and their judgement
 * ({@link WhistleJudgements}); 撤回 of a department called in by mistake ({@link DepartmentWithdrawals}).
 */
@RestController
class WhistleController implements WhistleApi {

	private final LevelTaskWhistle levelTask;

	private final CurrentActor actor;

	private final OrgDirectory org;

	private final WhistleJudgements judgements;

	private final PeopleNames names;

	private final DepartmentWithdrawals withdrawals;

	WhistleController(LevelTaskWhistle levelTask, CurrentActor actor, OrgDirectory org, WhistleJudgements judgements,
			PeopleNames names, DepartmentWithdrawals withdrawals) {
		this.withdrawals = withdrawals;
		this.levelTask = levelTask;
		this.org = org;
		this.actor = actor;
		this.judgements = judgements;
		this.names = names;
	}

	@Override
	public ResponseEntity<WhistleView> whistleDepartments(UUID caseId, WhistleRequest request) {
		LevelTaskWhistle.Whistled whistled = levelTask.whistle(caseId, request.getDepartments(), request.getLead(),
				request.getComment(), null, actor.get());
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(new WhistleView(caseId, whistled.whistledBy(), whistled.departments(), request.getLead())
				.whistledByName(org.find(whistled.whistledBy()).map(unit -> unit.name()).orElse(null)));
	}

	@Override
	public ResponseEntity<DepartmentWithdrawalView> withdrawDepartment(UUID caseId,
			DepartmentWithdrawalRequest request) {
		DepartmentWithdrawals.Withdrawn left = withdrawals.withdraw(caseId, request.getDepartmentCode(),
				request.getReason(), actor.get());
		return ResponseEntity.ok(new DepartmentWithdrawalView(caseId, request.getDepartmentCode(), left.departments(),
				left.lead())
			.departmentName(org.find(request.getDepartmentCode()).map(unit -> unit.name()).orElse(null)));
	}

	@Override
	public ResponseEntity<WhistleRecordPage> listCaseWhistles(UUID caseId, Integer page, Integer size) {
		WhistleJudgements.Page found = judgements.ofCase(caseId, page, size, actor.get());
		return ResponseEntity
			.ok(new WhistleRecordPage(found.items().stream().map(this::view).toList(), page, size, found.total()));
	}

	@Override
	public ResponseEntity<WhistleRecordView> judgeWhistle(UUID whistleId, WhistleJudgementRequest request) {
		return ResponseEntity.ok(view(judgements.judge(whistleId,
				WhistleRecord.Judgement.valueOf(request.getJudgement().getValue()), request.getReason(), actor.get())));
	}

	private WhistleRecordView view(WhistleRecord w) {
		return new WhistleRecordView(w.id(), w.caseId(), at(w.blownAt()), w.blownBy(),
				io.casegrid.api.model.WhistleSource.fromValue(w.source().name()), w.requested(), w.departments(),
				w.leadDepartment())
			.blownByName(names.orNull(w.blownBy()))
			.blownByUnit(w.blownByUnit())
			.blownByUnitName(w.blownByUnit() == null ? null
					: org.find(w.blownByUnit()).map(unit -> unit.name()).orElse(null))
			.judgement(w.judgement() == null ? null : WhistleJudgement.fromValue(w.judgement().name()))
			.judgementReason(w.judgementReason())
			.judgedBy(w.judgedBy())
			.judgedByName(names.orNull(w.judgedBy()))
			.judgedAt(at(w.judgedAt()));
	}

	private static OffsetDateTime at(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

}
