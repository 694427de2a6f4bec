package io.casegrid.whistle;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * 吹哨申请: someone without the right to whistle (a grid worker, a resident or deputy through an app) asks for
 * departments; the township accepts (a whistle then names the applicant) or declines with a reason.
 */
public record WhistleApplication(UUID id, UUID caseId, String appliedBy, String appliedByUnit, Instant appliedAt,
		List<String> departments, String lead, String reason, Status status, String decidedBy, Instant decidedAt,
		String declineReason, UUID whistleId) {

	public enum Status {

		OPEN, ACCEPTED, DECLINED

	}

	boolean open() {
		return status == Status.OPEN;
	}

}
