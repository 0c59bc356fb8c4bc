package io.smainer.relayer.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/** The write statements of the SQLite store; each runs inside the writer's current transaction. */
final class SqliteWrites {
    private static final String OPEN = "('pending','assigned','in_progress')";

    private SqliteWrites() {}

    static void insert(Connection c, NewTask t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tasks (task_id, status, requirements, token_amount,"
                + " on_chain_task_id, description, affiliate_address, payload_hash, callback_meta, complete_url,"
                + " stream_url, created_at, attempts) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,0)")) {
            ps.setString(1, t.taskId());
            ps.setString(2, "pending");
            ps.setString(3, t.requirementsJson());
            ps.setString(4, t.tokenAmount().toString());
            ps.setString(5, t.onChainTaskId() == null ? null : t.onChainTaskId().toString());
            ps.setString(6, t.description());
            ps.setString(7, t.affiliateAddress());
            ps.setString(8, t.payloadHash());
            ps.setString(9, t.callbackMetaJson());
            ps.setString(10, t.completeCallbackUrl());
            ps.setString(11, t.streamCallbackUrl());
            ps.setLong(12, t.createdAtMillis());
            ps.executeUpdate();
        } catch (SQLException e) {
            if (t.onChainTaskId() != null && e.getMessage() != null && e.getMessage().contains("on_chain_task_id")) {
                throw new DuplicateEscrowException(t.onChainTaskId());
            }
            throw e;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO payloads (task_id, body) VALUES (?,?)")) {
            ps.setString(1, t.taskId());
            ps.setBytes(2, t.payload());
            ps.executeUpdate();
        }
        if (t.escrowAmount() != null) {
            SqliteSettlements.insert(c, t.taskId(), t.onChainTaskId(), t.escrowAmount());
        }
    }

    static void assigned(Connection c, String taskId, String nodeId, int attempts, long at, CallbackEvent event,
                         java.math.BigInteger escrowProvider) throws SQLException {
        if (escrowProvider != null) {
            SqliteSettlements.pin(c, taskId, escrowProvider);
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE tasks SET status='assigned', assigned_node_id=?,"
                + " attempts=?, assigned_at=? WHERE task_id=? AND status IN " + OPEN)) {
            ps.setString(1, nodeId);
            ps.setInt(2, attempts);
            ps.setLong(3, at);
            ps.setString(4, taskId);
            if (ps.executeUpdate() == 1 && event != null) {
                insertEvent(c, event);
            }
        }
    }

    static void status(Connection c, String taskId, String to, String fromClause, boolean clearNode) throws SQLException {
        String sql = "UPDATE tasks SET status=?" + (clearNode ? ", assigned_node_id=NULL" : "")
                + " WHERE task_id=? AND status IN " + fromClause;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, to);
            ps.setString(2, taskId);
            ps.executeUpdate();
        }
    }

    static boolean finish(Connection c, FinalOutcome o) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE tasks SET status=?, completed_at=?,"
                + " assigned_node_id=COALESCE(?, assigned_node_id), result=?, result_hash=?, error_message=?,"
                + " execution_time=?, final_event_id=?, result_expires_at=? WHERE task_id=? AND status IN " + OPEN)) {
            ps.setString(1, o.status().wireName());
            ps.setLong(2, o.completedAtMillis());
            ps.setString(3, o.nodeId());
            ps.setBytes(4, o.result());
            ps.setString(5, o.resultHash());
            ps.setString(6, o.errorMessage());
            if (o.executionTime() == null) {
                ps.setNull(7, Types.REAL);
            } else {
                ps.setDouble(7, o.executionTime());
            }
            ps.setString(8, o.finalEventId());
            setNullableLong(ps, 9, o.resultExpiresAtMillis());
            ps.setString(10, o.taskId());
            if (ps.executeUpdate() == 0) {
                return false;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM payloads WHERE task_id=?")) {
            ps.setString(1, o.taskId());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET state='SUPERSEDED'"
                + " WHERE task_id=? AND kind='ASSIGNED' AND state='PENDING'")) {
            ps.setString(1, o.taskId());
            ps.executeUpdate();
        }
        if (o.hasCallbackTarget()) {
            insertEvent(c, new CallbackEvent(o.finalEventId(), o.taskId(), CallbackEvent.Kind.FINAL,
                    CallbackEvent.State.PENDING, 0, o.completedAtMillis()));
        }
        if (!o.settles()) {
            return true;
        }
        if (o.signature() != null && o.status() == io.smainer.protocol.api.TaskStatus.COMPLETED) {
            SqliteSettlements.result(c, o.taskId(), io.smainer.protocol.stark.Felts.parse("result_hash", o.resultHash()),
                    o.signature());
        } else {
            SqliteSettlements.abandon(c, o.taskId(), "task " + o.status().wireName() + " without a result: nothing to claim;"
                    + " the creator recovers the escrow with cancel_task while it is CREATED, or refund_expired once the"
                    + " claim window of an ASSIGNED escrow has passed");
        }
        return true;
    }

    static void insertEvent(Connection c, CallbackEvent e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO outbox (event_id, task_id, kind, state,"
                + " attempts, next_attempt_at) VALUES (?,?,?,?,?,?)")) {
            ps.setString(1, e.eventId());
            ps.setString(2, e.taskId());
            ps.setString(3, e.kind().name());
            ps.setString(4, e.state().name());
            ps.setInt(5, e.attempts());
            ps.setLong(6, e.nextAttemptAtMillis());
            ps.executeUpdate();
        }
    }

    static void delivery(Connection c, DeliveryAttempt a, CallbackEvent.State state, long resultExpiresAt)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO callback_attempts (task_id, event_id, kind, attempt,"
                + " at, http_status, error, next_retry_at) VALUES (?,?,?,?,?,?,?,?)")) {
            ps.setString(1, a.taskId());
            ps.setString(2, a.eventId());
            ps.setString(3, a.kind().name());
            ps.setInt(4, a.attempt());
            ps.setLong(5, a.atMillis());
            if (a.httpStatus() == null) {
                ps.setNull(6, Types.INTEGER);
            } else {
                ps.setInt(6, a.httpStatus());
            }
            ps.setString(7, a.error());
            setNullableLong(ps, 8, a.nextRetryAtMillis());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET state=?, attempts=?, next_attempt_at=?"
                + " WHERE event_id=?")) {
            ps.setString(1, state.name());
            ps.setInt(2, a.attempt());
            ps.setLong(3, a.nextRetryAtMillis() == null ? a.atMillis() : a.nextRetryAtMillis());
            ps.setString(4, a.eventId());
            ps.executeUpdate();
        }
        if (a.kind() == CallbackEvent.Kind.FINAL && !state.isOpen()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE tasks SET result_expires_at=? WHERE task_id=?"
                    + " AND result_expires_at IS NULL")) {
                ps.setLong(1, resultExpiresAt);
                ps.setString(2, a.taskId());
                ps.executeUpdate();
            }
        }
    }

    private static void setNullableLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setLong(index, value);
        }
    }
}
