package io.smainer.devnet.contracts;

import io.smainer.devnet.exec.CairoSerde;
import io.smainer.devnet.exec.ExecutionContext;
import java.math.BigInteger;

/**
 * Typed access to the escrow's storage, slot names as in the Cairo {@code Storage} struct of
 * {@code SmainerEscrow} (contracts/src/escrow.cairo): {@code tasks[id].field}, {@code task_status[id]},
 * {@code nodes[addr].field}, {@code earnings[addr]}, {@code used_messages[h]}, {@code allowed_tokens[t]},
 * plus the OZ component slots {@code Ownable_owner}, {@code Pausable_paused}, {@code ReentrancyGuard_entered}.
 */
final class EscrowStorage {
    private final ExecutionContext ctx;

    EscrowStorage(ExecutionContext ctx) {
        this.ctx = ctx;
    }

    /** {@code TaskRecord} in escrow.cairo (everything but the status). */
    record TaskRecord(BigInteger creator, BigInteger provider, BigInteger token, BigInteger amount,
                      BigInteger taskHash, BigInteger resultHash, long createdAt, long assignedAt,
                      long completedAt, long deadline) {
        TaskRecord withAssignment(BigInteger newProvider, long at, long newDeadline) {
            return new TaskRecord(creator, newProvider, token, amount, taskHash, resultHash, createdAt, at,
                    completedAt, newDeadline);
        }

        TaskRecord withCompletion(BigInteger newResultHash, long at) {
            return new TaskRecord(creator, provider, token, amount, taskHash, newResultHash, createdAt, assignedAt,
                    at, deadline);
        }
    }

    /** {@code NodeRecord} in escrow.cairo. */
    record NodeRecord(int status, int tier, BigInteger publicKey) {}

    BigInteger felt(String slot) {
        return ctx.read(slot);
    }

    void felt(String slot, BigInteger value) {
        ctx.write(slot, value);
    }

    boolean flag(String slot) {
        return ctx.read(slot).signum() != 0;
    }

    void flag(String slot, boolean value) {
        ctx.write(slot, CairoSerde.bool(value));
    }

    TaskRecord task(BigInteger id) {
        String p = "tasks[" + id + "].";
        return new TaskRecord(felt(p + "creator"), felt(p + "provider"), felt(p + "token"), felt(p + "amount"),
                felt(p + "task_hash"), felt(p + "result_hash"), felt(p + "created_at").longValueExact(),
                felt(p + "assigned_at").longValueExact(), felt(p + "completed_at").longValueExact(),
                felt(p + "deadline").longValueExact());
    }

    void task(BigInteger id, TaskRecord t) {
        String p = "tasks[" + id + "].";
        felt(p + "creator", t.creator());
        felt(p + "provider", t.provider());
        felt(p + "token", t.token());
        felt(p + "amount", t.amount());
        felt(p + "task_hash", t.taskHash());
        felt(p + "result_hash", t.resultHash());
        felt(p + "created_at", BigInteger.valueOf(t.createdAt()));
        felt(p + "assigned_at", BigInteger.valueOf(t.assignedAt()));
        felt(p + "completed_at", BigInteger.valueOf(t.completedAt()));
        felt(p + "deadline", BigInteger.valueOf(t.deadline()));
    }

    int taskStatus(BigInteger id) {
        return felt("task_status[" + id + "]").intValueExact();
    }

    void taskStatus(BigInteger id, int status) {
        felt("task_status[" + id + "]", BigInteger.valueOf(status));
    }

    NodeRecord node(BigInteger address) {
        String p = "nodes[" + CairoSerde.hex(address) + "].";
        return new NodeRecord(felt(p + "status").intValueExact(), felt(p + "tier").intValueExact(), felt(p + "public_key"));
    }

    void node(BigInteger address, NodeRecord n) {
        String p = "nodes[" + CairoSerde.hex(address) + "].";
        felt(p + "status", BigInteger.valueOf(n.status()));
        felt(p + "tier", BigInteger.valueOf(n.tier()));
        felt(p + "public_key", n.publicKey());
    }

    BigInteger earnings(BigInteger address) {
        return felt("earnings[" + CairoSerde.hex(address) + "]");
    }

    void earnings(BigInteger address, BigInteger value) {
        felt("earnings[" + CairoSerde.hex(address) + "]", value);
    }

    boolean usedMessage(BigInteger hash) {
        return flag("used_messages[" + CairoSerde.hex(hash) + "]");
    }

    void usedMessage(BigInteger hash, boolean used) {
        flag("used_messages[" + CairoSerde.hex(hash) + "]", used);
    }

    boolean allowedToken(BigInteger token) {
        return flag("allowed_tokens[" + CairoSerde.hex(token) + "]");
    }

    void allowedToken(BigInteger token, boolean allowed) {
        flag("allowed_tokens[" + CairoSerde.hex(token) + "]", allowed);
    }
}
