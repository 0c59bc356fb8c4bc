package io.smainer.protocol.stark.curve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smainer.protocol.stark.StarkSignature;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the fast engine on its own (no reference involved). */
class StarkEcdsaPropertiesTest {
    private static final BigInteger N = StarkCurve.N;
    private static final BigInteger TWO_251 = BigInteger.ONE.shiftLeft(251);

    private final FastStarkCrypto crypto = new FastStarkCrypto();

    @Provide
    Arbitrary<BigInteger> privateKeys() {
        return Arbitraries.bigIntegers().between(BigInteger.ONE, N.subtract(BigInteger.ONE));
    }

    @Provide
    Arbitrary<BigInteger> hashes() {
        return Arbitraries.bigIntegers().between(BigInteger.ONE, TWO_251.subtract(BigInteger.ONE));
    }

    @Property(tries = 300)
    void signThenVerify(@ForAll("privateKeys") BigInteger key, @ForAll("hashes") BigInteger hash) {
        StarkSignature sig = crypto.sign(key, hash);
        BigInteger publicKey = crypto.publicKey(key);
        assertThat(sig.r()).isPositive().isLessThan(TWO_251);
        assertThat(sig.s()).isPositive().isLessThan(N);
        assertThat(sig.s().modInverse(N)).isLessThan(TWO_251);
        assertThat(crypto.verify(publicKey, hash, sig.r(), sig.s())).isTrue();
        assertThat(crypto.verify(publicKey, hash, sig.r(), N.subtract(sig.s()))).as("x-only: −s verifies too").isTrue();
    }

    @Property(tries = 200)
    void signaturesAreDeterministic(@ForAll("privateKeys") BigInteger key, @ForAll("hashes") BigInteger hash) {
        assertThat(crypto.sign(key, hash)).isEqualTo(crypto.sign(key, hash));
    }

    @Property(tries = 200)
    void anyChangeBreaksTheSignature(@ForAll("privateKeys") BigInteger key, @ForAll("hashes") BigInteger hash,
                                     @ForAll("hashes") BigInteger otherHash, @ForAll("privateKeys") BigInteger otherKey) {
        StarkSignature sig = crypto.sign(key, hash);
        BigInteger publicKey = crypto.publicKey(key);
        if (!otherHash.equals(hash)) {
            assertThat(crypto.verify(publicKey, otherHash, sig.r(), sig.s())).isFalse();
        }
        if (!otherKey.equals(key) && !otherKey.equals(N.subtract(key))) {
            assertThat(crypto.verify(crypto.publicKey(otherKey), hash, sig.r(), sig.s())).isFalse();
        }
        assertThat(crypto.verify(publicKey, hash, sig.r().add(BigInteger.ONE), sig.s())).isFalse();
        assertThat(crypto.verify(publicKey, hash, sig.r(), sig.s().add(BigInteger.ONE))).isFalse();
    }

    @Property(tries = 200)
    void publicKeyDependsOnTheKeyModuloTheOrderUpToSign(@ForAll("privateKeys") BigInteger key) {
        assertThat(crypto.publicKey(N.subtract(key))).as("−k·G has the same x").isEqualTo(crypto.publicKey(key));
        BigInteger aliased = key.add(N);
        if (aliased.compareTo(StarkCurve.P) < 0) {
            assertThat(crypto.publicKey(aliased)).as("k + N, still a felt").isEqualTo(crypto.publicKey(key));
        }
    }

    @Provide
    Arbitrary<BigInteger> longKeys() {
        return Arbitraries.bigIntegers().between(BigInteger.ONE.shiftLeft(128), N.subtract(BigInteger.ONE));
    }

    @Property(tries = 100)
    void errorMessagesNeverCarryTheKey(@ForAll("longKeys") BigInteger key) {
        BigInteger tooBig = TWO_251.add(key);
        assertThatThrownBy(() -> crypto.sign(key, tooBig)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(key.toString(16)).hasMessageNotContaining(key.toString());
        BigInteger notAFelt = StarkCurve.P.add(key);
        assertThatThrownBy(() -> crypto.publicKey(notAFelt)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(notAFelt.toString(16)).hasMessageNotContaining(notAFelt.toString());
        assertThatThrownBy(() -> crypto.sign(notAFelt, BigInteger.ONE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(notAFelt.toString(16)).hasMessageNotContaining(notAFelt.toString());
    }

    @Property(tries = 200)
    void pedersenOnElementsIsTheHashChain(@ForAll("hashes") BigInteger a, @ForAll("hashes") BigInteger b) {
        BigInteger chain = crypto.pedersen(crypto.pedersen(crypto.pedersen(BigInteger.ZERO, a), b), BigInteger.TWO);
        assertThat(crypto.pedersenOnElements(a, b)).isEqualTo(chain);
    }
}
