package io.casegrid.process.form;

/** One of a choice field's static values with the form's label of it ({@code values[].label}; the value if none). */
public record FormChoice(String value, String label) {
}
