package io.casegrid.casefile;

/** How a filed case will be handled: its track and the processes called at dispatch and at handling. */
public record Classification(String track, String dispatchProcess, String handlingProcess) {
}
