package io.smainer.relayer.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Tables and connection settings of the SQLite store. The settings are the retention and durability
 * contract, so they live in one place:
 * <ul>
 *   <li>{@code journal_mode=WAL} + {@code synchronous=NORMAL}: a commit is in the WAL file (written,
 *       not fsynced) before its future completes, so a process crash ({@code kill -9}, OOM kill, JVM
 *       crash) loses no committed transaction — the operating system still holds the pages; only a
 *       power loss or kernel crash can lose the last commits (the WAL is fsynced at checkpoints). This is
 *       the documented guarantee (docs/relayer-lite.md "Store"); {@code synchronous=FULL} would add an
 *       fsync per group commit.</li>
 *   <li>{@code secure_delete=ON}: deleted cells and freed pages are overwritten with zeros, so a dropped
 *       payload does not linger in free space of the database file.</li>
 *   <li>{@code temp_store=MEMORY}: sorts never spill rows into temporary files.</li>
 * </ul>
 * The WAL still holds old page images until a checkpoint; {@link GroupCommitWriter} truncates it
 * after drops ({@code wal_checkpoint(TRUNCATE)}). The writer never checkpoints inside a commit
 * ({@code wal_autocheckpoint=0}): {@link WalCheckpointer} copies frames on its own connection.
 */
final class SqliteSchema {
    static final int VERSION = 1;

    private SqliteSchema() {}

    static void configure(Connection c, boolean writer) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=10000");
            s.execute("PRAGMA secure_delete=ON");
            s.execute("PRAGMA temp_store=MEMORY");
            if (writer) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA wal_autocheckpoint=0"); // WalCheckpointer does it off the commit path
                s.execute("PRAGMA foreign_keys=OFF");
            } else {
                s.execute("PRAGMA query_only=ON");
            }
        }
    }

    static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE IF NOT EXISTS tasks (
                      seq INTEGER PRIMARY KEY AUTOINCREMENT,
                      task_id TEXT NOT NULL UNIQUE,
                      status TEXT NOT NULL,
                      requirements TEXT NOT NULL,
                      token_amount TEXT NOT NULL,
                      on_chain_task_id TEXT UNIQUE,
                      description TEXT,
                      affiliate_address TEXT,
                      payload_hash TEXT NOT NULL,
                      callback_meta TEXT,
                      complete_url TEXT,
                      stream_url TEXT,
                      created_at INTEGER NOT NULL,
                      assigned_at INTEGER,
                      completed_at INTEGER,
                      assigned_node_id TEXT,
                      attempts INTEGER NOT NULL DEFAULT 0,
                      result BLOB,
                      result_hash TEXT,
                      error_message TEXT,
                      execution_time REAL,
                      final_event_id TEXT,
                      result_expires_at INTEGER,
                      settlement_status TEXT,
                      settlement_tx TEXT)""");
            s.execute("CREATE INDEX IF NOT EXISTS tasks_status ON tasks(status, seq)");
            s.execute("CREATE INDEX IF NOT EXISTS tasks_result_ttl ON tasks(result_expires_at) WHERE result IS NOT NULL");
            s.execute("CREATE TABLE IF NOT EXISTS payloads (task_id TEXT PRIMARY KEY, body BLOB NOT NULL)");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS outbox (
                      seq INTEGER PRIMARY KEY AUTOINCREMENT,
                      event_id TEXT NOT NULL UNIQUE,
                      task_id TEXT NOT NULL,
                      kind TEXT NOT NULL,
                      state TEXT NOT NULL,
                      attempts INTEGER NOT NULL,
                      next_attempt_at INTEGER NOT NULL)""");
            s.execute("CREATE INDEX IF NOT EXISTS outbox_task ON outbox(task_id)");
            s.execute("CREATE INDEX IF NOT EXISTS outbox_open ON outbox(state, seq)");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS callback_attempts (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      task_id TEXT NOT NULL,
                      event_id TEXT NOT NULL,
                      kind TEXT NOT NULL,
                      attempt INTEGER NOT NULL,
                      at INTEGER NOT NULL,
                      http_status INTEGER,
                      error TEXT,
                      next_retry_at INTEGER)""");
            s.execute("CREATE INDEX IF NOT EXISTS attempts_task ON callback_attempts(task_id, id)");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS auth_seen (
                      node_id TEXT NOT NULL,
                      ts TEXT NOT NULL,
                      expires_at INTEGER NOT NULL,
                      PRIMARY KEY (node_id, ts))""");
            s.execute("CREATE INDEX IF NOT EXISTS auth_seen_expiry ON auth_seen(expires_at)");
            s.execute(SqliteSettlements.TABLE);
            s.execute(SqliteSettlements.INDEX);
            s.execute("PRAGMA user_version=" + VERSION);
        }
    }
}
