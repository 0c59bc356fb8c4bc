package io.smainer.e2e;

import com.swmansion.starknet.account.Account;
import com.swmansion.starknet.data.types.Call;
import com.swmansion.starknet.data.types.Felt;
import com.swmansion.starknet.data.types.TransactionReceipt;
import io.smainer.chain.ChainEvent;
import io.smainer.chain.EscrowClient;
import io.smainer.chain.EscrowEventType;
import io.smainer.chain.EscrowFunction;
import io.smainer.chain.StarknetNetwork;
import io.smainer.chain.TransactionWaiter;
import io.smainer.protocol.stark.Felts;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A demander's escrow operations on many tasks at once, one multicall each (PROTOCOL.md §4): paying (a single
 * {@code approve} of the batch's total and one {@code create_task} per task, so hundreds of escrows cost a handful of
 * blocks; the ids come from the receipt's {@code TaskCreated} events, matched by {@code task_hash}), and taking the
 * money back ({@code cancel_task}, {@code refund_expired}).
 */
public final class EscrowBatch {
    private final StarknetNetwork network;
    private final Account demander;

    public EscrowBatch(StarknetNetwork network, Keys.Provider demander) {
        this.network = network;
        var rpc = network.provider();
        this.demander = network.account(rpc, demander.address(), demander.key());
    }

    /**
     * Escrows {@code amount} for each of {@code taskHashes} (distinct), {@code perTx} per transaction.
     *
     * @return the escrow id of each task hash, in the same order
     */
    public List<BigInteger> create(BigInteger amount, List<BigInteger> taskHashes, int perTx) {
        List<BigInteger> ids = new ArrayList<>(taskHashes.size());
        for (int from = 0; from < taskHashes.size(); from += perTx) {
            ids.addAll(createOne(amount, taskHashes.subList(from, Math.min(taskHashes.size(), from + perTx))));
        }
        return ids;
    }

    /** {@code cancel_task} of each escrow (creator, still CREATED), in one transaction; returns its receipt. */
    public TransactionReceipt cancel(List<BigInteger> escrowIds) {
        return execute(escrowIds.stream().map(id -> EscrowFunction.CANCEL_TASK.call(new Felt(network.escrow()), id)).toList());
    }

    /** {@code refund_expired} of each escrow (creator, ASSIGNED past its deadline), in one transaction. */
    public TransactionReceipt refundExpired(List<BigInteger> escrowIds) {
        return execute(escrowIds.stream().map(id -> EscrowFunction.REFUND_EXPIRED.call(new Felt(network.escrow()), id)).toList());
    }

    private TransactionReceipt execute(List<Call> calls) {
        Felt tx = demander.executeV3(calls).send().getTransactionHash();
        return TransactionWaiter.standard(network.provider()).awaitAccepted(tx);
    }

    private List<BigInteger> createOne(BigInteger amount, List<BigInteger> hashes) {
        Felt escrow = new Felt(network.escrow());
        List<Call> calls = new ArrayList<>();
        calls.add(EscrowFunction.ERC20_APPROVE.call(new Felt(network.strk()), network.escrow(),
                amount.multiply(BigInteger.valueOf(hashes.size()))));
        for (BigInteger h : hashes) {
            calls.add(EscrowFunction.CREATE_TASK.call(escrow, network.strk(), amount, h));
        }
        TransactionReceipt receipt = execute(calls);
        var rpc = network.provider();
        List<ChainEvent> created = new EscrowClient(rpc, network.escrow(), TransactionWaiter.standard(rpc))
                .eventsOf(receipt, EscrowEventType.TASK_CREATED);
        List<BigInteger> ids = new ArrayList<>();
        for (BigInteger h : hashes) {
            List<BigInteger> match = created.stream().filter(e -> e.get("task_hash").equals(h)).map(e -> e.get("task_id")).toList();
            if (match.size() != 1) {
                throw new IllegalStateException(match.size() + " TaskCreated events for task hash " + Felts.toHex(h) + " in "
                        + receipt.getHash().hexString());
            }
            ids.add(match.get(0));
        }
        return ids;
    }
}
