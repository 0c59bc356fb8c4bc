package io.smainer.devnet.state;

import java.math.BigInteger;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The devnet's committed state: which class each address runs, every contract's storage (named
 * slots such as {@code balances[0x444]}) and account nonces. Transactions write through a
 * {@link StateOverlay} and only reach this object when they commit. Once {@link #trackChanges()} is
 * on, it remembers which keys changed so persistence can write only those ({@link #drainChanges()}).
 */
public final class WorldState {
    private final Map<BigInteger, BigInteger> classHashes = new TreeMap<>();
    private final Map<String, BigInteger> storage = new TreeMap<>();
    private final Map<BigInteger, BigInteger> nonces = new TreeMap<>();
    private final Set<BigInteger> changedClasses = new TreeSet<>();
    private final Set<String> changedSlots = new TreeSet<>();
    private final Set<BigInteger> changedNonces = new TreeSet<>();
    private boolean tracking;

    public Optional<BigInteger> classHashAt(BigInteger address) {
        return Optional.ofNullable(classHashes.get(address));
    }

    public void deploy(BigInteger address, BigInteger classHash) {
        if (classHashes.containsKey(address)) {
            throw new IllegalStateException("address 0x" + address.toString(16) + " is already deployed");
        }
        classHashes.put(address, classHash);
        if (tracking) {
            changedClasses.add(address);
        }
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
        if (tracking) {
            changedNonces.add(address);
        }
    }

    static String key(BigInteger address, String slot) {
        return "0x" + address.toString(16) + "/" + slot;
    }

    void putRaw(String key, BigInteger value) {
        putSlot(key, value);
        if (tracking) {
            changedSlots.add(key);
        }
    }

    private void putSlot(String key, BigInteger value) {
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
        slots.forEach(this::putSlot);
        nonces.clear();
        nonces.putAll(nonceMap);
        forgetChanges();
    }

    /** Replays persisted changes (journal restore); they do not count as new changes. */
    public void apply(StateChanges changes) {
        classHashes.putAll(changes.classes());
        changes.storage().forEach(this::putSlot);
        nonces.putAll(changes.nonces());
    }

    /** From now on remember changed keys (only a persisted devnet pays for this); forgets any so far. */
    public void trackChanges() {
        tracking = true;
        forgetChanges();
    }

    /** The current values of every key changed since the last drain, and forgets them. */
    public StateChanges drainChanges() {
        Map<BigInteger, BigInteger> classes = new TreeMap<>();
        changedClasses.forEach(a -> classes.put(a, classHashes.get(a)));
        Map<String, BigInteger> slots = new TreeMap<>();
        changedSlots.forEach(k -> slots.put(k, storage.getOrDefault(k, BigInteger.ZERO)));
        Map<BigInteger, BigInteger> nonceMap = new TreeMap<>();
        changedNonces.forEach(a -> nonceMap.put(a, nonces.get(a)));
        forgetChanges();
        return new StateChanges(classes, slots, nonceMap);
    }

    private void forgetChanges() {
        changedClasses.clear();
        changedSlots.clear();
        changedNonces.clear();
    }
}
