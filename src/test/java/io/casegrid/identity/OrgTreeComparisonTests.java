package io.casegrid.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.casegrid.org.OrgLevel;
import io.casegrid.org.OrgUnit;

class OrgTreeComparisonTests {

	static final List<OrgUnit> UNITS = List.of(new OrgUnit("1", "县", OrgLevel.COUNTY, null, 0, null, null, null),
			new OrgUnit("11", "镇", OrgLevel.TOWNSHIP, "1", 1, null, null, null),
			new OrgUnit("111", "村", OrgLevel.VILLAGE, "11", 1, null, null, null));

	@Test
	void sameTreeMatches() {
		assertThat(OrgTreeComparison.of(UNITS, List.of(group("1", null), group("11", "1"), group("111", "11"))).matches())
			.isTrue();
	}

	@Test
	void missingMisplacedUnknownAndUncodedGroupsAreEachNamed() {
		var comparison = OrgTreeComparison.of(UNITS,
				List.of(group("1", null), group("111", "1"), group("999", "1"), group(null, "1")));
		assertThat(comparison.matches()).isFalse();
		assertThat(comparison.differences()).hasSize(4)
			.anySatisfy(d -> assertThat(d).startsWith("no group for 11 镇"))
			.anySatisfy(d -> assertThat(d).contains("(111) sits under 1, the org tree has it under 11"))
			.anySatisfy(d -> assertThat(d).contains("999, which the org tree does not know"))
			.anySatisfy(d -> assertThat(d).contains("has no orgCode attribute"));
	}

	private static KeycloakDirectory.Group group(String code, String parent) {
		return new KeycloakDirectory.Group(code, parent, "g" + code, "/g" + code);
	}

}
