package io.casegrid.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;

import io.casegrid.ProcessTest;
import io.casegrid.casefile.Classifier.Triage;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code case-triage.dmn} as deployed: category and emergency words place a case; vulnerable reporters come first. */
@ProcessTest
class CaseTriageDecisionTests {

	@Autowired
	DmnTriage triage;

	@Autowired
	HistoryService history;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theCataloguePreviewDecidesLikeTheEngineAndRecordsNoDecision() {
		List<String> codes = jdbc.sql("SELECT code FROM category ORDER BY code").query(String.class).list();
		long recorded = history.createHistoricDecisionInstanceQuery().count();

		List<Triage> previews = codes.stream().map(triage.previews()).toList();

		assertThat(history.createHistoricDecisionInstanceQuery().count()).isEqualTo(recorded);
		assertThat(previews).hasSizeGreaterThanOrEqualTo(30)
			.isEqualTo(codes.stream().map(code -> triage.triage(code, null, false)).toList());
	}

	@Test
	void gridMattersStayInTheGrid() {
		assertThat(triage.triage("FLY_WIRE_CHARGING", "3号楼飞线充电", false))
			.isEqualTo(new Triage("GRID", "GRID", null, null, "SMALL", "HIGH"));
	}

	@Test
	void departmentMattersNameTheKindOfTheResponsibleDepartment() {
		assertThat(triage.triage("MANHOLE_COVER", "井盖丢了", false))
			.isEqualTo(new Triage("DEPARTMENT", "TOWNSHIP", "URBAN_MANAGEMENT", null, "SMALL", "HIGH"));
		assertThat(triage.triage("PIPE_LEAK", null, false).departmentKind()).isEqualTo("WATER");
		assertThat(triage.triage("FOOD_SAFETY", null, false).departmentKind()).isEqualTo("MARKET_REGULATION");
	}

	@Test
	void disputesGoToTheVillageCommittee() {
		assertThat(triage.triage("NEIGHBOUR_DISPUTE", null, false))
			.isEqualTo(new Triage("DISPUTE", "VILLAGE", null, null, "TIME_CONSUMING", "NORMAL"));
		assertThat(triage.triage("LABOUR_DISPUTE", null, false).slaClass()).isEqualTo("COMPLEX");
	}

	@Test
	void emergenciesGoStraightToTheCounty() {
		assertThat(triage.triage("GAS_LEAK", null, false))
			.isEqualTo(new Triage("EMERGENCY", "COUNTY", "GAS_SUPPLY", null, "EMERGENCY", "URGENT"));
	}

	@Test
	void emergencyWordsOverrideTheCategory() {
		Triage garbageOnFire = triage.triage("GARBAGE", "垃圾站起火了，火势很大", false);
		assertThat(garbageOnFire.track()).isEqualTo("EMERGENCY");
		assertThat(garbageOnFire.startLevel()).isEqualTo("COUNTY");
		assertThat(triage.triage("GARBAGE", "垃圾堆放三天无人清运", false).track()).isEqualTo("GRID");
	}

	@Test
	void vulnerableReportersRaiseThePriorityOneStep() {
		assertThat(triage.triage("GARBAGE", null, true).priority()).isEqualTo("HIGH");
		assertThat(triage.triage("FLY_WIRE_CHARGING", null, true).priority()).isEqualTo("URGENT");
		assertThat(triage.triage("FIRE", null, true).priority()).isEqualTo("URGENT");
		assertThat(triage.triage("GARBAGE", null, false).priority()).isEqualTo("NORMAL");
	}

	@Test
	void whatNoRulePlacesGoesToManualTriage() {
		Triage other = triage.triage("OTHER", "说不清的事", false);
		assertThat(other.placed()).isFalse();
		assertThat(triage.triage("SOMETHING_NEW", null, true).priority()).isEqualTo("HIGH");
	}

}
