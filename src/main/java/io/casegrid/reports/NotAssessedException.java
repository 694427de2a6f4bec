package io.casegrid.reports;

import io.casegrid.web.InvalidRequestException;

/** Only departments and townships are assessed; asking for a village's or grid's score names the unit. */
class NotAssessedException extends InvalidRequestException {

	NotAssessedException(String unitCode) {
		super("unitCode", unitCode + " is not assessed: only departments and townships/streets are");
	}

}
