package io.smainer.protocol.wire;

import io.smainer.protocol.Limits;
import io.smainer.protocol.Require;
import io.smainer.protocol.stark.KeyRedaction;
import io.smainer.protocol.stark.StarkSignature;

/**
 * {@code node_register} P→R. {@code timestamp} is the exact string signed in the auth message;
 * {@code starknet_address} is kept as sent for the same reason. The capability object travels under
 * both {@code capability_contract} and {@code capabilities} (production reads one or the other).
 */
public record NodeRegister(
        String eventId,
        String timestamp,
        String nodeId,
        String starknetAddress,
        String starknetPublicKey,
        StarkSignature authSignature,
        HardwareSpec hardwareSpec,
        CapabilityContract capabilityContract,
        CapabilityContract capabilities,
        Integer maxConcurrentTasks,
        String daemonVersion) implements WsMessage {

    public NodeRegister {
        Frames.envelope(eventId, timestamp);
        Require.matching("node_id", nodeId, Require.NODE_ID);
        Require.matching("starknet_address", starknetAddress, Require.HEX_FELT);
        Require.matching("starknet_public_key", starknetPublicKey, Require.HEX_FELT);
        Require.present("auth_signature", authSignature);
        Require.present("hardware_spec", hardwareSpec);
        if (capabilityContract == null) {
            capabilityContract = capabilities == null ? new CapabilityContract(null, null, null, null) : capabilities;
        }
        if (capabilities == null) {
            capabilities = capabilityContract;
        }
        Require.optionalRange("max_concurrent_tasks", maxConcurrentTasks, 1, 1024);
        Require.optionalText("daemon_version", daemonVersion, Limits.MAX_ID_CHARS);
    }

    @Override
    public String toString() {
        return "NodeRegister[nodeId=" + nodeId + ", address=" + KeyRedaction.redact(starknetAddress)
                + ", publicKey=" + KeyRedaction.redact(starknetPublicKey) + ", timestamp=" + timestamp + "]";
    }
}
