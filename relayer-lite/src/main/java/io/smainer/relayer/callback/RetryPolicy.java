package io.smainer.relayer.callback;

import java.time.Duration;

/**
 * Callback retries (PROTOCOL.md §3): retry on connection error, timeout, 408, 429 and 5xx with delays of
 * 1 s, ×2, capped at 5 min, giving up after 24 h of retrying; any other status ends delivery. The
 * give-up point is counted in attempts, so it survives a restart without a stored first-attempt time.
 */
public final class RetryPolicy {
    private final Duration initial;
    private final Duration cap;
    private final int maxAttempts;

    public RetryPolicy(Duration initial, Duration cap, Duration giveUpAfter) {
        this.initial = initial;
        this.cap = cap;
        long total = 0;
        int attempts = 1;
        while (total < giveUpAfter.toMillis()) {
            total += delay(attempts).toMillis();
            attempts++;
        }
        this.maxAttempts = attempts;
    }

    public static RetryPolicy standard() {
        return new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(24));
    }

    /** Delay after the {@code attempt}-th failed attempt (1-based). */
    public Duration delay(int attempt) {
        long ms = initial.toMillis();
        for (int i = 1; i < attempt && ms < cap.toMillis(); i++) {
            ms *= 2;
        }
        return Duration.ofMillis(Math.min(ms, cap.toMillis()));
    }

    /** Whether the outcome is worth another attempt; {@code httpStatus} null means no HTTP answer. */
    public static boolean isRetryable(Integer httpStatus) {
        return httpStatus == null || httpStatus == 408 || httpStatus == 429 || httpStatus >= 500;
    }

    public boolean mayRetryAfter(int attempts) {
        return attempts < maxAttempts;
    }

    public int maxAttempts() {
        return maxAttempts;
    }
}
