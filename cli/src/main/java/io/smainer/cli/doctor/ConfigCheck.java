package io.smainer.cli.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.smainer.protocol.Require;
import io.smainer.sandbox.SandboxConfig;
import io.smainer.sandbox.UserNamespaceMode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * provider.toml parses and would be accepted by the daemon: no unknown keys (the daemon refuses them),
 * only scalar values, the required account address, a ws/wss relayer origin, a loopback status endpoint,
 * a user namespace mode and a number of warm launchers in range, and a key source. Values of secret keys are
 * never printed.
 */
public final class ConfigCheck implements DoctorCheck {
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "::1", "localhost");

    @Override
    public String name() {
        return "config";
    }

    @Override
    public CheckResult run(DoctorContext ctx) {
        ObjectNode tree;
        try {
            JsonNode parsed = new TomlMapper().readTree(Files.readAllBytes(ctx.configPath()));
            tree = parsed instanceof ObjectNode o ? o : new TomlMapper().createObjectNode();
        } catch (NoSuchFileException e) {
            ctx.config(new TomlMapper().createObjectNode());
            return CheckResult.fail(name(), "no daemon config at " + ctx.configPath(),
                    "run smainer register (it writes the config), or pass --config FILE");
        } catch (IOException e) {
            ctx.config(new TomlMapper().createObjectNode());
            String first = e.getMessage() == null ? "unreadable" : e.getMessage().lines().findFirst().orElse("");
            return CheckResult.fail(name(), ctx.configPath() + " is not valid TOML (" + first + ")",
                    "fix the syntax of " + ctx.configPath() + "; keys are listed in docs/daemon.md");
        }
        ctx.config(tree);
        List<String> problems = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!DaemonConfigKeys.KNOWN.contains(e.getKey())) {
                problems.add("unknown key '" + e.getKey() + "' (the daemon refuses to start with it)");
                fixes.add("remove '" + e.getKey() + "' from " + ctx.configPath() + " (known keys: docs/daemon.md)");
            } else if (!e.getValue().isValueNode()) {
                problems.add("key '" + e.getKey() + "' is a table or array");
                fixes.add("make '" + e.getKey() + "' a string, number or boolean");
            }
        }
        String address = ctx.setting("account_address").orElse(null);
        boolean addressFromEnv = DaemonConfigKeys.ACCOUNT_ENV.stream().anyMatch(n -> ctx.env().env(n).isPresent());
        if (address == null && !addressFromEnv) {
            problems.add("account_address is missing (required)");
            fixes.add("run smainer register (it writes account_address)");
        } else if (address != null && !Require.HEX_FELT.matcher(address).matches()) {
            problems.add("account_address '" + address + "' is not 0x followed by 1-64 hex digits");
            fixes.add("set account_address to the account printed by smainer wallet show");
        }
        ctx.setting("relayer_url").ifPresent(url -> relayerUrl(url, problems, fixes));
        ctx.setting("node_id").filter(id -> !Require.NODE_ID.matcher(id).matches()).ifPresent(id -> {
            problems.add("node_id '" + id + "' must match " + Require.NODE_ID.pattern());
            fixes.add("remove node_id (the default comes from the address) or use letters, digits, '_' and '-'");
        });
        ctx.setting("status_host").filter(h -> !LOOPBACK.contains(h)).ifPresent(h -> {
            problems.add("status_host '" + h + "' is not a loopback address");
            fixes.add("set status_host = \"127.0.0.1\" (the status endpoint is local only)");
        });
        ctx.setting("status_port").ifPresent(p -> {
            if (!p.matches("\\d{1,5}") || Integer.parseInt(p) > 65535) {
                problems.add("status_port '" + p + "' is not a port number 0-65535");
                fixes.add("set status_port = 9465 (or 0 for an ephemeral port)");
            }
        });
        sandbox(ctx, problems, fixes);
        boolean hasKeystore = ctx.setting("keystore").isPresent() || ctx.env().env("SMAINER_KEYSTORE").isPresent();
        boolean hasPlainKey = ctx.setting("private_key").isPresent();
        if (!hasKeystore && !hasPlainKey && ctx.env().env("STARKNET_PRIVATE_KEY").isEmpty()) {
            problems.add("no key source: neither keystore nor private_key is set");
            fixes.add("run smainer register (it writes keystore = <path of the wallet keystore>)");
        }
        if (!problems.isEmpty()) {
            return CheckResult.fail(name(), ctx.configPath() + ": " + String.join("; ", problems), String.join("; ", fixes));
        }
        if (hasPlainKey) {
            return CheckResult.warn(name(), ctx.configPath() + " holds a plaintext private_key (value not shown)",
                    "remove private_key and set keystore = <encrypted keystore> (smainer wallet import, then smainer register)");
        }
        return CheckResult.pass(name(), ctx.configPath() + " is valid (" + tree.size() + " keys)");
    }

    /**
     * The sandbox keys the daemon validates beyond their type: {@code sandbox_userns}, {@code sandbox_prewarm}, and
     * task user, launcher, runtimes and cgroup parent as {@link DaemonSandboxSettings} resolves them.
     */
    private static void sandbox(DoctorContext ctx, List<String> problems, List<String> fixes) {
        for (DaemonConfigKeys.Setting s : List.of(DaemonConfigKeys.SANDBOX_UID, DaemonConfigKeys.SANDBOX_GID,
                DaemonConfigKeys.SANDBOX_LAUNCHER, DaemonConfigKeys.CUSTOM_RUNTIMES, DaemonConfigKeys.SANDBOX_CGROUP_PARENT)) {
            ctx.setting(s.key()).ifPresent(v -> {
                try {
                    DaemonSandboxSettings.validate(new DaemonConfigKeys.Value(s, v.trim(), ctx.configPath().toString()));
                } catch (DaemonSandboxSettings.InvalidSetting e) {
                    problems.add(e.getMessage());
                    fixes.add(e.fix());
                }
            });
        }
        ctx.setting(IsolationCheck.USERNS_KEY).ifPresent(v -> {
            try {
                UserNamespaceMode.parse(v);
            } catch (IllegalArgumentException e) {
                problems.add(IsolationCheck.USERNS_KEY + " '" + v + "' is not auto or off");
                fixes.add("set " + IsolationCheck.USERNS_KEY + " = \"auto\" (a user namespace per task when the host allows it)"
                        + " or \"off\"");
            }
        });
        ctx.setting("sandbox_prewarm").filter(v -> !v.matches("\\d{1,2}") || Integer.parseInt(v) > SandboxConfig.MAX_PREWARM)
                .ifPresent(v -> {
                    problems.add("sandbox_prewarm '" + v + "' is not a number of warm launchers 0-" + SandboxConfig.MAX_PREWARM);
                    fixes.add("set sandbox_prewarm = 1 (0 starts each launcher when its task is accepted)");
                });
    }

    private static void relayerUrl(String url, List<String> problems, List<String> fixes) {
        try {
            URI u = new URI(url);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("ws") || scheme.equals("wss")) && u.getHost() != null
                    && (u.getPath() == null || u.getPath().isEmpty() || u.getPath().equals("/"))) {
                return;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        problems.add("relayer_url '" + url + "' is not a ws:// or wss:// origin without a path");
        fixes.add("set relayer_url = \"ws://127.0.0.1:8000\" (or your relayer's wss:// origin)");
    }
}
