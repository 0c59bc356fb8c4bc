package io.smainer.cli.doctor;

/** Outcome of one doctor check. Only {@link #FAIL} makes {@code smainer doctor} exit 1. */
public enum Verdict {
    PASS, WARN, FAIL, SKIP
}
