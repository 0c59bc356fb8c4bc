package io.smainer.devnet.exec;

import io.smainer.devnet.state.StateOverlay;
import io.smainer.devnet.state.WorldState;
import io.smainer.protocol.stark.StarkCrypto;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Dispatches calls to the native contracts: address → class hash → {@link NativeContract}, selector →
 * entry point. Used by the RPC ({@code starknet_call}, the account's {@code __execute__}) and by the
 * scenario table alike, so both exercise the same code path.
 */
public final class CallExecutor {
    private final WorldState state;
    private final StarkCrypto crypto;
    private final Map<BigInteger, NativeContract> classes = new HashMap<>();
    private final Map<BigInteger, Map<BigInteger, String>> entryPointsByClass = new HashMap<>();

    public CallExecutor(WorldState state, StarkCrypto crypto, List<NativeContract> contractClasses) {
        this.state = state;
        this.crypto = crypto;
        for (NativeContract c : contractClasses) {
            classes.put(c.classHash(), c);
            Map<BigInteger, String> bySelector = new HashMap<>();
            for (String name : c.entryPoints()) {
                bySelector.put(Selectors.of(name), name);
            }
            entryPointsByClass.put(c.classHash(), bySelector);
        }
    }

    public WorldState state() {
        return state;
    }

    StarkCrypto crypto() {
        return crypto;
    }

    public Optional<NativeContract> contractAt(BigInteger address) {
        return state.classHashAt(address).map(classes::get);
    }

    /** Runs a call and commits its writes when it succeeds. */
    public CallOutcome invoke(BigInteger caller, BigInteger to, BigInteger selector, List<BigInteger> calldata, BlockContext block) {
        return run(caller, to, selector, calldata, block, true);
    }

    /** Runs a call and discards its writes either way (views, fee estimation). */
    public CallOutcome simulate(BigInteger caller, BigInteger to, BigInteger selector, List<BigInteger> calldata, BlockContext block) {
        return run(caller, to, selector, calldata, block, false);
    }

    /** Runs a call inside an existing overlay (a transaction); the caller decides whether to commit. */
    public List<BigInteger> call(StateOverlay overlay, BigInteger caller, BigInteger to, BigInteger selector,
                                 List<BigInteger> calldata, BlockContext block) {
        Optional<BigInteger> classHash = overlay.base().classHashAt(to);
        if (classHash.isEmpty()) {
            throw new ContractRevert("Requested contract address 0x" + to.toString(16) + " is not deployed.")
                    .at(to, selector);
        }
        NativeContract contract = classes.get(classHash.get());
        String entryPoint = entryPointsByClass.get(classHash.get()).get(selector);
        if (entryPoint == null) {
            throw new ContractRevert("ENTRYPOINT_NOT_FOUND").at(to, selector);
        }
        try {
            return contract.execute(new ExecutionContext(this, overlay, caller, to, block), entryPoint, calldata);
        } catch (ContractRevert e) {
            throw e.at(to, selector);
        }
    }

    /**
     * Runs devnet-internal code (constructors, the faucet's mint) as contract {@code self} called by
     * {@code caller}, inside {@code overlay}.
     */
    public void runAs(StateOverlay overlay, BigInteger self, BigInteger caller, BlockContext block,
                      java.util.function.Consumer<ExecutionContext> body) {
        body.accept(new ExecutionContext(this, overlay, caller, self, block));
    }

    private CallOutcome run(BigInteger caller, BigInteger to, BigInteger selector, List<BigInteger> calldata,
                            BlockContext block, boolean commit) {
        StateOverlay overlay = new StateOverlay(state);
        try {
            List<BigInteger> result = call(overlay, caller, to, selector, calldata, block);
            if (commit) {
                int writes = overlay.writeCount();
                overlay.commit();
                return new CallOutcome(result, overlay.events(), null, writes);
            }
            return new CallOutcome(result, overlay.events(), null, overlay.writeCount());
        } catch (ContractRevert e) {
            return new CallOutcome(List.of(), List.of(), e, 0);
        }
    }
}
