package io.casegrid.fuzz;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** One operation of the contract: what the fuzzer needs to build a request for it. */
public record ContractOperation(String id, String method, String path, Set<String> roles, List<Parameter> parameters,
		Map<String, Object> body) {

	List<Parameter> in(String location) {
		return parameters.stream().filter(p -> p.in().equals(location)).toList();
	}

	record Parameter(String name, String in, boolean required, Map<String, Object> schema) {
	}

}
