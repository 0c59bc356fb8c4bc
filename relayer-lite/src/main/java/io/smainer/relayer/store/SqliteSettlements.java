package io.smainer.relayer.store;

import io.smainer.protocol.stark.Felts;
import io.smainer.protocol.stark.StarkSignature;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code settlements} table: one row per escrow-backed task, written in the transactions of the task
 * itself (insert, first assignment, final state) and by the settler. Felts are stored as hex, amounts as
 * decimal text (u256 does not fit SQLite integers).
 */
final class SqliteSettlements {
    static final String TABLE = """
            CREATE TABLE IF NOT EXISTS settlements (
              task_id TEXT PRIMARY KEY,
              on_chain_task_id TEXT NOT NULL,
              amount TEXT NOT NULL,
              provider TEXT,
              assign_tx TEXT,
              result_hash TEXT,
              sig_r TEXT,
              sig_s TEXT,
              state TEXT NOT NULL,
              claim_tx TEXT,
              provider_payout TEXT,
              gas_subsidy TEXT,
              treasury_fee TEXT,
              attempts INTEGER NOT NULL DEFAULT 0,
              next_attempt_at INTEGER NOT NULL DEFAULT 0,
              last_error TEXT)""";
    static final String INDEX = "CREATE INDEX IF NOT EXISTS settlements_open ON settlements(state, next_attempt_at)";
    private static final String OPEN = "('pending','submitted')";

    private SqliteSettlements() {}

    static void insert(Connection c, String taskId, BigInteger onChainTaskId, BigInteger amount) throws SQLException {
        update(c, "INSERT INTO settlements (task_id, on_chain_task_id, amount, state) VALUES (?,?,?,'pending')",
                taskId, onChainTaskId.toString(), amount.toString());
    }

    /** The first assignment pins the provider: {@code assign_task} runs once per escrow. */
    static void pin(Connection c, String taskId, BigInteger provider) throws SQLException {
        update(c, "UPDATE settlements SET provider=? WHERE task_id=? AND provider IS NULL", Felts.toHex(provider), taskId);
    }

    static void result(Connection c, String taskId, BigInteger resultHash, StarkSignature sig) throws SQLException {
        update(c, "UPDATE settlements SET result_hash=?, sig_r=?, sig_s=?, attempts=0, next_attempt_at=0 WHERE task_id=?"
                + " AND state='pending'", Felts.toHex(resultHash), Felts.toHex(sig.r()), Felts.toHex(sig.s()), taskId);
    }

    /** The task ended without a result: nothing will be claimed. */
    static void abandon(Connection c, String taskId, String reason) throws SQLException {
        update(c, "UPDATE settlements SET state='failed', last_error=? WHERE task_id=? AND state='pending' AND sig_r IS NULL",
                reason, taskId);
    }

    static void assignedOnChain(Connection c, String taskId, String txHash) throws SQLException {
        update(c, "UPDATE settlements SET assign_tx=?, attempts=0, last_error=NULL WHERE task_id=? AND assign_tx IS NULL",
                txHash, taskId);
    }

    static void submitted(Connection c, String taskId, String txHash) throws SQLException {
        update(c, "UPDATE settlements SET state='submitted', claim_tx=? WHERE task_id=? AND state IN " + OPEN, txHash, taskId);
    }

    static void settled(Connection c, String taskId, String txHash, BigInteger payout, BigInteger gas, BigInteger fee)
            throws SQLException {
        update(c, "UPDATE settlements SET state='settled', claim_tx=?, provider_payout=?, gas_subsidy=?, treasury_fee=?,"
                + " last_error=NULL WHERE task_id=?", txHash, payout.toString(), gas.toString(), fee.toString(), taskId);
        update(c, "UPDATE tasks SET status='settled' WHERE task_id=? AND status='completed'", taskId);
    }

    static void ended(Connection c, String taskId, String state, String reason) throws SQLException {
        update(c, "UPDATE settlements SET state=?, last_error=? WHERE task_id=? AND state IN " + OPEN, state, reason, taskId);
    }

    /** Back to {@code pending} with a later attempt (a {@code submitted} claim whose fate is unknown stays submitted). */
    static void retry(Connection c, String taskId, int attempts, long nextAt, String reason) throws SQLException {
        update(c, "UPDATE settlements SET attempts=?, next_attempt_at=?, last_error=? WHERE task_id=? AND state IN " + OPEN,
                attempts, nextAt, reason, taskId);
    }

    static Optional<SettlementRecord> find(Connection c, String taskId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM settlements WHERE task_id=?")) {
            ps.setString(1, taskId);
            List<SettlementRecord> out = rows(ps);
            return out.isEmpty() ? Optional.empty() : Optional.of(out.get(0));
        }
    }

    /** Open rows with something to send or to check, oldest first. */
    static List<SettlementRecord> due(Connection c, long now, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM settlements WHERE state IN " + OPEN
                + " AND next_attempt_at <= ? AND (state='submitted' OR sig_r IS NOT NULL"
                + " OR (provider IS NOT NULL AND assign_tx IS NULL)) ORDER BY rowid LIMIT ?")) {
            ps.setLong(1, now);
            ps.setInt(2, limit);
            return rows(ps);
        }
    }

    static SettlementTotals totals(Connection c) throws SQLException {
        BigInteger escrowed = BigInteger.ZERO;
        BigInteger payout = BigInteger.ZERO;
        BigInteger gas = BigInteger.ZERO;
        BigInteger fee = BigInteger.ZERO;
        try (PreparedStatement ps = c.prepareStatement("SELECT amount, provider_payout, gas_subsidy, treasury_fee, state"
                + " FROM settlements"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                escrowed = escrowed.add(new BigInteger(rs.getString(1)));
                if (SettlementRecord.SETTLED.equals(rs.getString(5))) {
                    payout = payout.add(new BigInteger(rs.getString(2)));
                    gas = gas.add(new BigInteger(rs.getString(3)));
                    fee = fee.add(new BigInteger(rs.getString(4)));
                }
            }
        }
        return new SettlementTotals(escrowed, payout, gas, fee);
    }

    private static List<SettlementRecord> rows(PreparedStatement ps) throws SQLException {
        List<SettlementRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new SettlementRecord(rs.getString("task_id"), new BigInteger(rs.getString("on_chain_task_id")),
                        new BigInteger(rs.getString("amount")), felt(rs, "provider"), rs.getString("assign_tx"),
                        felt(rs, "result_hash"), felt(rs, "sig_r"), felt(rs, "sig_s"), rs.getString("state"),
                        rs.getString("claim_tx"), amount(rs, "provider_payout"), amount(rs, "gas_subsidy"),
                        amount(rs, "treasury_fee"), rs.getInt("attempts"), rs.getLong("next_attempt_at"),
                        rs.getString("last_error")));
            }
        }
        return out;
    }

    private static BigInteger felt(ResultSet rs, String column) throws SQLException {
        String v = rs.getString(column);
        return v == null ? null : Felts.parse(column, v);
    }

    private static BigInteger amount(ResultSet rs, String column) throws SQLException {
        String v = rs.getString(column);
        return v == null ? null : new BigInteger(v);
    }

    private static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }
}
