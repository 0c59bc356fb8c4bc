package io.smainer.chain;

import com.swmansion.starknet.data.types.EmittedEvent;
import com.swmansion.starknet.data.types.Felt;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One decoded event: its type, the emitting contract, its members by name, and where it happened. */
public record ChainEvent(EscrowEventType type, BigInteger contract, Map<String, BigInteger> values,
                         BigInteger transactionHash, Integer blockNumber) {

    public ChainEvent {
        values = Map.copyOf(values);
    }

    public BigInteger get(String member) {
        BigInteger v = values.get(member);
        if (v == null) {
            throw new IllegalArgumentException(type.eventName() + " has no member " + member);
        }
        return v;
    }

    /** Decodes an emitted event, or empty when it is not one of {@link EscrowEventType}. */
    public static Optional<ChainEvent> decode(EmittedEvent e) {
        return decode(e.getAddress(), e.getKeys(), e.getData(), e.getTransactionHash(), e.getBlockNumber());
    }

    public static Optional<ChainEvent> decode(Felt address, List<Felt> keys, List<Felt> data, Felt txHash, Integer block) {
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        Optional<EscrowEventType> type = EscrowEventType.bySelector(keys.get(0));
        if (type.isEmpty()) {
            return Optional.empty();
        }
        CairoSerde.Reader k = new CairoSerde.Reader(keys.subList(1, keys.size()));
        CairoSerde.Reader d = new CairoSerde.Reader(data);
        Map<String, BigInteger> values = new LinkedHashMap<>();
        for (EscrowEventType.Member m : type.get().members()) {
            CairoSerde.Reader r = m.key() ? k : d;
            values.put(m.name(), m.type() == CairoType.U256 ? r.u256() : r.felt());
        }
        if (!k.done() || !d.done()) {
            return Optional.empty();
        }
        return Optional.of(new ChainEvent(type.get(), address.getValue(), values,
                txHash == null ? null : txHash.getValue(), block));
    }
}
