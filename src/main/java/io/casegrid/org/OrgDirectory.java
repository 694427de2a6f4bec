package io.casegrid.org;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.casegrid.config.TransactionCache;

import org.springframework.stereotype.Service;

/**
 * Reads the org tree: units, their ancestry, and where a reported location sits. A unit and a placement are read at
 * most once per transaction ({@link TransactionCache}); nothing is kept beyond it, so a change to {@code org_unit}
 * (made by migration or by hand, on any node) is seen by the next transaction.
 */
@Service
public class OrgDirectory {

	private final OrgUnitRepository units;

	private final TransactionCache<String, Optional<OrgUnit>> found = new TransactionCache<>("org units");

	private final TransactionCache<String, Optional<Placement>> placed = new TransactionCache<>("placements");

	OrgDirectory(OrgUnitRepository units) {
		this.units = units;
	}

	public Optional<OrgUnit> find(String code) {
		return found.get(code, units::findById);
	}

	/** The unit's name, or null (no code, or one the tree does not know): for the API's optional {@code …Name} fields. */
	public String nameOrNull(String code) {
		return code == null ? null : find(code).map(OrgUnit::name).orElse(null);
	}

	/**
	 * The names of the units with these codes, in one query whatever their number (codes the tree does not know are
	 * left out): for pages that name many units, such as an SLA board.
	 */
	public Map<String, String> names(Collection<String> codes) {
		Map<String, String> names = new HashMap<>();
		units.findAllById(codes.stream().filter(Objects::nonNull).distinct().toList())
			.forEach(unit -> names.put(unit.code(), unit.name()));
		return names;
	}

	public List<OrgUnit> tree() {
		return units.findTree();
	}

	/**
	 * Places a reported location's unit code in the tree, or empty when the code is unknown or is not a place
	 * where things happen (a department).
	 */
	public Optional<Placement> place(String unitCode) {
		return placed.get(unitCode, this::placeAfresh);
	}

	private Optional<Placement> placeAfresh(String unitCode) {
		List<OrgUnit> chain = units.findChain(unitCode);
		if (chain.isEmpty() || chain.get(0).level() == OrgLevel.DEPARTMENT) {
			return Optional.empty();
		}
		return Optional.of(new Placement(unitCode, codeAt(chain, OrgLevel.GRID), codeAt(chain, OrgLevel.VILLAGE),
				codeAt(chain, OrgLevel.TOWNSHIP), codeAt(chain, OrgLevel.COUNTY)));
	}

	/**
	 * The units a person belongs to, given those units together with their ancestors (as Keycloak's aggregated
	 * group attribute lists them): the codes that are nobody's parent within the set. Belonging to a unit and to
	 * one of its sub-units thus counts as the sub-unit only: scope is never wider than the narrowest membership.
	 */
	public Set<String> mostSpecific(Set<String> codesWithAncestors) {
		if (codesWithAncestors.isEmpty()) {
			return Set.of();
		}
		Set<String> units = new HashSet<>(codesWithAncestors);
		units.removeAll(this.units.findParentCodes(codesWithAncestors));
		return Set.copyOf(units);
	}

	/**
	 * The county's department of a kind (部门类别, as triage names it), or empty when the kind is unknown in the county
	 * or nobody answers for it there. Where a county has several of a kind, the first by sort order.
	 */
	public Optional<OrgUnit> departmentOfKind(String countyCode, String kind) {
		if (countyCode == null || kind == null) {
			return Optional.empty();
		}
		return units.findDepartmentsOfKind(countyCode, kind).stream().findFirst();
	}

	private static String codeAt(List<OrgUnit> chain, OrgLevel level) {
		return chain.stream().filter(u -> u.level() == level).map(OrgUnit::code).findFirst().orElse(null);
	}

}
