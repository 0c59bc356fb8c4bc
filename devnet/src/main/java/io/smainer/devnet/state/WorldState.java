package io.smainer.devnet.state;

import java.math.BigInteger;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The devnet's committed state: which class each address runs, every contract's storage (named
 * slots such as {@code balances[0x444]}) and account nonces. Transactions write through a
 * {@link StateOverlay} and only reach this object when they commit.
 */
public final class WorldState {
    private final Map<BigInteger, BigInteger> classHashes = new TreeMap<>();
    private final Map<String, BigInteger> storage = new TreeMap<>();
    private final Map<BigInteger, BigInteger> nonces = new TreeMap<>();

    public Optional<BigInteger> classHashAt(BigInteger address) {
        return Optional.ofNullable(classHashes.get(address));
    }

    public void deploy(BigInteger address, BigInteger classHash) {
        if (classHashes.containsKey(address)) {
            throw new IllegalStateException("address 0x" + address.toString(16) + " is already deployed");
        }
        classHashes.put(address, classHash);
    }

    public BigInteger read(BigInteger address, String slot) {
        return storage.getOrDefault(key(address, slot), BigInteger.ZERO);
    }

    public void write(BigInteger address, String slot, BigInteger value) {
        putRaw(key(address, slot), value);
    }

    public BigInteger nonce(BigInteger address) {
        return nonces.getOrDefault(address, BigInteger.ZERO);
    }

    public void incrementNonce(BigInteger address) {
        nonces.put(address, nonce(address).add(BigInteger.ONE));
    }

    static String key(BigInteger address, String slot) {
        return "0x" + address.toString(16) + "/" + slot;
    }

    void putRaw(String key, BigInteger value) {
        if (value.signum() == 0) {
            storage.remove(key);
        } else {
            storage.put(key, value);
        }
    }

    // Persistence views (read-only) and loaders, used by the snapshot codec only.
    public Map<BigInteger, BigInteger> classHashes() {
        return Collections.unmodifiableMap(classHashes);
    }

    public Map<String, BigInteger> storage() {
        return Collections.unmodifiableMap(storage);
    }

    public Map<BigInteger, BigInteger> nonces() {
        return Collections.unmodifiableMap(nonces);
    }

    public void restore(Map<BigInteger, BigInteger> classes, Map<String, BigInteger> slots, Map<BigInteger, BigInteger> nonceMap) {
        classHashes.clear();
        classHashes.putAll(classes);
        storage.clear();
        slots.forEach(this::putRaw);
        nonces.clear();
        nonces.putAll(nonceMap);
    }
}
