package io.casegrid.web;

/** One offending field of a request: a JSON path such as {@code location.unitCode}, or a parameter name. */
public record FieldError(String field, String message) {
}
