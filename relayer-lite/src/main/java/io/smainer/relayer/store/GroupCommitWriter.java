package io.smainer.relayer.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's single writer thread. It drains every queued write into one transaction and completes
 * their futures only after {@code COMMIT} returned (in the WAL: durable against a process crash, see
 * {@link SqliteSchema}), so a burst of 500 submissions costs one commit instead of 500. When one write fails the batch is rolled back and replayed one write per
 * transaction, so a bad write fails alone. After writes that removed sensitive bytes the
 * {@link WalCheckpointer} truncates the WAL on its own connection (once per compaction interval), so this
 * thread runs no checkpoint except for {@link #compactNow} and at close.
 */
final class GroupCommitWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);
    private static final int MAX_BATCH = 2048;

    /** One write; {@code removesData} marks writes whose removed bytes must leave the files. */
    interface Op<T> {
        T apply(Connection c) throws SQLException;
    }

    private final Connection conn;
    private final String file;
    private final BlockingQueue<Task<?>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closing;
    /** Set after a committed write removed data; cleared by whoever starts a WAL truncation (here or {@link WalCheckpointer}). */
    private final AtomicBoolean drops = new AtomicBoolean();
    private boolean forceCompact;
    private final List<CompletableFuture<Void>> compactWaiters = new ArrayList<>();

    GroupCommitWriter(Connection conn, String file) throws SQLException {
        this.conn = conn;
        this.file = file;
        conn.setAutoCommit(false);
        this.thread = new Thread(this::loop, "store-writer");
        this.thread.setDaemon(false);
        this.thread.start();
    }

    <T> CompletableFuture<T> submit(String name, boolean removesData, Op<T> op) {
        Task<T> task = new Task<>(name, op, removesData);
        if (closing) {
            task.future.completeExceptionally(new StoreException("store " + file + " is closed; cannot " + name));
            return task.future;
        }
        queue.add(task);
        return task.future;
    }

    /**
     * Completes once everything queued before it is committed and the WAL was truncated: what retention
     * tests wait for before they read the files.
     */
    CompletableFuture<Void> compactNow() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        submit("compact", true, c -> {
            forceCompact = true;
            compactWaiters.add(done);
            return null;
        });
        return done;
    }

    /** For {@link WalCheckpointer}: whether data was removed since the last truncation started; clears the mark. */
    boolean takeDrops() {
        return drops.getAndSet(false);
    }

    /** For {@link WalCheckpointer}: a truncation it started did not finish, so the drops still need one. */
    void restoreDrops() {
        drops.set(true);
    }

    private void loop() {
        List<Task<?>> batch = new ArrayList<>();
        while (!closing || !queue.isEmpty()) {
            try {
                Task<?> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                    commit(batch);
                    batch.clear();
                }
                maybeCompact();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closing = true;
            } catch (RuntimeException e) {
                log.error("store writer of {} failed a batch of {} writes", file, batch.size(), e);
                batch.forEach(t -> t.future.completeExceptionally(e));
                batch.clear();
            }
        }
        maybeCompactNow();
        try {
            conn.commit();
            conn.close();
        } catch (SQLException e) {
            log.error("store {}: closing the writer connection failed", file, e);
        }
    }

    private void commit(List<Task<?>> batch) {
        try {
            for (Task<?> t : batch) {
                t.run(conn);
            }
            conn.commit();
            complete(batch);
        } catch (Exception batchFailure) {
            rollback();
            for (Task<?> t : batch) {
                try {
                    t.run(conn);
                    conn.commit();
                    complete(List.of(t));
                } catch (Exception e) {
                    rollback();
                    t.future.completeExceptionally(e instanceof SQLException
                            ? new StoreException("store " + file + ": " + t.name + " failed: " + e.getMessage(), e) : e);
                }
            }
        }
    }

    private void complete(List<Task<?>> done) {
        for (Task<?> t : done) {
            if (t.removesData) {
                drops.set(true);
            }
            t.complete();
        }
    }

    private void rollback() {
        try {
            conn.rollback();
        } catch (SQLException e) {
            log.error("store {}: rollback failed", file, e);
        }
    }

    private void maybeCompact() {
        if (forceCompact) {
            maybeCompactNow();
        }
    }

    /**
     * Copies the WAL into the database (whose freed space secure_delete zeroed) and truncates it to
     * zero bytes, so no old page image with a dropped payload or result stays in the WAL file.
     */
    private void maybeCompactNow() {
        if (!drops.getAndSet(false) && !forceCompact) {
            return;
        }
        boolean busy = true;
        try (Statement s = conn.createStatement()) {
            conn.commit();
            conn.setAutoCommit(true);
            try (var rs = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                busy = rs.next() && rs.getInt(1) != 0;
            }
            if (!busy) {
                forceCompact = false;
                compactWaiters.forEach(w -> w.complete(null));
                compactWaiters.clear();
            }
        } catch (SQLException e) {
            log.warn("store {}: WAL checkpoint failed, retrying later: {}", file, e.getMessage());
        } finally {
            if (busy) {
                drops.set(true);
            }
            try {
                conn.setAutoCommit(false);
            } catch (SQLException e) {
                log.error("store {}: cannot leave autocommit", file, e);
            }
        }
    }

    @Override
    public void close() {
        closing = true;
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        compactWaiters.forEach(w -> w.completeExceptionally(new StoreException("store " + file + " closed before compaction")));
        for (Task<?> t; (t = queue.poll()) != null; ) {
            t.future.completeExceptionally(new StoreException("store " + file + " closed before " + t.name));
        }
    }

    /** A queued write and the value it produced in the current batch. */
    private static final class Task<T> {
        final String name;
        final Op<T> op;
        final boolean removesData;
        final CompletableFuture<T> future = new CompletableFuture<>();
        private T value;

        Task(String name, Op<T> op, boolean removesData) {
            this.name = name;
            this.op = op;
            this.removesData = removesData;
        }

        void run(Connection c) throws SQLException {
            value = op.apply(c);
        }

        void complete() {
            future.complete(value);
        }
    }
}
