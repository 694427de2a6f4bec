package io.casegrid.attachment;

import org.junit.jupiter.api.Test;

import io.casegrid.EngineTestSupport;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The deployed {@code evidence-policy.dmn}: which completions need a photo of the result (整改后照片). */
class AfterPhotoPolicyTests extends EngineTestSupport {

	@Autowired
	AfterPhotoPolicy policy;

	@Test
	void resolvingAFireHazardOrAStreetlightNeedsAnAfterPhotoAtEveryHandlingTask() {
		for (String category : new String[] { "FIRE_HAZARD", "STREETLIGHT" }) {
			assertThat(policy.requiresAfterPhoto("Task_HandleAtLevel", "RESOLVED", category)).isTrue();
			assertThat(policy.requiresAfterPhoto("Task_Handle", "RESOLVED", category)).isTrue();
			assertThat(policy.requiresAfterPhoto("Task_DepartmentHandle", "REPORTED", category)).isTrue();
		}
	}

	@Test
	void otherOutcomesAndCategoriesNeedNone() {
		assertThat(policy.requiresAfterPhoto("Task_HandleAtLevel", "ESCALATE", "FIRE_HAZARD")).isFalse();
		assertThat(policy.requiresAfterPhoto("Task_HandleAtLevel", "RETURN", "FIRE_HAZARD")).isFalse();
		assertThat(policy.requiresAfterPhoto("Task_HandleAtLevel", "RESOLVED", "FLY_WIRE_CHARGING")).isFalse();
		assertThat(policy.requiresAfterPhoto("Task_Dispatch", "DISPATCH", "FIRE_HAZARD")).isFalse();
		assertThat(policy.requiresAfterPhoto("Task_HandleAtLevel", "RESOLVED", null)).isFalse();
	}

}
