package io.casegrid.whistle;

import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The whistled departments as the multi-instance collection of {@code CallActivity_DepartmentReport}. They travel as
 * a comma-separated string because the engine refuses Java-serialized variables (and a string reads well in Cockpit).
 */
@Component("departmentList")
public class DepartmentList {

	public List<String> of(String departments) {
		if (departments == null || departments.isBlank()) {
			return List.of();
		}
		return Arrays.stream(departments.split("[,，\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).distinct()
			.toList();
	}

}
