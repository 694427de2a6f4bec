package io.casegrid.org;

import java.util.List;

import io.casegrid.api.OrgApi;
import io.casegrid.web.NotFoundException;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OrgController implements OrgApi {

	private final OrgDirectory directory;

	OrgController(OrgDirectory directory) {
		this.directory = directory;
	}

	@Override
	public ResponseEntity<List<io.casegrid.api.model.OrgUnit>> listOrgUnits(String parent,
			io.casegrid.api.model.OrgLevel level) {
		List<io.casegrid.api.model.OrgUnit> body = directory.tree()
			.stream()
			.filter(u -> parent == null || parent.equals(u.parentCode()))
			.filter(u -> level == null || u.level().name().equals(level.getValue()))
			.limit(20_000) // the contract's maxItems, far above a county's registry
			.map(OrgController::toView)
			.toList();
		return ResponseEntity.ok(body);
	}

	@Override
	public ResponseEntity<io.casegrid.api.model.OrgUnit> getOrgUnit(String code) {
		return directory.find(code)
			.map(OrgController::toView)
			.map(ResponseEntity::ok)
			.orElseThrow(() -> new NotFoundException("Org unit", code));
	}

	private static io.casegrid.api.model.OrgUnit toView(OrgUnit unit) {
		return new io.casegrid.api.model.OrgUnit(unit.code(), unit.name(),
				io.casegrid.api.model.OrgLevel.fromValue(unit.level().name()))
			.parentCode(unit.parentCode())
			.kind(unit.kind())
			.latitude(unit.latitude())
			.longitude(unit.longitude());
	}

}
