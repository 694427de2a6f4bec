package io.casegrid.mediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.casegrid.EngineTestSupport;
import io.casegrid.sla.Counting;
import io.casegrid.sla.SlaLimit;
import io.casegrid.sla.calendar.DueDateCalculator;

import org.springframework.beans.factory.annotation.Autowired;

/** The deployed {@code mediation-policy.dmn}: 三级七天 is seven working days across the three tiers, not per tier. */
class MediationPolicyTests extends EngineTestSupport {

	private static final List<MediationLevel> TIERS = List.of(MediationLevel.VILLAGE, MediationLevel.THREE_HEADS,
			MediationLevel.COUNTY);

	@Autowired
	MediationPolicy policy;

	@Autowired
	DueDateCalculator calculator;

	@Test
	void defaultTimeBoxesOfTheThreeTiersAddUpToSevenWorkingDays() {
		assertThat(TIERS).extracting(tier -> policy.timeBox(tier).limit().counting()).containsOnly(Counting.WORKING);
		assertThat(TIERS.stream().mapToInt(tier -> Period.parse(policy.timeBox(tier).limit().iso()).getDays()).sum())
			.isEqualTo(7);

		// one tier after the other on the working calendar ends where seven working days end: across the 2026 National
		// Day holiday (1–7 October off, Saturday 10 October a 调休 working day) as well as in a plain week
		for (Instant start : List.of(at("2026-09-28T09:00"), at("2026-11-02T08:30"), at("2026-11-06T16:00"))) {
			Instant end = start;
			for (MediationLevel tier : TIERS) {
				end = policy.timeBox(tier).limit().dueFrom(end, calculator);
			}
			assertThat(end).as("from " + start).isEqualTo(new SlaLimit("P7D", Counting.WORKING).dueFrom(start, calculator));
			assertThat(end).as("from " + start).isEqualTo(calculator.addWorkingDays(start, 7));
		}
	}

	@Test
	void theBrandRoomWorksOnTheVillageTimeBox() {
		assertThat(policy.timeBox(MediationLevel.BRAND_ROOM)).isEqualTo(policy.timeBox(MediationLevel.VILLAGE));
	}

	@Test
	void eachTierMayBeExtendedOnceByTwoWorkingDays() {
		assertThat(TIERS).extracting(tier -> policy.timeBox(tier).extension()).containsOnly("P2D");
	}

	private static Instant at(String local) {
		return LocalDateTime.parse(local).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
	}

}
