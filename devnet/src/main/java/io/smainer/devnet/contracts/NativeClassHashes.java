package io.smainer.devnet.contracts;

import io.smainer.protocol.stark.Felts;
import java.math.BigInteger;

/**
 * Class hashes for the native classes: {@code sha256(utf8(label)) mod P}. They identify a Java
 * implementation, not a Sierra program, so they differ from any hash a real network computes.
 */
final class NativeClassHashes {
    private NativeClassHashes() {}

    static BigInteger of(String label) {
        return Felts.sha256ModP(label);
    }
}
