package io.smainer.daemon.identity;

import io.smainer.daemon.relay.RegisterSource;
import io.smainer.protocol.stark.NodeAuth;
import io.smainer.protocol.stark.StarkSignature;
import io.smainer.protocol.wire.CapabilityContract;
import io.smainer.protocol.wire.Frames;
import io.smainer.protocol.wire.HardwareSpec;
import io.smainer.protocol.wire.NodeRegister;
import java.util.function.Supplier;

/**
 * A fresh {@code node_register} per connection: new timestamp, and the auth signature over exactly
 * that timestamp string and the configured address string (PROTOCOL.md §2 "Node authentication").
 */
public final class SignedRegistration implements RegisterSource {
    private final NodeIdentity identity;
    private final NodeAuth auth;
    private final HardwareSpec hardware;
    private final Supplier<CapabilityContract> capabilities;
    private final int maxConcurrentTasks;
    private final String daemonVersion;

    public SignedRegistration(NodeIdentity identity, NodeAuth auth, HardwareSpec hardware, CapabilityContract capabilities,
                              int maxConcurrentTasks, String daemonVersion) {
        this(identity, auth, hardware, () -> capabilities, maxConcurrentTasks, daemonVersion);
    }

    /** @param capabilities read at each registration (models offered now); must not block */
    public SignedRegistration(NodeIdentity identity, NodeAuth auth, HardwareSpec hardware,
                              Supplier<CapabilityContract> capabilities, int maxConcurrentTasks, String daemonVersion) {
        this.identity = identity;
        this.auth = auth;
        this.hardware = hardware;
        this.capabilities = capabilities;
        this.maxConcurrentTasks = maxConcurrentTasks;
        this.daemonVersion = daemonVersion;
    }

    @Override
    public NodeRegister next() {
        String timestamp = Frames.now();
        StarkSignature sig = auth.sign(identity.key(), identity.nodeId(), identity.accountAddress(), timestamp);
        CapabilityContract contract = capabilities.get();
        return new NodeRegister(Frames.newEventId(), timestamp, identity.nodeId(), identity.accountAddress(),
                identity.publicKeyHex(), sig, hardware, contract, contract, maxConcurrentTasks, daemonVersion);
    }
}
