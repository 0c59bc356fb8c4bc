package io.smainer.cli.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.swmansion.starknet.provider.rpc.JsonRpcProvider;
import io.smainer.chain.ChainException;
import io.smainer.chain.EscrowClient;
import io.smainer.chain.EscrowNode;
import io.smainer.chain.StarknetNetwork;
import io.smainer.cli.CliEnvironment;
import io.smainer.cli.CliException;
import io.smainer.cli.ExitCodes;
import io.smainer.cli.GlobalOptions;
import io.smainer.cli.chain.ChainOptions;
import io.smainer.cli.chain.Strk;
import io.smainer.cli.relayer.RelayerApi;
import io.smainer.cli.relayer.RelayerApiException;
import io.smainer.cli.relayer.RelayerOptions;
import io.smainer.cli.wallet.WalletFiles;
import io.smainer.protocol.stark.Felts;
import io.smainer.protocol.stark.NodeIds;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code smainer status}: three views of this provider side by side — the daemon's own
 * ({@code GET /status} on its loopback endpoint), the relayer's ({@code GET /nodes/{node_id}}) and the
 * chain's ({@code get_node}, {@code get_user_earnings}). A source that is down is reported as such.
 * Exit 0 when the daemon answered, 69 when it did not.
 */
@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show the daemon's state, the relayer's view of this node, and its on-chain registration and earnings.",
            "Exit 0 when the daemon answered, 69 when it did not (the other sources are reported either way)."})
public final class StatusCommand implements Callable<Integer> {
    static final long WATCH_INTERVAL_MILLIS = 2000;

    private final CliEnvironment env;
    private final GlobalOptions global;

    @Mixin
    RelayerOptions relayer;

    @Mixin
    ChainOptions chain;

    @Option(names = "--watch", description = "Refresh every 2 s until interrupted (Ctrl-C).")
    boolean watch;

    @Option(names = "--status-url", paramLabel = "URL", description = "The daemon's status endpoint (default: from <state_dir>/status.json, else status_port of the config).")
    URI statusUrl;

    @Option(names = "--watch-count", paramLabel = "N", hidden = true, defaultValue = "0", description = "Stop --watch after N refreshes (tests).")
    int watchCount;

    public StatusCommand(CliEnvironment env, GlobalOptions global) {
        this.env = env;
        this.global = global;
    }

    @Override
    public Integer call() throws InterruptedException {
        int code;
        int round = 0;
        while (true) {
            ObjectNode report = collect();
            code = report.path("daemon").path("reachable").asBoolean() ? ExitCodes.OK : ExitCodes.UNAVAILABLE;
            if (watch && !global.json()) {
                env.out().print(env.console() != null ? "\033[H\033[2J" : "--- " + env.clock().instant() + "\n");
            }
            if (global.json()) {
                env.out().println(report);
            } else {
                StatusPrinter.print(env.out(), report);
            }
            env.out().flush();
            round++;
            if (!watch || (watchCount > 0 && round >= watchCount)) {
                return code;
            }
            Thread.sleep(WATCH_INTERVAL_MILLIS);
        }
    }

    private ObjectNode collect() {
        ProviderConfigFile configFile = ProviderConfigFile.resolve(env, global.config());
        JsonNode config = configFile.read();
        ObjectNode report = new ObjectMapper().createObjectNode();
        String address = DaemonStatusClient.text(config, "account_address", null);
        if (address == null && Files.exists(new WalletFiles(env).accountFile())) {
            address = new WalletFiles(env).readAccount().address();
        }
        String nodeId = DaemonStatusClient.text(config, "node_id", address == null ? null : NodeIds.fromAddress(address));
        report.put("config", configFile.path().toString());
        report.put("node_id", nodeId);
        report.put("address", address);
        report.set("daemon", daemon(config));
        report.set("relayer", relayer(config, nodeId));
        report.set("chain", chain(address));
        return report;
    }

    private ObjectNode daemon(JsonNode config) {
        DaemonStatusClient.Answer a = new DaemonStatusClient().ask(statusUrl, config);
        ObjectNode d = new ObjectMapper().createObjectNode();
        d.put("reachable", a.reachable()).put("url", a.url().toString()).put("found_via", a.foundVia());
        if (a.reachable()) {
            d.set("status", a.status());
        } else {
            d.put("error", a.error());
        }
        return d;
    }

    private ObjectNode relayer(JsonNode config, String nodeId) {
        ObjectNode r = new ObjectMapper().createObjectNode();
        RelayerApi api;
        try {
            api = relayer.api(env, Optional.ofNullable(DaemonStatusClient.text(config, "relayer_url", null)));
        } catch (CliException e) {
            return r.put("state", "skipped").put("error", e.getMessage());
        }
        r.put("api", api.base().toString());
        if (nodeId == null) {
            return r.put("state", "skipped").put("error", "no node id: run smainer register (it writes node_id to the config)");
        }
        if (!api.hasKey()) {
            return r.put("state", "skipped").put("error", "no API key to ask GET /nodes/" + nodeId
                    + ": pass --api-key-file FILE or set SMAINER_API_KEY");
        }
        try {
            r.set("node", api.node(nodeId));
            return r.put("state", "connected");
        } catch (RelayerApiException e) {
            if (e.kind() == RelayerApiException.Kind.NOT_FOUND) {
                return r.put("state", "not_connected").put("error", "the relayer has no connected node " + nodeId
                        + " (the daemon is not connected or not registered there)");
            }
            return r.put("state", e.kind() == RelayerApiException.Kind.UNAUTHORIZED ? "unauthorized" : "down")
                    .put("error", e.getMessage());
        }
    }

    private ObjectNode chain(String address) {
        ObjectNode c = new ObjectMapper().createObjectNode();
        if (address == null) {
            return c.put("state", "skipped").put("error", "no account address: run smainer wallet create and smainer register");
        }
        StarknetNetwork network;
        try {
            network = chain.network(env);
        } catch (CliException e) {
            return c.put("state", "skipped").put("error", e.getMessage());
        }
        c.put("rpc", network.rpcUrl().toString()).put("escrow", Felts.toHex(network.escrow()));
        try {
            JsonRpcProvider rpc = network.provider();
            EscrowClient escrow = network.escrowClient(rpc);
            BigInteger who = Felts.parse("account_address", address);
            EscrowNode node = escrow.getNode(who);
            BigInteger earnings = escrow.getUserEarnings(who);
            c.put("state", "up").put("node_status", node.status().name().toLowerCase(java.util.Locale.ROOT))
                    .put("tier", node.tierOrNull() == null ? null : node.tierOrNull().wireName())
                    .put("public_key", Felts.toHex(node.publicKey()))
                    .put("earnings_wei", earnings.toString()).put("earnings", Strk.format(earnings));
            return c;
        } catch (ChainException | IllegalArgumentException e) {
            return c.put("state", "down").put("error", e.getMessage());
        }
    }
}
