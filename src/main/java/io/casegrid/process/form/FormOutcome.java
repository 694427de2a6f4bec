package io.casegrid.process.form;

import java.util.List;

/**
 * One way to complete a task, e.g. {@code RESOLVED} 已办结: a value of the form's outcome field, with the fields the
 * form shows when it is chosen.
 */
public record FormOutcome(String code, String label, List<FormField> fields) {
}
