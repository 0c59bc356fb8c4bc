/**
 * {@code smainer doctor}: a list of {@link io.smainer.cli.doctor.DoctorCheck}s, each with its
 * dependencies (clock, host commands, paths, the relayer and chain clients) passed in, so every FAIL
 * path is testable; a verdict per check with the exact fix; and a redacted diagnostics bundle.
 */
package io.smainer.cli.doctor;
