package io.casegrid.reports;

/**
 * One figure of a report: a count, or a rate with the counts it was computed from (numerator / denominator; the rate
 * is empty when nothing was counted), or an average in working hours. {@code previous} is the same figure for the
 * period before. Keys and definitions: {@code docs/reports.md}.
 */
public record Figure(String key, String label, Double value, Long numerator, Long denominator, Double previous) {

	static Figure count(String key, String label, long count) {
		return new Figure(key, label, (double) count, null, null, null);
	}

	/** A rate in percent, rounded to one decimal; empty when the denominator is zero. */
	static Figure rate(String key, String label, long numerator, long denominator) {
		Double value = denominator == 0 ? null : Math.round(1000.0 * numerator / denominator) / 10.0;
		return new Figure(key, label, value, numerator, denominator, null);
	}

	static Figure measure(String key, String label, Double value) {
		return new Figure(key, label, value == null ? null : Math.round(value * 10.0) / 10.0, null, null, null);
	}

	Figure withPrevious(Figure before) {
		return new Figure(key, label, value, numerator, denominator, before == null ? null : before.value());
	}

}
