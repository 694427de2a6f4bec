package io.casegrid.casefile;

/**
 * Who gave an evaluation: the resident themselves (through the app they reported with), staff who collected it on a
 * return visit, or nobody (评价期满, 满意 assumed). {@code return-visit-policy.dmn} decides on it whether to visit.
 */
public enum EvaluationSource {

	RESIDENT, VISIT, DEFAULT

}
