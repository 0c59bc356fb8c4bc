package io.smainer.chain;

import com.swmansion.starknet.data.types.AddressFilter;
import com.swmansion.starknet.data.types.BlockId;
import com.swmansion.starknet.data.types.BlockTag;
import com.swmansion.starknet.data.types.EmittedEvent;
import com.swmansion.starknet.data.types.Felt;
import com.swmansion.starknet.data.types.GetEventsPayload;
import com.swmansion.starknet.data.types.GetEventsResult;
import com.swmansion.starknet.data.types.TransactionReceipt;
import com.swmansion.starknet.provider.Provider;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads events through {@code starknet_getEvents}, following continuation tokens to the end. */
public final class EventLog {
    /** Page size asked of the node (nodes cap it; 1024 is a common maximum). */
    public static final int CHUNK_SIZE = 256;
    /** A guard against a node that keeps returning continuation tokens. */
    private static final int MAX_PAGES = 10_000;

    private final Provider provider;

    public EventLog(Provider provider) {
        this.provider = provider;
    }

    /**
     * All decoded events emitted by {@code contract} whose keys match {@code keys} (Starknet's filter:
     * position i matches any of keys[i]; an empty position matches anything), from block 0 to latest.
     */
    public List<ChainEvent> query(BigInteger contract, List<List<Felt>> keys) {
        List<ChainEvent> out = new ArrayList<>();
        String token = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            GetEventsPayload payload = new GetEventsPayload(new BlockId.Number(0), new BlockId.Tag(BlockTag.LATEST),
                    new AddressFilter.Single(new Felt(contract)), keys, CHUNK_SIZE, token);
            GetEventsResult result = EscrowClient.rpc(() -> provider.getEvents(payload).send(), "getEvents");
            for (EmittedEvent e : result.getEvents()) {
                ChainEvent.decode(e).ifPresent(out::add);
            }
            token = result.getContinuationToken();
            if (token == null || token.isEmpty()) {
                return out;
            }
        }
        throw new ChainException(ChainException.Kind.BAD_RESPONSE, "getEvents did not finish after " + MAX_PAGES + " pages");
    }

    /** Escrow events about one task: keys [selector, task_id.low, task_id.high, …]. */
    public List<ChainEvent> forTask(BigInteger escrow, BigInteger taskId) {
        List<Felt> idHalves = new ArrayList<>();
        CairoSerde.u256(idHalves, taskId);
        return query(escrow, List.of(List.of(), List.of(idHalves.get(0)), List.of(idHalves.get(1))));
    }

    /** Token {@code Transfer} events inside one transaction (corroboration of escrow events). */
    public List<ChainEvent> transfersIn(BigInteger txHash, BigInteger token) {
        TransactionReceipt receipt = EscrowClient.rpc(() -> provider.getTransactionReceipt(new Felt(txHash)).send(), "receipt");
        return receipt.getEvents().stream()
                .map(e -> ChainEvent.decode(e.getAddress(), e.getKeys(), e.getData(), receipt.getHash(), receipt.getBlockNumber()))
                .flatMap(Optional::stream)
                .filter(e -> e.type() == EscrowEventType.TRANSFER && e.contract().equals(token))
                .toList();
    }
}
