package io.casegrid.escalation;

import java.util.UUID;

import io.casegrid.casefile.CaseFiles;
import io.casegrid.org.OrgDirectory;
import io.casegrid.org.OrgLevel;
import io.casegrid.org.OrgUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Places a case on a level of the three-level response and finds who answers for it there. */
@Component
class ResponseLevels {

	private final OrgDirectory org;

	private final CaseFiles files;

	private final String countyCentre;

	ResponseLevels(OrgDirectory org, CaseFiles files,
			@Value("${casegrid.escalation.county-centre:county-centre}") String countyCentre) {
		this.org = org;
		this.files = files;
		this.countyCentre = countyCentre;
	}

	/** The level of the unit the case was dispatched to. */
	LevelAssignment first(String handlingUnitCode) {
		OrgLevel unitLevel = org.find(handlingUnitCode).map(OrgUnit::level).orElse(OrgLevel.GRID);
		ResponseLevel level = switch (unitLevel) {
			case GRID, MICRO_GRID -> ResponseLevel.GRID;
			case VILLAGE -> ResponseLevel.VILLAGE;
			case TOWNSHIP -> ResponseLevel.TOWNSHIP;
			case COUNTY -> ResponseLevel.COUNTY;
			case DEPARTMENT -> ResponseLevel.DEPARTMENT;
		};
		return new LevelAssignment(level, level == ResponseLevel.COUNTY ? countyCentre : handlingUnitCode);
	}

	/** The level above {@code current} for this case: its township/street (乡街), then the county centre. */
	LevelAssignment above(UUID caseId, ResponseLevel current) {
		ResponseLevel next = current.above();
		if (next == ResponseLevel.TOWNSHIP) {
			String township = files.get(caseId).location().townshipCode();
			if (township != null) {
				return new LevelAssignment(next, township);
			}
			next = ResponseLevel.COUNTY;
		}
		return new LevelAssignment(next, countyCentre);
	}

}
