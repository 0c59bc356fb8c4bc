package io.smainer.devnet.exec;

import java.math.BigInteger;
import java.util.List;

/** The result of a top-level call: return data and events, or the revert that discarded them. */
public record CallOutcome(List<BigInteger> result, List<EmittedEvent> events, ContractRevert revert, int storageWrites) {
    public boolean succeeded() {
        return revert == null;
    }
}
