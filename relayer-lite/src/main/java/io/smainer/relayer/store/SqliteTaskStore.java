package io.smainer.relayer.store;

import io.smainer.protocol.api.TaskStatus;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.sqlite.BusyHandler;

/**
 * {@link TaskStore} in one SQLite file ({@code <data-dir>/relayer.db}): writes go through the
 * group-committing {@link GroupCommitWriter}, reads through a second, read-only connection (WAL lets
 * them run while the writer commits). Why SQLite: docs/relayer-lite.md "Store".
 */
public final class SqliteTaskStore implements TaskStore {
    public static final String FILE_NAME = "relayer.db";
    private static final String OPEN_STATES = "('pending','assigned','in_progress')";

    private final Path file;
    private final GroupCommitWriter writer;
    private final WalCheckpointer checkpointer;
    private final Connection reader;

    private SqliteTaskStore(Path file, GroupCommitWriter writer, WalCheckpointer checkpointer, Connection reader) {
        this.file = file;
        this.writer = writer;
        this.checkpointer = checkpointer;
        this.reader = reader;
    }

    /** Opens (creating if needed) the store in {@code dataDir}; drops are compacted every {@code compactMillis}. */
    public static SqliteTaskStore open(Path dataDir, long compactMillis) {
        Path file = dataDir.resolve(FILE_NAME);
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        try {
            Connection w = DriverManager.getConnection(url);
            SqliteSchema.configure(w, true);
            BusyHandler.setHandler(w, new WriterBusyHandler());
            SqliteSchema.create(w);
            Connection r = DriverManager.getConnection(url);
            SqliteSchema.configure(r, false);
            Connection cp = DriverManager.getConnection(url);
            GroupCommitWriter writer = new GroupCommitWriter(StatementCache.wrap(w), file.toString());
            return new SqliteTaskStore(file, writer, new WalCheckpointer(cp, writer, file.toString(), compactMillis), r);
        } catch (SQLException e) {
            throw new StoreException("cannot open the store " + file + ": " + e.getMessage()
                    + " (is the data dir writable and on a local file system?)", e);
        }
    }

    public Path file() {
        return file;
    }

    /** Commits everything queued, checkpoints and truncates the WAL; for retention checks. */
    public CompletableFuture<Void> compactNow() {
        return writer.compactNow();
    }

