package io.smainer.chain;

import com.swmansion.starknet.account.Account;
import com.swmansion.starknet.data.types.Call;
import com.swmansion.starknet.data.types.Felt;
import com.swmansion.starknet.data.types.TransactionReceipt;
import com.swmansion.starknet.provider.Provider;
import com.swmansion.starknet.provider.exceptions.RequestFailedException;
import com.swmansion.starknet.provider.exceptions.RpcRequestFailedException;
import io.smainer.protocol.api.Tier;
import io.smainer.protocol.stark.StarkSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The escrow of PROTOCOL.md §4 through starknet-jvm: every write is a v3 invoke whose fee starknet-jvm
 * estimates (paid in STRK), followed by waiting for acceptance; every read is a {@code starknet_call}.
 * Errors come out as {@link ChainException} with a retry hint. Production builds the provider with lax
 * parsing ({@code new JsonRpcProvider(url, true)}) so a newer node's extra fields do not break us.
 */
public final class EscrowClient {
    private final Provider provider;
    private final Felt escrow;
    private final TransactionWaiter waiter;

    public EscrowClient(Provider provider, BigInteger escrowAddress, TransactionWaiter waiter) {
        this.provider = provider;
        this.escrow = new Felt(escrowAddress);
        this.waiter = waiter;
    }

    public BigInteger escrowAddress() {
        return escrow.getValue();
    }

    public Provider provider() {
        return provider;
    }

    // ---- writes (each waits for acceptance and returns the accepted receipt) ----

    /** {@code register_node(capability_tier, public_key)} from the provider's account. */
    public TransactionReceipt registerNode(Account provider, Tier tier, BigInteger publicKey) {
        return execute(provider, List.of(EscrowFunction.REGISTER_NODE.call(escrow, BigInteger.valueOf(tier.onChain()), publicKey)));
    }

    /**
     * {@code approve} + {@code create_task} in one multicall from the demander's account.
     *
     * @return the new task id, read from the escrow's {@code TaskCreated} event in the receipt
     */
    public BigInteger createTask(Account demander, BigInteger token, BigInteger amount, BigInteger taskHash) {
        Call approve = EscrowFunction.ERC20_APPROVE.call(new Felt(token), escrow.getValue(), amount);
        Call create = EscrowFunction.CREATE_TASK.call(escrow, token, amount, taskHash);
        TransactionReceipt receipt = execute(demander, List.of(approve, create));
        return eventsOf(receipt, EscrowEventType.TASK_CREATED).stream().findFirst()
                .map(e -> e.get("task_id"))
                .orElseThrow(() -> new ChainException(ChainException.Kind.BAD_RESPONSE,
                        "create_task accepted in " + receipt.getHash().hexString() + " but no TaskCreated event from escrow "
                                + escrow.hexString()));
    }

    /** {@code assign_task} by the relayer; several at once in one multicall. */
    public TransactionReceipt assignTasks(Account relayer, List<Assignment> assignments) {
        List<Call> calls = assignments.stream()
                .map(a -> EscrowFunction.ASSIGN_TASK.call(escrow, a.taskId(), a.provider())).toList();
        return execute(relayer, calls);
    }

    /** One {@code assign_task} argument pair. */
    public record Assignment(BigInteger taskId, BigInteger provider) {}

    /** {@code submit_proof_and_claim} by the relayer with the provider's signature over message_hash. */
    public TransactionReceipt submitProofAndClaim(Account relayer, BigInteger taskId, BigInteger resultHash, StarkSignature sig) {
        return execute(relayer, List.of(EscrowFunction.SUBMIT_PROOF_AND_CLAIM.call(escrow, taskId, resultHash, sig.r(), sig.s())));
    }

    public TransactionReceipt cancelTask(Account creator, BigInteger taskId) {
        return execute(creator, List.of(EscrowFunction.CANCEL_TASK.call(escrow, taskId)));
    }

