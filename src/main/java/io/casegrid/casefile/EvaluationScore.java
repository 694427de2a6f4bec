package io.casegrid.casefile;

/** The resident's evaluation: 满意, 基本满意, 不满意. */
public enum EvaluationScore {

	SATISFIED, BASICALLY_SATISFIED, DISSATISFIED

}
