package io.smainer.daemon.relay;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter (PROTOCOL.md §2: 1 s initial, ×2, cap 60 s): attempt n waits
 * a uniformly random time in [0, min(cap, initial × multiplier^n)]. Never gives up; {@link #reset()}
 * after a stable connection.
 */
public final class ReconnectBackoff {
    private final Duration initial;
    private final Duration cap;
    private final double multiplier;
    private final DoubleSupplier random;
    private int attempt;

    /** @param random uniform in [0, 1); tests pass a fixed sequence */
    public ReconnectBackoff(Duration initial, Duration cap, double multiplier, DoubleSupplier random) {
        this.initial = initial;
        this.cap = cap;
        this.multiplier = multiplier;
        this.random = random;
    }

    /** The upper bound of the next delay (before jitter). */
    public synchronized Duration ceiling() {
        double ms = initial.toMillis() * Math.pow(multiplier, Math.min(attempt, 64));
        return Duration.ofMillis((long) Math.min(cap.toMillis(), ms));
    }

    /** The next delay, and counts the attempt. */
    public synchronized Duration next() {
        Duration bound = ceiling();
        attempt++;
        return Duration.ofMillis((long) (random.getAsDouble() * bound.toMillis()));
    }

    /** Attempts since the last reset (1 after the first {@link #next()}). */
    public synchronized int attempts() {
        return attempt;
    }

    public synchronized void reset() {
        attempt = 0;
    }
}
