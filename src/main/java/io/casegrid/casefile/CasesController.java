package io.casegrid.casefile;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.casegrid.api.CasesApi;
import io.casegrid.api.model.CaseDetail;
import io.casegrid.api.model.CasePage;
import io.casegrid.security.Actor;
import io.casegrid.security.CurrentActor;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CasesController implements CasesApi {

	private final CaseSearch search;

	private final CaseViews views;

	private final CaseVisibility visibility;

	private final CurrentActor actor;

	CasesController(CaseSearch search, CaseViews views, CaseVisibility visibility, CurrentActor actor) {
		this.search = search;
		this.views = views;
		this.visibility = visibility;
		this.actor = actor;
	}

	@Override
	public ResponseEntity<CaseDetail> getCase(UUID caseId) {
		visibility.requireVisible(caseId, actor.get());
		return ResponseEntity.ok(views.detail(caseId, actor.get()));
	}

	@Override
	public ResponseEntity<CasePage> listCases(io.casegrid.api.model.CaseStep step,
			io.casegrid.api.model.Channel channel, String category, String unit, OffsetDateTime createdFrom,
			OffsetDateTime createdTo, OffsetDateTime updatedSince, Integer page, Integer size) {
		CaseFilter filter = new CaseFilter(step == null ? null : CaseStep.valueOf(step.getValue()),
				channel == null ? null : Channel.valueOf(channel.getValue()), category, unit,
				createdFrom == null ? null : createdFrom.toInstant(), createdTo == null ? null : createdTo.toInstant(),
				updatedSince == null ? null : updatedSince.toInstant());
		Actor me = actor.get();
		CaseSearch.Page found = search.find(filter, visibility.scopeOf(me), page, size);
		CasePage body = new CasePage(found.items().stream().map(CasesController::toView).toList(), page, size,
				found.total());
		return ResponseEntity.ok(body);
	}

	private static io.casegrid.api.model.CaseSummary toView(CaseSummary c) {
		return new io.casegrid.api.model.CaseSummary(c.id(), c.caseNumber(),
				io.casegrid.api.model.Channel.fromValue(c.channel().name()), c.categoryCode(), c.title(),
				io.casegrid.api.model.CaseStep.fromValue(c.step().name()), c.unitCode(), CaseViews.at(c.reportedAt()))
			.handlingUnitCode(c.handlingUnitCode());
	}

}
