package io.smainer.chain;

import io.smainer.protocol.api.Tier;
import java.math.BigInteger;

/** {@code get_node}: a provider's on-chain registration. */
public record EscrowNode(BigInteger address, Status status, int tier, BigInteger publicKey) {

    /** Node statuses; the ordinal is the on-chain u8. */
    public enum Status {
        INACTIVE, ACTIVE, SUSPENDED;

        public static Status of(int value) {
            if (value < 0 || value >= values().length) {
                throw new ChainException(ChainException.Kind.BAD_RESPONSE, "unknown node status " + value);
            }
            return values()[value];
        }
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    /** The tier, or null when the node never registered (tier 0). */
    public Tier tierOrNull() {
        return tier == 0 ? null : Tier.fromOnChain(tier);
    }
}
