package io.casegrid.fuzz;

import java.util.List;

/** Ids that exist, so that mutated requests also reach the rules behind the lookup of their resource. */
public record KnownIds(List<String> caseIds, List<String> taskIds, List<String> orderIds, List<String> unitCodes) {
}
