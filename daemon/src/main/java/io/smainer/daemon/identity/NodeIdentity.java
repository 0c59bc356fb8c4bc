package io.smainer.daemon.identity;

import io.smainer.protocol.stark.Felts;
import io.smainer.protocol.stark.KeyRedaction;
import io.smainer.protocol.stark.StarkPrivateKey;
import java.math.BigInteger;

/** Who this node is: node id, account address (as configured, the exact string signed) and key. */
public record NodeIdentity(String nodeId, String accountAddress, StarkPrivateKey key) {

    public BigInteger accountFelt() {
        return Felts.parse("account_address", accountAddress);
    }

    public String publicKeyHex() {
        return Felts.toHex(key.publicKey());
    }

    @Override
    public String toString() {
        return "NodeIdentity[nodeId=" + nodeId + ", account=" + KeyRedaction.redact(accountAddress)
                + ", publicKey=" + KeyRedaction.redact(publicKeyHex()) + "]";
    }
}
