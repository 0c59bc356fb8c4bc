package io.smainer.devnet.contracts;

import static io.smainer.devnet.exec.CairoSerde.u256;

import io.smainer.devnet.contracts.EscrowStorage.NodeRecord;
import io.smainer.devnet.contracts.EscrowStorage.TaskRecord;
import io.smainer.devnet.exec.CairoSerde;
import io.smainer.devnet.exec.ContractRevert;
import io.smainer.devnet.exec.ExecutionContext;
import io.smainer.protocol.stark.FeeSplit;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code impl EscrowImpl of IEscrow} and {@code impl InternalImpl} of escrow.cairo, plus the OZ
 * component internals it uses (Ownable, Pausable, ReentrancyGuard). One instance per entry-point call.
 */
final class EscrowLogic {
    // escrow.cairo `mod Errors` and the OZ component errors: scenarios match on these strings.
    static final String NOT_RELAYER = "caller is not the relayer";
    static final String NOT_CREATOR = "caller is not the creator";
    static final String TASK_NOT_FOUND = "task not found";
    static final String TASK_NOT_CREATED = "task not in CREATED state";
    static final String TASK_NOT_ASSIGNED = "task not in ASSIGNED state";
    static final String CLAIM_WINDOW_EXPIRED = "claim window expired";
    static final String CLAIM_WINDOW_OPEN = "claim window not expired";
    static final String SIGNATURE_USED = "signature already used";
    static final String INVALID_SIGNATURE = "invalid signature";
    static final String TOKEN_NOT_ALLOWED = "token not allowed";
    static final String ZERO_AMOUNT = "amount is zero";
    static final String PROVIDER_NOT_ACTIVE = "provider not active";
    static final String NODE_SUSPENDED = "node is suspended";
    static final String INVALID_TIER = "invalid capability tier";
    static final String INVALID_PUBLIC_KEY = "invalid public key";
    static final String ZERO_ADDRESS = "zero address";
    static final String TRANSFER_FAILED = "token transfer failed";
    static final String NOT_OWNER = "Caller is not the owner";
    static final String ZERO_ADDRESS_CALLER = "Caller is the zero address";
    static final String ZERO_ADDRESS_OWNER = "New owner is the zero address";
    static final String PAUSED = "Pausable: paused";
    static final String NOT_PAUSED = "Pausable: not paused";
    static final String REENTRANT_CALL = "ReentrancyGuard: reentrant call";

    private final ExecutionContext ctx;
    private final EscrowStorage storage;

    EscrowLogic(ExecutionContext ctx) {
        this.ctx = ctx;
        this.storage = new EscrowStorage(ctx);
    }

    ExecutionContext ctx() {
        return ctx;
    }

    EscrowStorage storage() {
        return storage;
    }

    /** escrow.cairo {@code register_node}: tier 1..=3, key ≠ 0, caller not SUSPENDED; not blocked by a pause. */
    void registerNode(int capabilityTier, BigInteger publicKey) {
        BigInteger caller = ctx.callerAddress();
        check(capabilityTier >= SmainerEscrow.TIER_BASIC && capabilityTier <= SmainerEscrow.TIER_PREMIUM, INVALID_TIER);
        check(publicKey.signum() != 0, INVALID_PUBLIC_KEY);
        NodeRecord node = storage.node(caller);
        check(node.status() != SmainerEscrow.NODE_SUSPENDED, NODE_SUSPENDED);
        storage.node(caller, new NodeRecord(SmainerEscrow.NODE_ACTIVE, capabilityTier, publicKey));
        ctx.emit("NodeRegistered", List.of(caller), List.of(BigInteger.valueOf(capabilityTier), publicKey));
    }

    /** escrow.cairo {@code create_task}: record first, then {@code transfer_from} (checks-effects-interactions). */
    BigInteger createTask(BigInteger token, BigInteger amount, BigInteger taskHash) {
        assertNotPaused();
        reentrancyStart();
        BigInteger creator = ctx.callerAddress();
        check(storage.allowedToken(token), TOKEN_NOT_ALLOWED);
        check(amount.signum() != 0, ZERO_AMOUNT);

        BigInteger taskId = u256Add(storage.felt("task_count"), BigInteger.ONE);
        storage.felt("task_count", taskId);
        long now = ctx.blockTimestamp();
        storage.task(taskId, new TaskRecord(creator, BigInteger.ZERO, token, amount, taskHash, BigInteger.ZERO,
                now, 0, 0, 0));
        storage.taskStatus(taskId, SmainerEscrow.CREATED);
        ctx.emit("TaskCreated", concat(u256(taskId), List.of(creator)), concat(List.of(token), u256(amount), List.of(taskHash)));

        boolean pulled = isTrue(ctx.call(token, "transfer_from",
                concat(List.of(creator, ctx.contractAddress()), u256(amount))));
        check(pulled, TRANSFER_FAILED);
        reentrancyEnd();
        return taskId;
    }

