package io.smainer.relayer.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The writer's connection with its prepared statements kept: SQLite compiles SQL on every
 * {@code prepareStatement} and frees it on {@code close}, and the writer runs the same dozen statements
 * for every task, so compiling each once saves CPU on the busiest thread (docs/performance.md
 * "relayer-lite"). Writes keep the ordinary JDBC shape (try-with-resources): {@code close()} of a cached
 * statement clears its parameters and returns it to the cache. Confined to the writer thread.
 */
final class StatementCache implements InvocationHandler {
    /** Distinct SQL texts kept; the writer uses far fewer, this only bounds a mistake. */
    static final int MAX_IDLE = 128;

    private final Connection target;
    private final Map<String, PreparedStatement> idle = new HashMap<>();
    private final List<PreparedStatement> all = new ArrayList<>();

    private StatementCache(Connection target) {
        this.target = target;
    }

    static Connection wrap(Connection c) {
        return (Connection) Proxy.newProxyInstance(StatementCache.class.getClassLoader(), new Class<?>[] {Connection.class},
                new StatementCache(c));
    }

    @Override
    public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
        if (m.getName().equals("prepareStatement") && args != null && args.length == 1) {
            String sql = (String) args[0];
            PreparedStatement ps = idle.remove(sql);
            if (ps == null) {
                ps = target.prepareStatement(sql);
                all.add(ps);
            }
            return lease(sql, ps);
        }
        if (m.getName().equals("close") && (args == null || args.length == 0)) {
            for (PreparedStatement ps : all) {
                ps.close();
            }
            all.clear();
            idle.clear();
        }
        return call(m, target, args);
    }

    /** The statement as the caller sees it: {@code close()} hands it back instead of freeing it. */
    private PreparedStatement lease(String sql, PreparedStatement ps) {
        boolean[] returned = {false};
        return (PreparedStatement) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (p, m, args) -> {
                    if (m.getName().equals("close") && (args == null || args.length == 0)) {
                        if (!returned[0]) {
                            returned[0] = true;
                            giveBack(sql, ps);
                        }
                        return null;
                    }
                    if (m.getName().equals("isClosed") && (args == null || args.length == 0)) {
                        return returned[0] || ps.isClosed();
                    }
                    return call(m, ps, args);
                });
    }

    private void giveBack(String sql, PreparedStatement ps) throws SQLException {
        if (ps.isClosed()) {
            all.remove(ps);
            return;
        }
        ps.clearParameters();
        if (idle.size() < MAX_IDLE && !idle.containsKey(sql)) {
            idle.put(sql, ps);
        } else {
            all.remove(ps);
            ps.close();
        }
    }

    private static Object call(Method m, Object target, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
