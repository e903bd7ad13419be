package io.tradebook.core.execution;

/** A strategy activation's status (seed 004): only an ACTIVE strategy may open or add to positions. */
public enum ActivationStatus {
    ACTIVE, PAUSED, STOPPED
}
