package io.smainer.relayer.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints the WAL on its own connection and thread ({@code store-checkpoint}), so the fsyncs of a
 * checkpoint never run inside a commit that a submission waits for. The writer connection has
 * {@code wal_autocheckpoint=0}: with SQLite's default the commit that crossed 1,000 WAL pages ran a
 * checkpoint (two fsyncs, 6–80 ms on the 2-core VM), and before this class the writer also ran the
 * retention {@code TRUNCATE} itself (5–45 ms); every write queued behind either waited too
 * (docs/performance.md "relayer-lite", fourth pass).
 *
 * <p>Every {@link #PASS_MILLIS}: a {@code PASSIVE} checkpoint (takes no writer lock; commits go on while it
 * copies and syncs). Then, if a committed write removed data and the last truncation is a compaction
 * interval old, or the WAL grew past {@link #LARGE_WAL_FRAMES}, a second passive pass for the frames
 * committed meanwhile and at once a {@code TRUNCATE}, which holds the writer lock only to truncate the file
 * when nothing is left to copy. Truncating costs about 2 ms per 1,000 frames (ext4 frees the blocks:
 * 7.6 ms for 4,000 frames here), so the WAL is kept short instead of truncated rarely. The busy timeout is
 * 0: while the writer is mid-commit the truncation does not wait (which would let more frames in) but tries
 * again 5 ms later.
 */
final class WalCheckpointer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WalCheckpointer.class);
    /** WAL length in frames after which it is truncated even without drops (steady writes keep it from starting over). */
    static final int LARGE_WAL_FRAMES = 1024;
    static final long PASS_MILLIS = 200;
    private static final int TRUNCATE_TRIES = 20;

    private final Connection conn;
    private final GroupCommitWriter writer;
    private final String file;
    private final long compactMillis;
    private long lastTruncate;
    private final Thread thread;
    private volatile boolean closing;

    WalCheckpointer(Connection conn, GroupCommitWriter writer, String file, long compactMillis) throws SQLException {
        this.conn = conn;
        this.writer = writer;
        this.file = file;
        this.compactMillis = compactMillis;
        try (Statement s = conn.createStatement()) {
            s.execute("PRAGMA busy_timeout=0");
        }
        this.thread = new Thread(this::loop, "store-checkpoint");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void loop() {
        try {
            while (!closing) {
                TimeUnit.MILLISECONDS.sleep(PASS_MILLIS);
                int frames = passive();
                boolean drops = System.currentTimeMillis() - lastTruncate >= compactMillis && writer.takeDrops();
                if (drops || frames > LARGE_WAL_FRAMES) {
                    if (truncate()) {
                        lastTruncate = System.currentTimeMillis();
                    } else if (drops) {
                        writer.restoreDrops();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Truncates the WAL to zero bytes (no old page image of dropped data stays in it); false if it could not. */
    private boolean truncate() {
        for (int i = 0; i < TRUNCATE_TRIES && !closing; i++) {
            passive();
            if (checkpoint("TRUNCATE")[0] == 0) {
                return true;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // closing: the writer truncates at close
                return false;
            }
        }
        return false;
    }

    /** One passive checkpoint; returns the WAL's length in frames. */
    private int passive() {
        return checkpoint("PASSIVE")[1];
    }

    /** {@code PRAGMA wal_checkpoint(mode)}: busy (0 or 1), WAL frames, frames checkpointed; busy on an error. */
    private int[] checkpoint(String mode) {
        try (Statement s = conn.createStatement(); var rs = s.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
            return rs.next() ? new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)} : new int[] {1, 0, 0};
        } catch (SQLException e) {
            log.warn("store {}: {} WAL checkpoint failed, retrying: {}", file, mode, e.getMessage());
            return new int[] {1, 0, 0};
        }
    }

    @Override
    public void close() {
        closing = true;
        thread.interrupt();
        try {
            thread.join(30_000);
            conn.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            log.error("store {}: closing the checkpoint connection failed", file, e);
        }
    }
}
