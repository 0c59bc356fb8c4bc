package io.smainer.cli.doctor;

import io.smainer.cli.relayer.RelayerApi;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * This machine's clock against the relayer's: node authentication has a ±300 s window (PROTOCOL.md §2).
 * Uses the HTTP {@code Date} header of {@code /health}, else its {@code timestamp} field.
 * |skew| > 300 s FAIL, > 30 s WARN.
 */
public final class ClockSkewCheck implements DoctorCheck {
    static final long FAIL_SECONDS = 300;
    static final long WARN_SECONDS = 30;

    @Override
    public String name() {
        return "clock";
    }

    @Override
    public CheckResult run(DoctorContext ctx) {
        Optional<RelayerApi.Health> h = ctx.health();
        if (h.isEmpty()) {
            return CheckResult.skip(name(), "the relayer did not answer /health, so its clock is unknown");
        }
        Optional<Instant> theirs = h.get().dateHeader();
        String via = "Date header";
        if (theirs.isEmpty()) {
            theirs = h.get().bodyTimestamp();
            via = "/health timestamp (no Date header)";
        }
        if (theirs.isEmpty()) {
            return CheckResult.skip(name(), "the relayer's /health has neither a Date header nor a timestamp");
        }
        Instant ours = ctx.clock().instant();
        long skew = Duration.between(theirs.get(), ours).toSeconds();
        String facts = "local " + ours + " vs relayer " + theirs.get() + " (" + via + "): skew " + (skew >= 0 ? "+" : "") + skew + " s";
        if (Math.abs(skew) > FAIL_SECONDS) {
            return CheckResult.fail(name(), facts + ", outside the ±300 s window: the relayer will refuse node_register",
                    "synchronise the clock: sudo timedatectl set-ntp true (check with timedatectl status)");
        }
        if (Math.abs(skew) > WARN_SECONDS) {
            return CheckResult.warn(name(), facts + " (auth allows ±300 s)", "enable NTP: sudo timedatectl set-ntp true");
        }
        return CheckResult.pass(name(), facts);
    }
}
