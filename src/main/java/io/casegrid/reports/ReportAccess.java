package io.casegrid.reports;

import io.casegrid.security.Actor;
import io.casegrid.web.NotFoundException;

import org.springframework.stereotype.Component;

/**
 * Whose figures someone may read: those of their own units and every unit below them — the county (centre,
 * supervisors, auditors, administrators) all, a township itself and its villages and grids, a department itself.
 * Which roles may ask at all is the contract's {@code x-casegrid-roles}. Another unit's report is not found, as if it
 * did not exist.
 */
@Component
class ReportAccess {

	private final UnitReports reports;

	ReportAccess(UnitReports reports) {
		this.reports = reports;
	}

	void requireReadable(String unitCode, Actor actor) {
		boolean mine = actor.orgCodes().stream().anyMatch(own -> reports.subtree(own).contains(unitCode));
		if (!mine) {
			throw new NotFoundException("Report unit", unitCode);
		}
	}

}
