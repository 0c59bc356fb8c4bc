package io.smainer.devnet.contracts;

import static io.smainer.devnet.exec.CairoSerde.bool;
import static io.smainer.devnet.exec.CairoSerde.u256;

import io.smainer.devnet.contracts.EscrowStorage.NodeRecord;
import io.smainer.devnet.contracts.EscrowStorage.TaskRecord;
import io.smainer.devnet.exec.CairoSerde;
import io.smainer.devnet.exec.CalldataReader;
import io.smainer.devnet.exec.ContractRevert;
import io.smainer.devnet.exec.ExecutionContext;
import io.smainer.devnet.exec.NativeContract;
import io.smainer.protocol.stark.FeeSplit;
import io.smainer.protocol.stark.Felts;
import io.smainer.protocol.stark.ResultProof;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The escrow, mirroring {@code SmainerEscrow} in contracts/src/escrow.cairo check by check and in
 * the same order (the order decides which error a bad call reports). Every method names its Cairo
 * counterpart; contracts/scenarios/*.json pins both implementations (EscrowScenarioTableTest).
 * Selectors, calldata and event layouts follow the compiled ABI (contracts/target/escrow.abi.json,
 * checked by EscrowAbiConformanceTest).
 */
public final class SmainerEscrow implements NativeContract {
    public static final BigInteger CLASS_HASH = NativeClassHashes.of("smainer-devnet/escrow/1");

    // escrow.cairo `mod TaskStatus` / `mod NodeStatus` / `mod Tier`.
    public static final int CREATED = 0;
    public static final int ASSIGNED = 1;
    public static final int COMPLETED = 2;
    public static final int CANCELLED = 3;
    public static final int SETTLED = 4;
    public static final int REFUNDED = 5;
    public static final int NODE_INACTIVE = 0;
    public static final int NODE_ACTIVE = 1;
    public static final int NODE_SUSPENDED = 2;
    static final int TIER_BASIC = 1;
    static final int TIER_PREMIUM = 3;
    /** escrow.cairo {@code DEFAULT_CLAIM_WINDOW} and {@code MAX_CLAIM_WINDOW}. */
    public static final long DEFAULT_CLAIM_WINDOW = 86_400;
    public static final long MAX_CLAIM_WINDOW = 2_592_000;

    private static final List<String> ENTRY_POINTS = List.of(
            // IEscrow
            "register_node", "create_task", "assign_task", "submit_proof_and_claim", "cancel_task", "refund_expired",
            "get_task", "get_user_earnings", "get_node", "get_message_hash", "is_message_used", "get_task_count",
            "get_relayer", "get_treasury", "get_claim_window", "is_token_allowed",
            // IEscrowAdmin
            "set_relayer", "set_treasury", "set_token_allowed", "set_claim_window", "suspend_node", "reinstate_node",
            "pause", "unpause", "upgrade",
            // IOwnable, IPausable (OZ components embedded with #[abi(embed_v0)])
            "owner", "transfer_ownership", "renounce_ownership", "is_paused");

    @Override
    public BigInteger classHash() {
        return CLASS_HASH;
    }

    @Override
    public List<String> entryPoints() {
        return ENTRY_POINTS;
    }

    @Override
    public List<BigInteger> execute(ExecutionContext ctx, String entryPoint, List<BigInteger> calldata) {
        CalldataReader in = new CalldataReader(calldata);
        EscrowLogic escrow = new EscrowLogic(ctx);
        switch (entryPoint) {
            case "register_node": {
                int tier = in.u8();
                BigInteger publicKey = in.felt();
                in.end();
                escrow.registerNode(tier, publicKey);
                return List.of();
            }
            case "create_task": {
                BigInteger token = in.address();
                BigInteger amount = in.u256();
                BigInteger taskHash = in.felt();
                in.end();
                return u256(escrow.createTask(token, amount, taskHash));
            }
            case "assign_task": {
                BigInteger taskId = in.u256();
                BigInteger provider = in.address();
                in.end();
                escrow.assignTask(taskId, provider);
                return List.of();
            }
            case "submit_proof_and_claim": {
                BigInteger taskId = in.u256();
                BigInteger resultHash = in.felt();
                BigInteger r = in.felt();
                BigInteger s = in.felt();
                in.end();
                escrow.submitProofAndClaim(taskId, resultHash, r, s);
                return List.of();
            }
            case "cancel_task": {
                BigInteger taskId = in.u256();
                in.end();
                escrow.cancelTask(taskId);
                return List.of();
            }
            case "refund_expired": {
                BigInteger taskId = in.u256();
                in.end();
                escrow.refundExpired(taskId);
                return List.of();
            }
            default:
                return executeViewOrAdmin(escrow, entryPoint, in);
        }
    }

