package io.casegrid.casefile;

import java.time.Instant;

/** The resident's evaluation of the result; {@code defaulted} when none arrived in time and 满意 was assumed. */
public record Evaluation(EvaluationScore score, String comment, Instant at, Boolean defaulted) {
}
