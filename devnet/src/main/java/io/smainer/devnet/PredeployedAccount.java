package io.smainer.devnet;

import io.smainer.protocol.stark.Felts;
import io.smainer.protocol.stark.KeyRedaction;
import java.math.BigInteger;

/**
 * A predeployed devnet account with a key derived from the seed. The private key is a devnet
 * fixture (printed at start like starknet-devnet does) but still never appears in
 * {@link #toString()}, so it cannot leak through logs by accident.
 *
 * @param role {@code owner}, {@code relayer}, {@code treasury} or {@code user}
 */
public record PredeployedAccount(int index, String role, BigInteger address, BigInteger privateKey, BigInteger publicKey,
                                 BigInteger initialBalance) {

    public String addressHex() {
        return Felts.toHex(address);
    }

    /** The listing a devnet-mode app prints at start (devnet keys only; never call this outside devnet mode). */
    public String describeWithPrivateKey() {
        return String.format("Account #%d (%s)%n  address:     %s%n  private key: %s%n  public key:  %s%n  balance:     %s wei STRK",
                index, role, addressHex(), Felts.toHex(privateKey), Felts.toHex(publicKey), initialBalance);
    }

    @Override
    public String toString() {
        return "PredeployedAccount[#" + index + " " + role + " " + addressHex() + ", publicKey="
                + KeyRedaction.redact(Felts.toHex(publicKey)) + "]";
    }
}
