package io.casegrid.triage;

import java.util.List;

import io.casegrid.api.CatalogApi;
import io.casegrid.api.model.Category;
import io.casegrid.api.model.HandlingUnit;
import io.casegrid.casefile.Classifier;
import io.casegrid.org.OrgDirectory;
import io.casegrid.org.OrgLevel;
import io.casegrid.org.OrgUnit;

import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CatalogController implements CatalogApi {

	private final JdbcClient jdbc;

	private final DmnTriage triage;

	private final OrgDirectory org;

	CatalogController(JdbcClient jdbc, DmnTriage triage, OrgDirectory org) {
		this.jdbc = jdbc;
		this.triage = triage;
		this.org = org;
	}

	@Override
	public ResponseEntity<List<Category>> listCategories() {
		List<Category> categories = jdbc.sql("SELECT code, name, kind FROM category ORDER BY sort_order, code LIMIT 1000") // the contract's maxItems
			.query((rs, i) -> new Category(rs.getString("code"), rs.getString("name"), rs.getString("kind")))
			.list();
		var previews = triage.previews();
		String county = org.tree()
			.stream()
			.filter(u -> u.level() == OrgLevel.COUNTY)
			.map(OrgUnit::code)
			.findFirst()
			.orElse(null);
		categories.forEach(category -> route(category, previews.apply(category.getCode()), county));
		return ResponseEntity.ok(categories);
	}

	/**
	 * Adds what the DMN decides for the category as reported by anyone, with no emergency words; the department is the
	 * county's unit of the kind the DMN names (the first county of the registry).
	 */
	private void route(Category category, Classifier.Triage routing, String county) {
		if (!routing.placed()) {
			return;
		}
		category.track(routing.track())
			.startLevel(routing.startLevel())
			.slaClass(routing.slaClass())
			.priority(routing.priority());
		org.departmentOfKind(county, routing.departmentKind())
			.ifPresent(unit -> category.department(new HandlingUnit(unit.code(), unit.name())));
	}

}
