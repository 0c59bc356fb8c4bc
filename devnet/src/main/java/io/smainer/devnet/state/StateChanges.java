package io.smainer.devnet.state;

import java.math.BigInteger;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What changed in the {@link WorldState} since the last drain, as the new values of the touched keys
 * (a storage value of zero means the slot was cleared). Replaying these in order on a restored state
 * reproduces the state; the snapshot journal stores one per record.
 */
public record StateChanges(Map<BigInteger, BigInteger> classes, Map<String, BigInteger> storage,
                           Map<BigInteger, BigInteger> nonces) {
    public StateChanges {
        classes = Collections.unmodifiableMap(new TreeMap<>(classes));
        storage = Collections.unmodifiableMap(new TreeMap<>(storage));
        nonces = Collections.unmodifiableMap(new TreeMap<>(nonces));
    }

    public boolean isEmpty() {
        return classes.isEmpty() && storage.isEmpty() && nonces.isEmpty();
    }
}
