package io.smainer.relayer.store;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.sqlite.BusyHandler;

/**
 * The writer connection's wait for a lock that {@link WalCheckpointer}'s {@code TRUNCATE} holds for a few
 * milliseconds: polls every 0.1 ms (then every 1 ms), instead of SQLite's default of sleeping 1, 2, 5, 10,
 * 15… ms, which turned a 5 ms truncation into an 8–18 ms stall of every queued write. Gives up after 10 s
 * like the {@code busy_timeout} it replaces. Called only on the writer thread.
 */
final class WriterBusyHandler extends BusyHandler {
    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(10);
    private long firstNanos;

    @Override
    protected int callback(int previousCalls) {
        long now = System.nanoTime();
        if (previousCalls == 0) {
            firstNanos = now;
        } else if (now - firstNanos > GIVE_UP_NANOS) {
            return 0;
        }
        LockSupport.parkNanos(previousCalls < 100 ? 100_000 : 1_000_000);
        return 1;
    }
}
