package io.smainer.devnet.exec;

import io.smainer.devnet.state.StateOverlay;
import io.smainer.protocol.stark.StarkCrypto;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * What a native contract sees while one of its entry points runs: Cairo's
 * {@code get_caller_address()}, {@code get_contract_address()}, {@code get_block_timestamp()},
 * its own storage, {@code emit}, and calls to other contracts (dispatchers).
 */
public final class ExecutionContext {
    private final CallExecutor executor;
    private final StateOverlay overlay;
    private final BigInteger caller;
    private final BigInteger self;
    private final BlockContext block;

    ExecutionContext(CallExecutor executor, StateOverlay overlay, BigInteger caller, BigInteger self, BlockContext block) {
        this.executor = executor;
        this.overlay = overlay;
        this.caller = caller;
        this.self = self;
        this.block = block;
    }

    public BigInteger callerAddress() {
        return caller;
    }

    public BigInteger contractAddress() {
        return self;
    }

    public long blockTimestamp() {
        return block.timestamp();
    }

    public StarkCrypto crypto() {
        return executor.crypto();
    }

    public BigInteger read(String slot) {
        return overlay.read(self, slot);
    }

    public void write(String slot, BigInteger value) {
        overlay.write(self, slot, value);
    }

    /** Emits {@code keys = [selector(name), keyFields…]}, {@code data = dataFields}. */
    public void emit(String eventName, List<BigInteger> keyFields, List<BigInteger> dataFields) {
        List<BigInteger> keys = new ArrayList<>(keyFields.size() + 1);
        keys.add(Selectors.of(eventName));
        keys.addAll(keyFields);
        overlay.emit(new EmittedEvent(self, keys, dataFields));
    }

    /** A call to another contract with this contract as the caller; a panic there reverts everything. */
    public List<BigInteger> call(BigInteger to, String entryPoint, List<BigInteger> calldata) {
        return call(to, Selectors.of(entryPoint), calldata);
    }

    /** {@link #call(BigInteger, String, List)} by selector (the account's {@code __execute__}). */
    public List<BigInteger> call(BigInteger to, BigInteger selector, List<BigInteger> calldata) {
        return executor.call(overlay, self, to, selector, calldata, block);
    }
}