    private static List<BigInteger> executeViewOrAdmin(EscrowLogic escrow, String entryPoint, CalldataReader in) {
        switch (entryPoint) {
            case "get_task": {
                BigInteger taskId = in.u256();
                in.end();
                return escrow.getTask(taskId);
            }
            case "get_user_earnings": {
                BigInteger user = in.address();
                in.end();
                return u256(escrow.storage().earnings(user));
            }
            case "get_node": {
                BigInteger node = in.address();
                in.end();
                NodeRecord record = escrow.storage().node(node);
                return List.of(BigInteger.valueOf(record.status()), BigInteger.valueOf(record.tier()), record.publicKey());
            }
            case "get_message_hash": {
                BigInteger taskId = in.u256();
                BigInteger provider = in.address();
                BigInteger resultHash = in.felt();
                in.end();
                return List.of(escrow.resultMessageHash(taskId, provider, resultHash));
            }
            case "is_message_used": {
                BigInteger hash = in.felt();
                in.end();
                return List.of(bool(escrow.storage().usedMessage(hash)));
            }
            case "get_task_count": in.end(); return u256(escrow.storage().felt("task_count"));
            case "get_relayer": in.end(); return List.of(escrow.storage().felt("relayer"));
            case "get_treasury": in.end(); return List.of(escrow.storage().felt("treasury"));
            case "get_claim_window": in.end(); return List.of(escrow.storage().felt("claim_window"));
            case "is_token_allowed": {
                BigInteger token = in.address();
                in.end();
                return List.of(bool(escrow.storage().allowedToken(token)));
            }
            case "owner": in.end(); return List.of(escrow.storage().felt("Ownable_owner"));
            case "is_paused": in.end(); return List.of(bool(escrow.storage().flag("Pausable_paused")));
            default:
                return executeAdmin(escrow, entryPoint, in);
        }
    }

    private static List<BigInteger> executeAdmin(EscrowLogic escrow, String entryPoint, CalldataReader in) {
        EscrowAdmin admin = new EscrowAdmin(escrow);
        switch (entryPoint) {
            case "set_relayer": { BigInteger a = in.address(); in.end(); admin.setRelayer(a); break; }
            case "set_treasury": { BigInteger a = in.address(); in.end(); admin.setTreasury(a); break; }
            case "set_token_allowed": {
                BigInteger token = in.address();
                boolean allowed = in.bool();
                in.end();
                admin.setTokenAllowed(token, allowed);
                break;
            }
            case "set_claim_window": { long w = in.u64(); in.end(); admin.setClaimWindow(w); break; }
            case "suspend_node": { BigInteger n = in.address(); in.end(); admin.suspendNode(n); break; }
            case "reinstate_node": { BigInteger n = in.address(); in.end(); admin.reinstateNode(n); break; }
            case "pause": in.end(); admin.pause(); break;
            case "unpause": in.end(); admin.unpause(); break;
            case "upgrade": { BigInteger h = in.felt(); in.end(); admin.upgrade(h); break; }
            case "transfer_ownership": { BigInteger o = in.address(); in.end(); admin.transferOwnership(o); break; }
            case "renounce_ownership": in.end(); admin.renounceOwnership(); break;
            default:
                throw new IllegalStateException("entry point " + entryPoint + " is listed but not dispatched");
        }
        return List.of();
    }

    /**
     * escrow.cairo {@code constructor(owner, relayer, treasury, allowed_tokens)}. Runs once, when the
     * devnet deploys the escrow.
     */
    public static void construct(ExecutionContext ctx, BigInteger owner, BigInteger relayer, BigInteger treasury,
                                 List<BigInteger> allowedTokens) {
        EscrowLogic escrow = new EscrowLogic(ctx);
        escrow.ownableInitializer(owner);
        escrow.setRelayerInternal(relayer);
        escrow.setTreasuryInternal(treasury);
        escrow.storage().felt("claim_window", BigInteger.valueOf(DEFAULT_CLAIM_WINDOW));
        for (BigInteger token : allowedTokens) {
            escrow.setTokenAllowedInternal(token, true);
        }
    }

    /** The Task struct of {@code get_task}, ABI field order. */
    static List<BigInteger> serializeTask(TaskRecord t, int status) {
        List<BigInteger> out = new ArrayList<>(12);
        out.add(t.creator());
        out.add(t.provider());
        out.add(t.token());
        out.addAll(u256(t.amount()));
        out.add(BigInteger.valueOf(status));
        out.add(t.taskHash());
        out.add(t.resultHash());
        out.add(BigInteger.valueOf(t.createdAt()));
        out.add(BigInteger.valueOf(t.assignedAt()));
        out.add(BigInteger.valueOf(t.completedAt()));
        out.add(BigInteger.valueOf(t.deadline()));
        return out;
    }

    /** escrow.cairo {@code fee_split}: (provider_payout, gas_subsidy, treasury_fee); protocol's FeeSplit is the same floor. */
    static FeeSplit feeSplit(BigInteger amount) {
        return FeeSplit.of(amount);
    }

    /** escrow.cairo {@code result_message_hash}. */
    static BigInteger resultMessageHash(ExecutionContext ctx, BigInteger taskId, BigInteger provider, BigInteger resultHash) {
        if (!Felts.isFelt(taskId)) {
            throw new ContractRevert("task id exceeds felt252");
        }
        return new ResultProof(ctx.crypto()).messageHash(taskId, provider, resultHash);
    }

    static String hex(BigInteger v) {
        return CairoSerde.hex(v);
    }
}