    /** escrow.cairo {@code assign_task}: relayer, not paused, task exists and CREATED, provider ACTIVE. */
    void assignTask(BigInteger taskId, BigInteger provider) {
        assertOnlyRelayer();
        assertNotPaused();
        TaskRecord task = readTask(taskId);
        check(storage.taskStatus(taskId) == SmainerEscrow.CREATED, TASK_NOT_CREATED);
        check(storage.node(provider).status() == SmainerEscrow.NODE_ACTIVE, PROVIDER_NOT_ACTIVE);

        long now = ctx.blockTimestamp();
        long deadline = u64Add(now, storage.felt("claim_window").longValueExact());
        storage.task(taskId, task.withAssignment(provider, now, deadline));
        storage.taskStatus(taskId, SmainerEscrow.ASSIGNED);
        ctx.emit("TaskAssigned", concat(u256(taskId), List.of(provider)),
                List.of(BigInteger.valueOf(now), BigInteger.valueOf(deadline)));
    }

    /**
     * escrow.cairo {@code submit_proof_and_claim}. Check order: relayer, not paused, task exists,
     * message unused, ASSIGNED, {@code now <= deadline}, signature under the registered key.
     */
    void submitProofAndClaim(BigInteger taskId, BigInteger resultHash, BigInteger sigR, BigInteger sigS) {
        assertOnlyRelayer();
        assertNotPaused();
        reentrancyStart();
        TaskRecord task = readTask(taskId);
        BigInteger messageHash = resultMessageHash(taskId, task.provider(), resultHash);
        check(!storage.usedMessage(messageHash), SIGNATURE_USED);
        check(storage.taskStatus(taskId) == SmainerEscrow.ASSIGNED, TASK_NOT_ASSIGNED);
        long now = ctx.blockTimestamp();
        check(now <= task.deadline(), CLAIM_WINDOW_EXPIRED);
        BigInteger publicKey = storage.node(task.provider()).publicKey();
        check(checkEcdsaSignature(messageHash, publicKey, sigR, sigS), INVALID_SIGNATURE);

        // Effects.
        FeeSplit split = SmainerEscrow.feeSplit(task.amount());
        BigInteger providerReceives = u256Add(split.providerPayout(), split.gasSubsidy());
        BigInteger treasury = storage.felt("treasury");
        storage.usedMessage(messageHash, true);
        TaskRecord completed = task.withCompletion(resultHash, now);
        storage.task(taskId, completed);
        storage.taskStatus(taskId, SmainerEscrow.COMPLETED);
        storage.earnings(task.provider(), u256Add(storage.earnings(task.provider()), providerReceives));
        List<BigInteger> keys = concat(u256(taskId), List.of(task.provider()));
        ctx.emit("TaskCompleted", keys, List.of(resultHash, messageHash, BigInteger.valueOf(now)));
        ctx.emit("PayoutReleased", keys,
                concat(List.of(task.token()), u256(split.providerPayout()), u256(split.gasSubsidy())));
        ctx.emit("FeeCollected", concat(u256(taskId), List.of(treasury)),
                concat(List.of(task.token()), u256(split.treasury())));

        // Interactions.
        pay(task.token(), task.provider(), providerReceives);
        pay(task.token(), treasury, split.treasury());
        reentrancyEnd();
    }

    /** escrow.cairo {@code cancel_task}: task exists, caller is creator, CREATED; never blocked by a pause. */
    void cancelTask(BigInteger taskId) {
        reentrancyStart();
        TaskRecord task = readTask(taskId);
        check(ctx.callerAddress().equals(task.creator()), NOT_CREATOR);
        check(storage.taskStatus(taskId) == SmainerEscrow.CREATED, TASK_NOT_CREATED);

        storage.taskStatus(taskId, SmainerEscrow.CANCELLED);
        ctx.emit("TaskCancelled", concat(u256(taskId), List.of(task.creator())),
                concat(List.of(task.token()), u256(task.amount())));
        pay(task.token(), task.creator(), task.amount());
        reentrancyEnd();
    }

    /** escrow.cairo {@code refund_expired}: exists, creator, ASSIGNED, {@code now > deadline}; never blocked by a pause. */
    void refundExpired(BigInteger taskId) {
        reentrancyStart();
        TaskRecord task = readTask(taskId);
        check(ctx.callerAddress().equals(task.creator()), NOT_CREATOR);
        check(storage.taskStatus(taskId) == SmainerEscrow.ASSIGNED, TASK_NOT_ASSIGNED);
        check(ctx.blockTimestamp() > task.deadline(), CLAIM_WINDOW_OPEN);

        storage.taskStatus(taskId, SmainerEscrow.REFUNDED);
        ctx.emit("TaskRefunded", concat(u256(taskId), List.of(task.creator())),
                concat(List.of(task.token()), u256(task.amount())));
        pay(task.token(), task.creator(), task.amount());
        reentrancyEnd();
    }

    /** escrow.cairo {@code get_task}. */
    List<BigInteger> getTask(BigInteger taskId) {
        TaskRecord record = readTask(taskId);
        return SmainerEscrow.serializeTask(record, storage.taskStatus(taskId));
    }

