package io.smainer.relayer.schedule;

import io.smainer.protocol.wire.CapabilityContract;
import io.smainer.protocol.wire.HardwareSpec;
import java.math.BigInteger;
import java.util.LinkedHashSet;
import java.util.Set;

/** An authenticated node and its load. Mutable, touched only on the scheduler thread. */
public final class NodeState {
    final NodeSession session;
    final String nodeId;
    final String address;
    final BigInteger addressFelt;
    final BigInteger publicKey;
    final HardwareSpec hardware;
    final int maxConcurrent;
    final String daemonVersion;
    final long connectedAtMillis;
    CapabilityContract capabilities;
    final Set<String> active = new LinkedHashSet<>();
    long lastHeartbeatMillis;
    Double cpuUsage;
    Double memoryUsage;
    boolean draining;
    long completed;
    long failed;
    /** Last time any frame arrived; assignments older than this count as started. */
    long lastInboundMillis;
    boolean pingOutstanding;

    public NodeState(NodeSession session, String address, BigInteger addressFelt, BigInteger publicKey,
                     HardwareSpec hardware, CapabilityContract capabilities, int maxConcurrent, String daemonVersion,
                     long nowMillis) {
        this.session = session;
        this.nodeId = session.nodeId();
        this.address = address;
        this.addressFelt = addressFelt;
        this.publicKey = publicKey;
        this.hardware = hardware;
        this.capabilities = capabilities;
        this.maxConcurrent = maxConcurrent;
        this.daemonVersion = daemonVersion;
        this.connectedAtMillis = nowMillis;
        this.lastHeartbeatMillis = nowMillis;
        this.lastInboundMillis = nowMillis;
    }

    public String nodeId() {
        return nodeId;
    }

    public NodeSession session() {
        return session;
    }

    public BigInteger addressFelt() {
        return addressFelt;
    }

    public BigInteger publicKey() {
        return publicKey;
    }

    int freeSlots() {
        return Math.max(0, maxConcurrent - active.size());
    }
}
