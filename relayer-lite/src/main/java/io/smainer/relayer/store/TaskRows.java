package io.smainer.relayer.store;

import io.smainer.protocol.api.TaskStatus;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Maps rows of the SQLite tables to records. */
final class TaskRows {
    static final String TASK_COLUMNS = "seq, task_id, status, requirements, token_amount, on_chain_task_id, description,"
            + " affiliate_address, payload_hash, callback_meta, complete_url, stream_url, created_at, assigned_at,"
            + " completed_at, assigned_node_id, attempts, result, result_hash, error_message, execution_time,"
            + " final_event_id, result_expires_at";

    private TaskRows() {}

    static TaskRecord task(ResultSet rs) throws SQLException {
        String chainId = rs.getString("on_chain_task_id");
        double exec = rs.getDouble("execution_time");
        Double execution = rs.wasNull() ? null : exec;
        return new TaskRecord(
                rs.getLong("seq"),
                rs.getString("task_id"),
                TaskStatus.fromWire(rs.getString("status")),
                rs.getString("requirements"),
                new BigInteger(rs.getString("token_amount")),
                chainId == null ? null : new BigInteger(chainId),
                rs.getString("description"),
                rs.getString("affiliate_address"),
                rs.getString("payload_hash"),
                rs.getString("callback_meta"),
                rs.getString("complete_url"),
                rs.getString("stream_url"),
                rs.getLong("created_at"),
                nullableLong(rs, "assigned_at"),
                nullableLong(rs, "completed_at"),
                rs.getString("assigned_node_id"),
                rs.getInt("attempts"),
                rs.getBytes("result"),
                rs.getString("result_hash"),
                rs.getString("error_message"),
                execution,
                rs.getString("final_event_id"),
                nullableLong(rs, "result_expires_at"));
    }

    static CallbackEvent event(ResultSet rs) throws SQLException {
        return new CallbackEvent(
                rs.getString("event_id"),
                rs.getString("task_id"),
                CallbackEvent.Kind.valueOf(rs.getString("kind")),
                CallbackEvent.State.valueOf(rs.getString("state")),
                rs.getInt("attempts"),
                rs.getLong("next_attempt_at"));
    }

    static DeliveryAttempt attempt(ResultSet rs) throws SQLException {
        int status = rs.getInt("http_status");
        Integer httpStatus = rs.wasNull() ? null : status;
        return new DeliveryAttempt(
                rs.getString("task_id"),
                rs.getString("event_id"),
                CallbackEvent.Kind.valueOf(rs.getString("kind")),
                rs.getInt("attempt"),
                rs.getLong("at"),
                httpStatus,
                rs.getString("error"),
                nullableLong(rs, "next_retry_at"));
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