    BigInteger resultMessageHash(BigInteger taskId, BigInteger provider, BigInteger resultHash) {
        return SmainerEscrow.resultMessageHash(ctx, taskId, provider, resultHash);
    }

    // ---- InternalImpl ----

    /** {@code _assert_only_relayer}. */
    void assertOnlyRelayer() {
        check(ctx.callerAddress().equals(storage.felt("relayer")), NOT_RELAYER);
    }

    /** {@code _read_task}: {@code task_id != 0 && task_id <= task_count}. */
    TaskRecord readTask(BigInteger taskId) {
        check(taskId.signum() != 0 && taskId.compareTo(storage.felt("task_count")) <= 0, TASK_NOT_FOUND);
        return storage.task(taskId);
    }

    /** {@code _pay}: zero amounts are not transferred. */
    void pay(BigInteger token, BigInteger to, BigInteger amount) {
        if (amount.signum() == 0) {
            return;
        }
        boolean sent = isTrue(ctx.call(token, "transfer", concat(List.of(to), u256(amount))));
        check(sent, TRANSFER_FAILED);
    }

    /** {@code _set_relayer}. */
    void setRelayerInternal(BigInteger relayer) {
        check(relayer.signum() != 0, ZERO_ADDRESS);
        BigInteger previous = storage.felt("relayer");
        storage.felt("relayer", relayer);
        ctx.emit("RelayerChanged", List.of(), List.of(previous, relayer));
    }

    /** {@code _set_treasury}. */
    void setTreasuryInternal(BigInteger treasury) {
        check(treasury.signum() != 0, ZERO_ADDRESS);
        BigInteger previous = storage.felt("treasury");
        storage.felt("treasury", treasury);
        ctx.emit("TreasuryChanged", List.of(), List.of(previous, treasury));
    }

    /** {@code _set_token_allowed}. */
    void setTokenAllowedInternal(BigInteger token, boolean allowed) {
        check(token.signum() != 0, ZERO_ADDRESS);
        storage.allowedToken(token, allowed);
        ctx.emit("TokenAllowedChanged", List.of(token), List.of(CairoSerde.bool(allowed)));
    }

    // ---- OZ components ----

    /** {@code OwnableComponent::initializer}. */
    void ownableInitializer(BigInteger owner) {
        check(owner.signum() != 0, ZERO_ADDRESS_OWNER);
        transferOwnershipInternal(owner);
    }

    /** {@code OwnableComponent::assert_only_owner}. */
    void assertOnlyOwner() {
        BigInteger owner = storage.felt("Ownable_owner");
        BigInteger caller = ctx.callerAddress();
        check(caller.signum() != 0, ZERO_ADDRESS_CALLER);
        check(caller.equals(owner), NOT_OWNER);
    }

    /** {@code OwnableComponent::_transfer_ownership}. */
    void transferOwnershipInternal(BigInteger newOwner) {
        BigInteger previous = storage.felt("Ownable_owner");
        storage.felt("Ownable_owner", newOwner);
        ctx.emit("OwnershipTransferred", List.of(previous, newOwner), List.of());
    }

    /** {@code PausableComponent::assert_not_paused}. */
    void assertNotPaused() {
        check(!storage.flag("Pausable_paused"), PAUSED);
    }

    /** {@code ReentrancyGuardComponent::start}. */
    void reentrancyStart() {
        check(!storage.flag("ReentrancyGuard_entered"), REENTRANT_CALL);
        storage.flag("ReentrancyGuard_entered", true);
    }

    /** {@code ReentrancyGuardComponent::end}. */
    void reentrancyEnd() {
        storage.flag("ReentrancyGuard_entered", false);
    }

    /** Cairo's {@code core::ecdsa::check_ecdsa_signature}: false (never a panic) for bad input. */
    private boolean checkEcdsaSignature(BigInteger hash, BigInteger publicKey, BigInteger r, BigInteger s) {
        return ctx.crypto().verify(publicKey, hash, r, s);
    }

    static void check(boolean condition, String error) {
        if (!condition) {
            throw new ContractRevert(error);
        }
    }

    static BigInteger u256Add(BigInteger a, BigInteger b) {
        BigInteger sum = a.add(b);
        check(sum.compareTo(CairoSerde.U256_MAX) <= 0, "u256_add Overflow");
        return sum;
    }

    static long u64Add(long a, long b) {
        BigInteger sum = BigInteger.valueOf(a).add(BigInteger.valueOf(b));
        check(sum.compareTo(CairoSerde.U64_MAX) <= 0, "u64_add Overflow");
        return sum.longValue();
    }

    private static boolean isTrue(List<BigInteger> ret) {
        return ret.size() == 1 && ret.get(0).equals(BigInteger.ONE);
    }

    @SafeVarargs
    static List<BigInteger> concat(List<BigInteger>... parts) {
        List<BigInteger> out = new ArrayList<>();
        for (List<BigInteger> p : parts) {
            out.addAll(p);
        }
        return out;
    }
}
