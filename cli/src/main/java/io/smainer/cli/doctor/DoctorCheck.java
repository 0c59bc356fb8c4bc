package io.smainer.cli.doctor;

/**
 * One diagnostic. Checks run in list order and may read what earlier checks learned from the
 * {@link DoctorContext} (the parsed config, the unlocked key, the relayer's health answer); a check whose
 * input is missing answers {@link Verdict#SKIP} and says why. A check never throws: an unexpected error is
 * its FAIL.
 */
public interface DoctorCheck {
    /** Short, stable name (the {@code check} field of {@code --json}). */
    String name();

    CheckResult run(DoctorContext context);
}
