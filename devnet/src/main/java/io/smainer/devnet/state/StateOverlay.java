package io.smainer.devnet.state;

import io.smainer.devnet.exec.EmittedEvent;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The writes and events of one transaction (or one view call) on top of the {@link WorldState}.
 * A revert discards the overlay — every call of a multicall with it — which is Starknet's
 * all-or-nothing transaction semantics; {@link #commit()} applies it.
 */
public final class StateOverlay {
    private final WorldState base;
    private final Map<String, BigInteger> writes = new HashMap<>();
    private final List<EmittedEvent> events = new ArrayList<>();

    public StateOverlay(WorldState base) {
        this.base = base;
    }

    public WorldState base() {
        return base;
    }

    public BigInteger read(BigInteger address, String slot) {
        BigInteger v = writes.get(WorldState.key(address, slot));
        return v != null ? v : base.read(address, slot);
    }

    public void write(BigInteger address, String slot, BigInteger value) {
        writes.put(WorldState.key(address, slot), value);
    }

    public void emit(EmittedEvent event) {
        events.add(event);
    }

    public List<EmittedEvent> events() {
        return List.copyOf(events);
    }

    public int writeCount() {
        return writes.size();
    }

    public void commit() {
        writes.forEach(base::putRaw);
        writes.clear();
    }
}
