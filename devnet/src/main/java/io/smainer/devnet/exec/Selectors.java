package io.smainer.devnet.exec;

import com.swmansion.starknet.data.Selector;
import java.math.BigInteger;
import java.util.concurrent.ConcurrentHashMap;

/** {@code starknet_keccak(name)} via starknet-jvm's {@code selectorFromName}, memoised (names are few). */
public final class Selectors {
    private static final ConcurrentHashMap<String, BigInteger> CACHE = new ConcurrentHashMap<>();

    private Selectors() {}

    public static BigInteger of(String name) {
        return CACHE.computeIfAbsent(name, n -> Selector.selectorFromName(n).getValue());
    }
}
