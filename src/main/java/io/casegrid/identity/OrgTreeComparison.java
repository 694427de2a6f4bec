package io.casegrid.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.casegrid.org.OrgUnit;

/**
 * How the realm's groups differ from the org tree the service knows ({@code org_unit}): units without a group,
 * groups of no known unit, groups under another parent than their unit, groups without an org code. Scopes come from
 * group membership, so every difference is a place whose people would see too little or nothing.
 */
record OrgTreeComparison(List<String> differences) {

	static OrgTreeComparison of(Collection<OrgUnit> units, Collection<KeycloakDirectory.Group> groups) {
		List<String> differences = new ArrayList<>();
		Map<String, KeycloakDirectory.Group> byCode = groups.stream()
			.filter(g -> g.orgCode() != null)
			.collect(Collectors.toMap(KeycloakDirectory.Group::orgCode, Function.identity(), (a, b) -> {
				differences.add("two groups carry org code " + a.orgCode() + ": " + a.path() + " and " + b.path());
				return a;
			}));
		Map<String, OrgUnit> unitsByCode = units.stream()
			.collect(Collectors.toMap(OrgUnit::code, Function.identity()));
		for (OrgUnit unit : units) {
			KeycloakDirectory.Group group = byCode.get(unit.code());
			if (group == null) {
				differences.add("no group for " + unit.code() + " " + unit.name() + " (" + unit.level() + ", under "
						+ unit.parentCode() + ")");
			}
			else if (!java.util.Objects.equals(group.parentOrgCode(), unit.parentCode())) {
				differences.add("group " + group.path() + " (" + unit.code() + ") sits under " + group.parentOrgCode()
						+ ", the org tree has it under " + unit.parentCode());
			}
		}
		for (KeycloakDirectory.Group group : groups) {
			if (group.orgCode() == null) {
				differences.add("group " + group.path() + " has no " + KeycloakDirectory.ORG_CODE + " attribute");
			}
			else if (!unitsByCode.containsKey(group.orgCode())) {
				differences.add("group " + group.path() + " carries org code " + group.orgCode()
						+ ", which the org tree does not know");
			}
		}
		return new OrgTreeComparison(List.copyOf(differences));
	}

	boolean matches() {
		return differences.isEmpty();
	}

}
