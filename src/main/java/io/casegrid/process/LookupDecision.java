package io.casegrid.process;

/**
 * A decision table the product evaluates only to look a value up, whose result its feature keeps itself (the SLA
 * policy's limit and counting are stored on each clock): {@link CountyHistoryLevel} records no decision instance of
 * it. A feature contributes one bean per such table; every other decision's evaluations stay in the engine's history.
 *
 * @param key the decision's key, e.g. {@code Decision_SlaPolicy}
 */
public record LookupDecision(String key) {
}
