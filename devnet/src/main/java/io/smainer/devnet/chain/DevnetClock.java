package io.smainer.devnet.chain;

import java.util.function.LongSupplier;

/**
 * Block timestamps: wall-clock seconds plus an offset moved by {@code devnet_increaseTime}, never
 * going backwards. The wall clock is injected so tests control time.
 */
public final class DevnetClock {
    private final LongSupplier epochSeconds;
    private long offsetSeconds;

    public DevnetClock(LongSupplier epochSeconds, long offsetSeconds) {
        this.epochSeconds = epochSeconds;
        this.offsetSeconds = offsetSeconds;
    }

    /** The timestamp of the next block: now + offset, at least the previous block's. */
    public long nextTimestamp(long previousBlockTimestamp) {
        return Math.max(previousBlockTimestamp, epochSeconds.getAsLong() + offsetSeconds);
    }

    public void increase(long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("time can only move forward, got " + seconds + " s");
        }
        offsetSeconds = Math.addExact(offsetSeconds, seconds);
    }

    public long offsetSeconds() {
        return offsetSeconds;
    }
}
