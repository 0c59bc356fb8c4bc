package io.smainer.relayer.testkit;

import io.smainer.protocol.stark.StarkCrypto;
import io.smainer.protocol.stark.StarkCryptos;
import io.smainer.protocol.stark.StarkPrivateKey;
import java.math.BigInteger;

/** The provider test key of the brief and the engine tests sign with. */
public final class TestKeys {
    public static final BigInteger PRIVATE = new BigInteger("0234567890abcdcd1234567890abcdefa332319cfadc698ad56711f5351f3391", 16);
    public static final String ADDRESS = "0x5a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
    public static final StarkCrypto CRYPTO = StarkCryptos.fast();
    public static final StarkPrivateKey KEY = StarkPrivateKey.of(PRIVATE, CRYPTO);
    /** A second, unrelated key: signatures with it must be refused. */
    public static final StarkPrivateKey OTHER_KEY = StarkPrivateKey.of(BigInteger.valueOf(0x1234567), CRYPTO);

    private TestKeys() {}
}
