package io.casegrid.reports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A unit's assessment (考核) for a period: the weighted three rates, minus the points of every deduction, never
 * below zero; each deduction lists the cases behind it.
 */
public record Assessment(String unitCode, String unitName, Period period, Double acceptanceOnTimeRate,
		Double handlingOnTimeRate, Double satisfactionRate, double threeRateScore, double deductedPoints, double score,
		List<Deduction> deductions) {

	public Assessment {
		deductions = List.copyOf(deductions);
	}

	/** One deduction item: how often it happened, what each costs, and the cases. */
	public record Deduction(String item, String label, double pointsEach, int count, double points,
			List<CaseRef> cases) {

		public Deduction {
			cases = List.copyOf(cases);
		}

	}

	/** A case behind a deduction, and when the deducted thing happened. */
	public record CaseRef(UUID caseId, String caseNumber, Instant at) {
	}

	Assessment withoutCases() {
		return new Assessment(unitCode, unitName, period, acceptanceOnTimeRate, handlingOnTimeRate, satisfactionRate,
				threeRateScore, deductedPoints, score, deductions.stream()
					.map(d -> new Deduction(d.item(), d.label(), d.pointsEach(), d.count(), d.points(), List.of()))
					.toList());
	}

}
