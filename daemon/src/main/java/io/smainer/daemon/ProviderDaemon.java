package io.smainer.daemon;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.smainer.daemon.config.ConfigKey;
import io.smainer.daemon.config.ConfigLoader;
import io.smainer.daemon.config.DaemonConfig;
import io.smainer.daemon.hardware.HardwareDetector;
import io.smainer.daemon.hardware.HostPaths;
import io.smainer.daemon.hardware.SystemLoad;
import io.smainer.daemon.health.ConnectionState;
import io.smainer.daemon.health.DaemonMetrics;
import io.smainer.daemon.health.DaemonState;
import io.smainer.daemon.health.StatusChannelInitializer;
import io.smainer.daemon.health.StatusServer;
import io.smainer.daemon.health.StatusSnapshot;
import io.smainer.daemon.identity.IdentityLoader;
import io.smainer.daemon.identity.NodeIdentity;
import io.smainer.daemon.identity.SignedRegistration;
import io.smainer.daemon.isolation.IsolationStatus;
import io.smainer.daemon.isolation.ModelOffer;
import io.smainer.daemon.isolation.SandboxedKinds;
import io.smainer.daemon.isolation.SelfTestRun;
import io.smainer.daemon.lifecycle.SignalTrap;
import io.smainer.daemon.lifecycle.StateDirLock;
import io.smainer.daemon.relay.HeartbeatSource;
import io.smainer.daemon.relay.ReconnectBackoff;
import io.smainer.daemon.relay.RelayChannelInitializer;
import io.smainer.daemon.relay.RelayClient;
import io.smainer.daemon.relay.RelayLink;
import io.smainer.daemon.task.Eligibility;
import io.smainer.daemon.task.HashRunner;
import io.smainer.daemon.task.MatrixRunner;
import io.smainer.daemon.task.Outbox;
import io.smainer.daemon.task.ResultSigner;
import io.smainer.daemon.task.RunnerRegistry;
import io.smainer.daemon.task.TaskIntake;
import io.smainer.daemon.task.TaskRunner;
import io.smainer.protocol.SmainerVersion;
import io.smainer.protocol.json.ProtocolJson;
import io.smainer.protocol.stark.NodeAuth;
import io.smainer.protocol.stark.ResultProof;
import io.smainer.protocol.stark.StarkCrypto;
import io.smainer.protocol.stark.StarkCryptos;
import io.smainer.protocol.wire.Frames;
import io.smainer.protocol.wire.HardwareSpec;
import io.smainer.protocol.wire.NodeHeartbeat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Composition root of smainer-daemon: parses flags, loads config and identity, and wires the object
 * graph with constructors in {@link #assemble}. Only {@link #main} calls {@code System.exit}.
 */
@Command(name = "smainer-daemon", mixinStandardHelpOptions = true, versionProvider = ProviderDaemon.Version.class,
        description = "Headless Smainer provider daemon. Settings: defaults < TOML file < environment < flags.")
public final class ProviderDaemon implements Callable<Integer> {

    /** Version from the build (protocol jar's version.properties), never a literal. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"smainer-daemon " + SmainerVersion.current()};
        }
    }

    /** How often the offered models are re-read from the backend (the heartbeat carries the contract). */
    static final Duration MODEL_REFRESH = Duration.ofSeconds(60);
    static final Path PROC = Path.of("/proc");

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "TOML config file (default " + "/etc/smainer/provider.toml when present).")
    Path configFile;

    @Option(names = "--print-config", description = "Print the effective configuration (secrets redacted) and exit.")
    boolean printConfig;

    @Option(names = "--selftest", description = "Run the isolation probe, a hostile subset and every enabled task kind"
            + " through the real sandbox on this host, print a PASS/FAIL table and exit 0 (all passed) or 1."
            + " Needs no relayer, account or keystore.")
    boolean selfTest;

    @Option(names = "--junit-xml", paramLabel = "FILE", description = "With --selftest: also write the results as JUnit XML.")
    Path junitXml;

    private final Map<String, String> env;
    private final HostPaths hostPaths;
    private final Path smainerHome;

    public ProviderDaemon(Map<String, String> env, HostPaths hostPaths) {
        this(env, hostPaths, ConfigLoader.DEFAULT_HOME);
    }

    /** @param smainerHome the installation or checkout ({@code -Dsmainer.home}): the default sandbox launcher is in it */
    public ProviderDaemon(Map<String, String> env, HostPaths hostPaths, Path smainerHome) {
        this.env = Map.copyOf(env);
        this.hostPaths = hostPaths;
        this.smainerHome = smainerHome;
    }

    /** The command line with one option per {@link ConfigKey} that has a flag, and the exit-code mapping. */
    public static CommandLine commandLine(ProviderDaemon daemon, PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(daemon);
        for (ConfigKey k : ConfigKey.values()) {
            if (k.flag() != null) {
                cmd.getCommandSpec().addOption(OptionSpec.builder(k.flag()).paramLabel("VALUE").type(String.class)
                        .description(k.tomlKey() + " (env " + String.join(", ", k.envNames()) + "; default '"
                                + k.defaultValue() + "')").build());
            }
        }
        cmd.setOut(out).setErr(err);
        cmd.setExecutionExceptionHandler((ex, cl, parsed) -> {
            cl.getErr().println("smainer-daemon: " + ex.getMessage());
            cl.getErr().flush();
            return ExitCodes.of(ex);
        });
        return cmd;
    }

    @Override
    public Integer call() throws Exception {
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        for (ConfigKey k : ConfigKey.values()) {
            OptionSpec o = k.flag() == null ? null : spec.findOption(k.flag());
            if (o != null && o.getValue() != null) {
                flags.put(k, o.getValue());
            }
        }
        if (junitXml != null && !selfTest) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--junit-xml is only used with --selftest");
        }
        DaemonConfig config = new ConfigLoader(env, smainerHome).load(configFile, flags, !selfTest);
        if (selfTest) {
            configureLogging(config.logLevel());
            return selfTest(config);
        }
        if (printConfig) {
            PrintWriter out = spec.commandLine().getOut();
            config.printable().forEach((k, v) -> out.println(k + " = \"" + v.replace("\"", "\\\"") + "\""));
            out.flush();
            return ExitCodes.OK;
        }
        configureLogging(config.logLevel());
        // The fast pure-Java engine: the reference (starknet-jvm) signs in ~87 ms, this one ~100x faster.
        StarkCrypto crypto = StarkCryptos.fast();
        NodeIdentity identity = new IdentityLoader(crypto).load(config);
        SignalTrap signals = new SignalTrap();
        signals.install();
        ProviderRuntime runtime = assemble(config, identity, crypto, hostPaths, List.of());
        runtime.start();
        return runtime.runUntilSignalled(signals);
    }

    private int selfTest(DaemonConfig config) throws java.io.IOException {
        java.io.ByteArrayOutputStream table = new java.io.ByteArrayOutputStream();
        int code;
        try (java.io.PrintStream ps = new java.io.PrintStream(table, true, java.nio.charset.StandardCharsets.UTF_8)) {
            code = new SelfTestRun(config, PROC).run(ps, junitXml);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(table.toString(java.nio.charset.StandardCharsets.UTF_8));
        out.flush();
        return code;
    }

    /** Wires the daemon. {@code extraRunners} come first (the isolation issue's sandboxed kinds plug in here). */
    static ProviderRuntime assemble(DaemonConfig config, NodeIdentity identity, StarkCrypto crypto, HostPaths hostPaths,
                                    List<TaskRunner> extraRunners) throws SSLException {
        StateDirLock lock = StateDirLock.acquire(config.stateDir());
        Clock clock = Clock.systemUTC();
        String version = SmainerVersion.current();
        ProtocolJson json = new ProtocolJson();
        DaemonState state = new DaemonState(clock);
        DaemonMetrics metrics = new DaemonMetrics();
        HardwareSpec hardware = new HardwareDetector(hostPaths).detect(config.stateDir());
        LoggerFactory.getLogger(ProviderDaemon.class).info("smainer-daemon {} node {}: {} CPU threads, {} GB RAM, {} GPU(s), tier {}",
                version, identity.nodeId(), hardware.cpuThreads(), hardware.ramGb(), hardware.gpuInfo().size(),
                hardware.nodeTier().wireName());
        Outbox outbox = Outbox.open(config.outboxDir(), clock);
        RelayLink link = new RelayLink(outbox::markSent);

        ExecutorService workers = Executors.newFixedThreadPool(config.maxConcurrentTasks(), new DefaultThreadFactory("task", true));
        ExecutorService intakeThread = Executors.newSingleThreadExecutor(new DefaultThreadFactory("intake", true));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("task-timer", true));
        // Sandboxed kinds (issue 6): CUSTOM only through an open sandbox, AI through the local model server.
        SandboxedKinds sandboxed = SandboxedKinds.assemble(config, link, config.sandbox().cgroupParent(), PROC, false);
        ModelOffer models = sandboxed.models();
        models.refresh(); // bounded by the listing timeout; the first registration then advertises the models
        ScheduledExecutorService modelsThread = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("ai-models", true));
        if (config.ai().enabled()) {
            modelsThread.scheduleWithFixedDelay(models::refresh, MODEL_REFRESH.toSeconds(), MODEL_REFRESH.toSeconds(), TimeUnit.SECONDS);
        }
        List<TaskRunner> runners = new ArrayList<>(extraRunners);
        runners.add(sandboxed.custom());
        runners.add(sandboxed.ai());
        runners.add(new HashRunner());
        runners.add(new MatrixRunner(config.matrixMaxDimension()));
        TaskIntake intake = new TaskIntake(new Eligibility(hardware), new RunnerRegistry(runners),
                new ResultSigner(identity, new ResultProof(crypto)), outbox, link, json, metrics, state,
                config.maxConcurrentTasks(), workers, timer);
        metrics.gauges(intake::active, outbox::depth, () -> state.connection() == ConnectionState.REGISTERED ? 1 : 0,
                () -> state.draining() ? 1 : 0);

        SystemLoad load = new SystemLoad(hostPaths);
        HeartbeatSource heartbeat = () -> new NodeHeartbeat(Frames.newEventId(), Frames.now(), identity.nodeId(),
                load.cpuUsagePercent(), load.memoryUsagePercent(), intake.active(), models.capabilities(), state.draining());
        SignedRegistration register = new SignedRegistration(identity, new NodeAuth(crypto), hardware, models::capabilities,
                config.maxConcurrentTasks(), version);

        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("netty", true), NioIoHandler.newFactory());
        Runnable refreshModels = () -> {
            if (config.ai().enabled() && !modelsThread.isShutdown()) {
                modelsThread.execute(models::refresh);
            }
        };
        DaemonRelayListener listener = new DaemonRelayListener(intake, outbox, link, state, intakeThread, refreshModels);
        SslContext tls = "wss".equalsIgnoreCase(config.relayerUrl().getScheme()) ? SslContextBuilder.forClient().build() : null;
        RelayChannelInitializer relayPipeline = new RelayChannelInitializer(config.webSocketUri(), tls, json, metrics, state,
                register, heartbeat, listener, config.heartbeatInterval(), config.registerAckTimeout());
        ReconnectBackoff backoff = new ReconnectBackoff(config.reconnectInitialDelay(), config.reconnectMaxDelay(),
                config.reconnectBackoffMultiplier(), () -> ThreadLocalRandom.current().nextDouble());
        RelayClient relay = new RelayClient(config.webSocketUri(), group, relayPipeline, backoff, link, state, metrics,
                config.stableConnection(), Duration.ofSeconds(10));

        StatusSnapshot snapshot = new StatusSnapshot(state, metrics, config.relayerUrl().toString(), identity.nodeId(),
                version, intake::active, outbox::depth,
                List.of(new IsolationStatus(sandboxed.isolation().report(), runners, models)));
        StatusServer status = StatusServer.bind(group, config.statusHost(), config.statusPort(),
                new StatusChannelInitializer(snapshot, metrics), config.stateDir());
        return new ProviderRuntime(config, lock, group, status, relay, link, intake, outbox, state, workers,
                intakeThread, timer, modelsThread, sandboxed.isolation());
    }

    /** slf4j-simple reads its settings once, when the first logger is made: this runs before that. */
    static void configureLogging(String level) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
        System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
        if (!level.equals("trace")) {
            System.setProperty("org.slf4j.simpleLogger.log.io.netty", "info");
            System.setProperty("org.slf4j.simpleLogger.log.io.micrometer", "info");
        }
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        String home = System.getProperty("smainer.home");
        ProviderDaemon daemon = new ProviderDaemon(System.getenv(), HostPaths.system(),
                home == null ? ConfigLoader.DEFAULT_HOME : Path.of(home));
        System.exit(commandLine(daemon, out, err).execute(args));
    }
}
