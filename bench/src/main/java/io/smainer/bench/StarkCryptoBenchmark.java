package io.smainer.bench;

import io.smainer.protocol.stark.StarkCrypto;
import io.smainer.protocol.stark.StarkCryptos;
import io.smainer.protocol.stark.StarkSignature;
import java.math.BigInteger;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The four Stark operations of the hot path, for our engine and starknet-jvm side by side in the
 * same JVM ({@code engine} parameter). Each invocation takes the next of 64 precomputed random
 * inputs, so no engine can profit from repeating one input.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StarkCryptoBenchmark {
    private static final int INPUTS = 64;
    private static final BigInteger N =
            new BigInteger("800000000000010ffffffffffffffffb781126dcae7b2321e66a241adc64d2f", 16);

    @Param({"fast", "starknet-jvm"})
    public String engine;

    private StarkCrypto crypto;
    private final BigInteger[] privateKeys = new BigInteger[INPUTS];
    private final BigInteger[] publicKeys = new BigInteger[INPUTS];
    private final BigInteger[] hashes = new BigInteger[INPUTS];
    private final StarkSignature[] signatures = new StarkSignature[INPUTS];
    private final BigInteger[] feltsA = new BigInteger[INPUTS];
    private final BigInteger[] feltsB = new BigInteger[INPUTS];
    private int next;

    @Setup
    public void setUp() {
        crypto = switch (engine) {
            case "fast" -> StarkCryptos.fast();
            case "starknet-jvm" -> StarkCryptos.reference();
            default -> throw new IllegalArgumentException("unknown engine " + engine);
        };
        StarkCrypto fast = StarkCryptos.fast();
        Random random = new Random(42);
        for (int i = 0; i < INPUTS; i++) {
            privateKeys[i] = new BigInteger(251, random).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
            hashes[i] = new BigInteger(251, random).setBit(0);
            publicKeys[i] = fast.publicKey(privateKeys[i]);
            signatures[i] = fast.sign(privateKeys[i], hashes[i]);
            feltsA[i] = new BigInteger(251, random);
            feltsB[i] = new BigInteger(251, random);
        }
    }

    private int nextIndex() {
        next = (next + 1) & (INPUTS - 1);
        return next;
    }

    @Benchmark
    public StarkSignature sign() {
        int i = nextIndex();
        return crypto.sign(privateKeys[i], hashes[i]);
    }

    @Benchmark
    public boolean verify() {
        int i = nextIndex();
        StarkSignature sig = signatures[i];
        return crypto.verify(publicKeys[i], hashes[i], sig.r(), sig.s());
    }

    @Benchmark
    public BigInteger pedersen() {
        int i = nextIndex();
        return crypto.pedersen(feltsA[i], feltsB[i]);
    }

    @Benchmark
    public BigInteger publicKey() {
        return crypto.publicKey(privateKeys[nextIndex()]);
    }
}
