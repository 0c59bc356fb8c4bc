package io.smainer.cli.doctor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smainer.cli.CliEnvironment;
import io.smainer.cli.CliException;
import io.smainer.cli.ExitCodes;
import io.smainer.cli.GlobalOptions;
import io.smainer.cli.chain.ChainOptions;
import io.smainer.cli.node.DaemonStatusClient;
import io.smainer.cli.node.ProviderConfigFile;
import io.smainer.cli.relayer.RelayerOptions;
import io.smainer.protocol.stark.StarkCrypto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code smainer doctor}: runs every {@link DoctorCheck} in order and prints PASS/WARN/FAIL/SKIP with the
 * exact fix; exit 1 when any check FAILs. {@code --bundle FILE} also writes a redacted diagnostics zip.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Check everything a provider needs; each check prints PASS, WARN, FAIL or SKIP and the exact fix.",
            "Exit 1 when any check fails. --bundle writes a diagnostics zip without secrets for a support request."})
public final class DoctorCommand implements Callable<Integer> {
    static final Duration REGISTER_TIMEOUT = Duration.ofSeconds(15);
    static final Duration RPC_TIMEOUT = Duration.ofSeconds(10);

    private final CliEnvironment env;
    private final GlobalOptions global;
    private final StarkCrypto crypto;

    @Mixin
    RelayerOptions relayer;

    @Mixin
    ChainOptions chain;

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "Keystore passphrase, to test decryption and sign node_register (else the config's passphrase_file, else SMAINER_KEYSTORE_PASSWORD).")
    Path passphraseFile;

    @Option(names = "--bundle", paramLabel = "FILE", description = "Also write a diagnostics zip (config without secrets, results, probe report, last 200 log lines).")
    Path bundle;

    @Option(names = "--nvidia-smi", paramLabel = "PATH", defaultValue = "nvidia-smi", hidden = true)
    String nvidiaSmi;

    public DoctorCommand(CliEnvironment env, GlobalOptions global, StarkCrypto crypto) {
        this.env = env;
        this.global = global;
        this.crypto = crypto;
    }

    /** The checks, in the order they run (later ones read what earlier ones found). */
    List<DoctorCheck> checks(HostCommands host) {
        return List.of(
                JavaVersionCheck.running(),
                new ConfigCheck(),
                new KeystoreCheck(crypto),
                new RelayerHealthCheck(),
                new ClockSkewCheck(),
                new RelayerRegisterCheck(new NodeRegisterProbe(REGISTER_TIMEOUT), crypto),
                new StarknetRpcCheck(RPC_TIMEOUT),
                new OnChainNodeCheck(),
                IsolationCheck.probing(Path.of("/proc"), effectiveUid(),
                        Path.of(System.getProperty("smainer.home", "/opt/smainer")), Path.of("/etc/passwd")),
                new GpuCheck(host, nvidiaSmi),
                DiskSpaceCheck.system(),
                new SystemdCheck(host, Path.of("/run/systemd/system")));
    }

    @Override
    public Integer call() {
        HostCommands host = HostCommands.system();
        Path configPath = ProviderConfigFile.resolve(env, global.config()).path();
        DoctorContext[] self = new DoctorContext[1];
        DoctorContext ctx = new DoctorContext(env, env.clock(), configPath, passphraseFile,
                () -> relayer.api(env, self[0].setting("relayer_url")), () -> chain.network(env),
                () -> new DaemonStatusClient().ask(null, self[0].config().orElse(new ObjectMapper().createObjectNode())));
        self[0] = ctx;
        List<CheckResult> results = new ArrayList<>();
        try {
            for (DoctorCheck check : checks(host)) {
                results.add(runOne(check, ctx));
            }
            ObjectNode report = report(results);
            if (global.json()) {
                env.out().println(report.toPrettyString());
            } else {
                print(results);
            }
            if (bundle != null) {
                writeBundle(host, report, ctx);
            }
        } finally {
            ctx.close();
        }
        return results.stream().anyMatch(r -> r.verdict() == Verdict.FAIL) ? ExitCodes.FAILED : ExitCodes.OK;
    }

    /**
     * A check that throws is a FAIL that names the exception; doctor itself keeps going. Checked exceptions too:
     * starknet-jvm and other Kotlin code throw undeclared {@code IOException}s such as {@code ConnectException}
     * (which would otherwise reach {@link ExitCodes} as exit 74 and end doctor before it printed anything).
     */
    static CheckResult runOne(DoctorCheck check, DoctorContext ctx) {
        try {
            return check.run(ctx);
        } catch (Exception | LinkageError e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return CheckResult.fail(check.name(), "the check itself failed: " + describe(e),
                    "run smainer doctor --verbose and report this");
        }
    }

    /** {@code Type: message}, plus the innermost cause when it says more ("Connection refused"). */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        boolean rootSaysMore = root != e && root.getMessage() != null
                && (e.getMessage() == null || !e.getMessage().contains(root.getMessage()));
        return rootSaysMore ? text + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")" : text;
    }

    private void writeBundle(HostCommands host, ObjectNode report, DoctorContext ctx) {
        try {
            List<String> entries = new DiagnosticsBundle(host).write(bundle, report, ctx);
            env.err().println("diagnostics bundle written: " + bundle.toAbsolutePath() + " (zip: " + String.join(", ", entries) + ")");
        } catch (IOException e) {
            throw new CliException(ExitCodes.IO, "cannot write --bundle " + bundle + ": " + e.getMessage());
        }
    }

    static ObjectNode report(List<CheckResult> results) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode out = json.createObjectNode();
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        results.forEach(r -> counts.merge(r.verdict(), 1, Integer::sum));
        out.put("ok", !counts.containsKey(Verdict.FAIL));
        ObjectNode summary = out.putObject("summary");
        for (Verdict v : Verdict.values()) {
            summary.put(v.name().toLowerCase(java.util.Locale.ROOT), counts.getOrDefault(v, 0));
        }
        ArrayNode checks = out.putArray("checks");
        for (CheckResult r : results) {
            ObjectNode c = checks.addObject().put("check", r.check()).put("verdict", r.verdict().name())
                    .put("message", r.message()).put("fix", r.fix());
            if (!r.details().isEmpty()) {
                c.set("details", json.valueToTree(r.details()));
            }
        }
        return out;
    }

    private void print(List<CheckResult> results) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        boolean colour = env.colour(global.noColor());
        for (CheckResult r : results) {
            counts.merge(r.verdict(), 1, Integer::sum);
            env.out().printf("%s  %-13s %s%n", label(r.verdict(), colour), r.check(), r.message());
            if (r.fix() != null && r.verdict() != Verdict.PASS) {
                env.out().printf("      %-13s fix: %s%n", "", r.fix());
            }
        }
        env.out().printf("%d checks: %d pass, %d warn, %d fail, %d skipped%n", results.size(), counts.getOrDefault(Verdict.PASS, 0),
                counts.getOrDefault(Verdict.WARN, 0), counts.getOrDefault(Verdict.FAIL, 0), counts.getOrDefault(Verdict.SKIP, 0));
    }

    private static String label(Verdict v, boolean colour) {
        String text = String.format("%-4s", v.name());
        if (!colour) {
            return text;
        }
        String code = switch (v) {
            case PASS -> "32";
            case WARN -> "33";
            case FAIL -> "31";
            case SKIP -> "2";
        };
        return "\033[" + code + "m" + text + "\033[0m";
    }

    /** Effective uid from /proc/self/status ("Uid: real effective saved fs"); -1 when unknown. */
    private static int effectiveUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return Integer.parseInt(line.substring(4).trim().split("\\s+")[1]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
