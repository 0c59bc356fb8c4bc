package io.smainer.cli.doctor;

import io.smainer.cli.node.DaemonStatusClient;
import io.smainer.protocol.SmainerVersion;
import io.smainer.protocol.api.Tier;
import io.smainer.protocol.stark.Felts;
import io.smainer.protocol.stark.NodeAuth;
import io.smainer.protocol.stark.NodeIds;
import io.smainer.protocol.stark.StarkCrypto;
import io.smainer.protocol.stark.StarkPrivateKey;
import io.smainer.protocol.stark.StarkSignature;
import io.smainer.protocol.wire.CapabilityContract;
import io.smainer.protocol.wire.Frames;
import io.smainer.protocol.wire.HardwareSpec;
import io.smainer.protocol.wire.NodeRegister;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * WebSocket handshake and a real {@code node_register} round trip with a Stark auth signature made with
 * the keystore's key over a timestamp from the (injectable) clock; PASS only on {@code ack success=true}.
 * The registration claims the public key of record (account.json, which {@code smainer register} put on
 * chain), so a keystore holding another key fails here as it would for the daemon. The probe declares no
 * hardware and takes no work. When the running daemon already reports a registered session with this
 * relayer, no second registration is sent: it would replace the daemon's connection (relayer-lite keeps
 * the newest session of a node id), and the daemon's acked registration already proves the same thing.
 */
public final class RelayerRegisterCheck implements DoctorCheck {
    private final NodeRegisterProbe probe;
    private final StarkCrypto crypto;

    public RelayerRegisterCheck(NodeRegisterProbe probe, StarkCrypto crypto) {
        this.probe = probe;
        this.crypto = crypto;
    }

    @Override
    public String name() {
        return "node_register";
    }

    @Override
    public CheckResult run(DoctorContext ctx) {
        Optional<String> address = ctx.address();
        if (address.isEmpty()) {
            return CheckResult.skip(name(), "no account address to register (see the config check)");
        }
        String nodeId = ctx.setting("node_id").orElse(NodeIds.fromAddress(address.get()));
        URI origin = ctx.wsOrigin();
        DaemonStatusClient.Answer daemon = ctx.daemon();
        if (daemon.reachable() && "registered".equals(daemon.status().path("connection_state").asText())
                && origin.toString().equals(daemon.status().path("relayer_url").asText().replaceAll("/+$", ""))) {
            return CheckResult.pass(name(), "the running daemon holds an authenticated session as " + nodeId + " with " + origin
                    + " (registered at " + daemon.status().path("registered_at").asText() + "); not repeated, so it is not displaced");
        }
        Optional<StarkPrivateKey> key = ctx.key();
        if (key.isEmpty()) {
            return CheckResult.warn(name(), "no decrypted key to sign node_register (see the keystore check); round trip not tested",
                    "run smainer doctor --passphrase-file FILE (or set SMAINER_KEYSTORE_PASSWORD)");
        }
        String publicKey = ctx.account().map(a -> a.publicKey()).orElse(Felts.toHex(key.get().publicKey()));
        URI wsUrl = URI.create(origin + ctx.setting("ws_path_template").orElse("/ws/{node_id}").replace("{node_id}", nodeId));
        String timestamp = Frames.timestamp(ctx.clock().instant());
        StarkSignature sig = new NodeAuth(crypto).sign(key.get(), nodeId, address.get(), timestamp);
        HardwareSpec none = new HardwareSpec(List.of(), 0, 0, 0, Tier.BASIC, 0, false, null, System.getProperty("os.arch"),
                "linux", false);
        CapabilityContract caps = new CapabilityContract(CapabilityContract.VERSION, List.of(), List.of(), timestamp);
        NodeRegister frame = new NodeRegister(Frames.newEventId(), timestamp, nodeId, address.get(), publicKey, sig, none, caps,
                caps, 1, "smainer-doctor " + SmainerVersion.current());
        try {
            NodeRegisterProbe.Outcome o = probe.register(wsUrl, frame);
            if (o.accepted()) {
                return CheckResult.pass(name(), wsUrl + ": handshake ok, node_register acked (" + o.message()
                        + (o.features().isEmpty() ? "" : "; features " + String.join(",", o.features())) + ")");
            }
            return CheckResult.fail(name(), wsUrl + " refused node_register: " + o.message(),
                    "check that the keystore holds the key registered for " + address.get() + " (smainer wallet show, smainer register)"
                            + " and that the clock is right (see the clock check)");
        } catch (NodeRegisterProbe.ProbeException e) {
            return CheckResult.fail(name(), e.getMessage(), "check relayer_url (" + origin + ") and that the relayer serves"
                    + " WebSocket connections there; behind a proxy, allow the Upgrade header");
        }
    }
}