    public TransactionReceipt refundExpired(Account creator, BigInteger taskId) {
        return execute(creator, List.of(EscrowFunction.REFUND_EXPIRED.call(escrow, taskId)));
    }

    private TransactionReceipt execute(Account account, List<Call> calls) {
        Felt hash = rpc(() -> account.executeV3(calls).send().getTransactionHash(), "invoke");
        return waiter.awaitAccepted(hash);
    }

    // ---- reads ----

    public EscrowTask getTask(BigInteger taskId) {
        List<Felt> out = call(EscrowFunction.GET_TASK.call(escrow, taskId));
        return EscrowTask.decode(taskId, new CairoSerde.Reader(out));
    }

    /** The task, or empty when the escrow has no such id (get_task reverts on unknown ids). */
    public Optional<EscrowTask> findTask(BigInteger taskId) {
        try {
            return Optional.of(getTask(taskId));
        } catch (ChainException e) {
            if (e.kind() == ChainException.Kind.RPC_ERROR && e.rpcCode() == 40) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public BigInteger getUserEarnings(BigInteger address) {
        return new CairoSerde.Reader(call(EscrowFunction.GET_USER_EARNINGS.call(escrow, address))).u256();
    }

    public EscrowNode getNode(BigInteger address) {
        CairoSerde.Reader r = new CairoSerde.Reader(call(EscrowFunction.GET_NODE.call(escrow, address)));
        return new EscrowNode(address, EscrowNode.Status.of(r.u8()), r.u8(), r.felt());
    }

    public boolean isTokenAllowed(BigInteger token) {
        return new CairoSerde.Reader(call(EscrowFunction.IS_TOKEN_ALLOWED.call(escrow, token))).bool();
    }

    public BigInteger balanceOf(BigInteger token, BigInteger owner) {
        return new CairoSerde.Reader(call(EscrowFunction.ERC20_BALANCE_OF.call(new Felt(token), owner))).u256();
    }

    private List<Felt> call(Call call) {
        return rpc(() -> provider.callContract(call).send(), "call");
    }

    /** Escrow events of one type in an accepted receipt. */
    public List<ChainEvent> eventsOf(TransactionReceipt receipt, EscrowEventType type) {
        return receipt.getEvents().stream()
                .map(e -> ChainEvent.decode(e.getAddress(), e.getKeys(), e.getData(), receipt.getHash(), receipt.getBlockNumber()))
                .flatMap(Optional::stream)
                .filter(e -> e.type() == type && e.contract().equals(escrow.getValue()))
                .toList();
    }

    // ---- error translation (the one place starknet-jvm exceptions become ChainException) ----

    static <T> T rpc(Supplier<T> request, String what) {
        try {
            return request.get();
        } catch (Exception e) { // starknet-jvm (Kotlin) also throws undeclared checked IOExceptions
            throw translate(e, what);
        }
    }

    static ChainException translate(Exception e, String what) {
        if (e instanceof ChainException c) {
            return c;
        }
        if (e instanceof RpcRequestFailedException r) {
            return new ChainException(ChainException.Kind.RPC_ERROR, r.getCode(),
                    what + " failed: RPC error " + r.getCode() + " " + r.getMessage() + dataOf(r.getData()), e);
        }
        if (e instanceof RequestFailedException || causedByIo(e)) {
            return new ChainException(ChainException.Kind.UNAVAILABLE, 0,
                    what + " failed: Starknet RPC unreachable or answered badly (" + e.getMessage() + ")", e);
        }
        return new ChainException(ChainException.Kind.BAD_RESPONSE, 0, what + " failed: " + e, e);
    }

    private static boolean causedByIo(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof UncheckedIOException) {
                return true;
            }
        }
        return false;
    }

    private static String dataOf(String data) {
        return data == null || data.isEmpty() ? "" : " (" + io.smainer.protocol.Limits.clip(data, 300) + ")";
    }
}
