package io.smainer.devnet.chain;

import io.smainer.devnet.exec.EmittedEvent;
import java.math.BigInteger;
import java.util.List;

/**
 * What an accepted transaction left behind: the fee actually charged (FRI), SUCCEEDED or REVERTED
 * with its reason, and its events in emission order (the fee {@code Transfer} last, as on Starknet).
 */
public record Receipt(BigInteger transactionHash, BigInteger senderAddress, long blockNumber, int transactionIndex,
                      BigInteger actualFee, String revertReason, List<EmittedEvent> events, ResourceUsage usage) {
    public Receipt {
        events = List.copyOf(events);
    }

    public boolean reverted() {
        return revertReason != null;
    }
}