    @Override
    public CompletableFuture<Void> insert(NewTask task) {
        return writer.submit("insert task " + task.taskId(), false, c -> {
            SqliteWrites.insert(c, task);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> markAssigned(String taskId, String nodeId, int attempts, long atMillis,
                                                CallbackEvent assignedCallback, BigInteger escrowProvider) {
        return writer.submit("assign " + taskId, false, c -> {
            SqliteWrites.assigned(c, taskId, nodeId, attempts, atMillis, assignedCallback, escrowProvider);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> markRequeued(String taskId, String reason) {
        return writer.submit("requeue " + taskId, false, c -> {
            SqliteWrites.status(c, taskId, "pending", "('assigned','in_progress')", true);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> markStarted(String taskId) {
        return writer.submit("start " + taskId, false, c -> {
            SqliteWrites.status(c, taskId, "in_progress", "('assigned')", false);
            return null;
        });
    }

    @Override
    public CompletableFuture<Boolean> finish(FinalOutcome outcome) {
        return writer.submit("finish " + outcome.taskId(), true, c -> SqliteWrites.finish(c, outcome));
    }

    @Override
    public CompletableFuture<Optional<CallbackEvent>> setCallbackTarget(String taskId, String completeUrl,
            String streamUrl, String newFinalEventId, long nowMillis) {
        return writer.submit("set callback of " + taskId, false, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE tasks SET complete_url=?, stream_url=? WHERE task_id=?")) {
                ps.setString(1, completeUrl);
                ps.setString(2, streamUrl);
                ps.setString(3, taskId);
                ps.executeUpdate();
            }
            TaskRecord t = SqliteReads.find(c, taskId).orElseThrow();
            if (!t.status().isFinal()) {
                return Optional.empty();
            }
            String eventId = t.finalEventId() != null ? t.finalEventId() : newFinalEventId;
            int attempts = SqliteReads.events(c, taskId).stream().filter(e -> e.eventId().equals(eventId))
                    .mapToInt(CallbackEvent::attempts).findFirst().orElse(0);
            CallbackEvent event = new CallbackEvent(eventId, taskId, CallbackEvent.Kind.FINAL,
                    CallbackEvent.State.PENDING, attempts, nowMillis);
            SqliteWrites.insertEvent(c, event);
            return Optional.of(event);
        });
    }

    @Override
    public CompletableFuture<Void> recordDelivery(DeliveryAttempt attempt, CallbackEvent.State state,
                                                  long resultExpiresAtMillis) {
        return writer.submit("log delivery " + attempt.eventId(), false, c -> {
            SqliteWrites.delivery(c, attempt, state, resultExpiresAtMillis);
            return null;
        });
    }

    @Override
    public CompletableFuture<Boolean> rememberAuth(String nodeId, String timestamp, long expiresAtMillis) {
        return writer.submit("remember auth of " + nodeId, false, c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM auth_seen WHERE expires_at < ?")) {
                del.setLong(1, System.currentTimeMillis());
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR IGNORE INTO auth_seen (node_id, ts, expires_at) VALUES (?,?,?)")) {
                ps.setString(1, nodeId);
                ps.setString(2, timestamp);
                ps.setLong(3, expiresAtMillis);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public CompletableFuture<Integer> dropExpiredResults(long nowMillis) {
        return writer.submit("drop expired results", true, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE tasks SET result=NULL"
                    + " WHERE result IS NOT NULL AND result_expires_at IS NOT NULL AND result_expires_at <= ?")) {
                ps.setLong(1, nowMillis);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public synchronized Optional<TaskRecord> find(String taskId) {
        return read("find " + taskId, () -> SqliteReads.find(reader, taskId));
    }

    @Override
    public synchronized Optional<byte[]> payload(String taskId) {
        return read("payload of " + taskId, () -> {
            try (PreparedStatement ps = reader.prepareStatement("SELECT body FROM payloads WHERE task_id=?")) {
                ps.setString(1, taskId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty();
                }
            }
        });
    }

    @Override
    public synchronized List<TaskRecord> page(TaskStatus status, long afterSeq, int limit) {
        String sql = "SELECT " + TaskRows.TASK_COLUMNS + " FROM tasks WHERE seq > ?"
                + (status == null ? "" : " AND status = ?") + " ORDER BY seq LIMIT ?";
        return read("list tasks", () -> {
            try (PreparedStatement ps = reader.prepareStatement(sql)) {
                int i = 1;
                ps.setLong(i++, afterSeq);
                if (status != null) {
                    ps.setString(i++, status.wireName());
                }
                ps.setInt(i, limit);
                return SqliteReads.tasks(ps);
            }
        });
    }

    @Override
    public synchronized Map<TaskStatus, Long> countByStatus() {
        return read("count tasks", () -> {
            Map<TaskStatus, Long> counts = new EnumMap<>(TaskStatus.class);
            try (Statement s = reader.createStatement();
                 ResultSet rs = s.executeQuery("SELECT status, COUNT(*) FROM tasks GROUP BY status")) {
                while (rs.next()) {
                    counts.put(TaskStatus.fromWire(rs.getString(1)), rs.getLong(2));
                }
            }
            return counts;
        });
    }

    @Override
    public synchronized List<TaskRecord> unfinished() {
        return read("load unfinished tasks", () -> {
            try (PreparedStatement ps = reader.prepareStatement("SELECT " + TaskRows.TASK_COLUMNS
                    + " FROM tasks WHERE status IN " + OPEN_STATES + " ORDER BY seq")) {
                return SqliteReads.tasks(ps);
            }
        });
    }

    @Override
    public synchronized List<CallbackEvent> openCallbacks() {
        return read("load open callbacks", () -> {
            List<CallbackEvent> out = new ArrayList<>();
            try (PreparedStatement ps = reader.prepareStatement(
                    "SELECT * FROM outbox WHERE state='PENDING' ORDER BY seq");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(TaskRows.event(rs));
                }
            }
            return out;
        });
    }

    @Override
    public synchronized List<CallbackEvent> callbacks(String taskId) {
        return read("callbacks of " + taskId, () -> SqliteReads.events(reader, taskId));
    }

    @Override
    public synchronized List<DeliveryAttempt> attempts(String taskId) {
        return read("delivery log of " + taskId, () -> SqliteReads.attempts(reader, taskId));
    }

    @Override
    public synchronized Optional<SettlementRecord> settlement(String taskId) {
        return read("settlement of " + taskId, () -> SqliteSettlements.find(reader, taskId));
    }

    @Override
    public synchronized List<SettlementRecord> settlementsDue(long nowMillis, int limit) {
        return read("due settlements", () -> SqliteSettlements.due(reader, nowMillis, limit));
    }

    @Override
    public synchronized SettlementTotals settlementTotals() {
        return read("settlement totals", () -> SqliteSettlements.totals(reader));
    }

    @Override
    public CompletableFuture<Void> settlementAssignedOnChain(List<String> taskIds, String txHash) {
        return writer.submit("settlement assigned " + txHash, false, c -> {
            for (String id : taskIds) {
                SqliteSettlements.assignedOnChain(c, id, txHash);
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> settlementSubmitted(List<String> taskIds, String txHash) {
        return writer.submit("settlement submitted " + txHash, false, c -> {
            for (String id : taskIds) {
                SqliteSettlements.submitted(c, id, txHash);
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> settlementSettled(String taskId, String txHash, BigInteger providerPayout,
                                                     BigInteger gasSubsidy, BigInteger treasuryFee) {
        return writer.submit("settled " + taskId, false, c -> {
            SqliteSettlements.settled(c, taskId, txHash, providerPayout, gasSubsidy, treasuryFee);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> settlementEnded(String taskId, String state, String reason) {
        return writer.submit("settlement " + state + " " + taskId, false, c -> {
            SqliteSettlements.ended(c, taskId, state, reason);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> settlementRetry(String taskId, int attempts, long nextAttemptAtMillis, String reason) {
        return writer.submit("settlement retry " + taskId, false, c -> {
            SqliteSettlements.retry(c, taskId, attempts, nextAttemptAtMillis, reason);
            return null;
        });
    }

    @Override
    public synchronized boolean isHealthy() {
        try (Statement s = reader.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            return rs.next();
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        checkpointer.close();
        writer.close();
        synchronized (this) {
            try {
                reader.close();
            } catch (SQLException e) {
                throw new StoreException("cannot close the store " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private interface Read<T> {
        T run() throws SQLException;
    }

    private <T> T read(String what, Read<T> r) {
        try {
            return r.run();
        } catch (SQLException e) {
            throw new StoreException("store " + file + ": " + what + " failed: " + e.getMessage(), e);
        }
    }
}
