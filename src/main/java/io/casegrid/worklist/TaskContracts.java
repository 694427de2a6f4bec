package io.casegrid.worklist;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** All task contracts of the product, by BPMN task key. */
@Component
public class TaskContracts {

	private final Map<String, UserTaskContract> byKey;

	TaskContracts(List<UserTaskContract> contracts) {
		this.byKey = contracts.stream().collect(Collectors.toMap(UserTaskContract::taskKey, Function.identity()));
	}

	public Optional<UserTaskContract> forTask(String taskKey) {
		return Optional.ofNullable(byKey.get(taskKey));
	}

	public java.util.Collection<UserTaskContract> all() {
		return byKey.values();
	}

}
