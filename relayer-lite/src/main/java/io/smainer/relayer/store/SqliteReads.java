package io.smainer.relayer.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Read queries shared by the reader connection and writes that need to look first. */
final class SqliteReads {
    private SqliteReads() {}

    static Optional<TaskRecord> find(Connection c, String taskId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + TaskRows.TASK_COLUMNS + " FROM tasks WHERE task_id=?")) {
            ps.setString(1, taskId);
            List<TaskRecord> found = tasks(ps);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    static List<TaskRecord> tasks(PreparedStatement ps) throws SQLException {
        List<TaskRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(TaskRows.task(rs));
            }
        }
        return out;
    }

    static List<CallbackEvent> events(Connection c, String taskId) throws SQLException {
        List<CallbackEvent> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM outbox WHERE task_id=? ORDER BY seq")) {
            ps.setString(1, taskId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(TaskRows.event(rs));
                }
            }
        }
        return out;
    }

    static List<DeliveryAttempt> attempts(Connection c, String taskId) throws SQLException {
        List<DeliveryAttempt> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM callback_attempts WHERE task_id=? ORDER BY id")) {
            ps.setString(1, taskId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(TaskRows.attempt(rs));
                }
            }
        }
        return out;
    }
}
