package io.casegrid.casefile;

/** Who reported the case; absent for an anonymous report. */
public record Reporter(String name, String phone) {
}
