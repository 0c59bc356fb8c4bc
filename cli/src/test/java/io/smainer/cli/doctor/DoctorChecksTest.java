package io.smainer.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smainer.cli.CliEnvironment;
import io.smainer.cli.CliRun;
import io.smainer.cli.node.DaemonStatusClient;
import io.smainer.cli.relayer.RelayerApi;
import io.smainer.protocol.keystore.KdfParams;
import io.smainer.protocol.keystore.KeystoreFile;
import io.smainer.protocol.stark.StarkCryptos;
import io.smainer.protocol.stark.StarkPrivateKey;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each check's FAIL/WARN path with injected dependencies: no network, no root, no real host tools. */
class DoctorChecksTest {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path home;
    Path config;
    DoctorContext ctx;

    @BeforeEach
    void setUp() {
        config = home.resolve(".smainer/provider.toml");
        ctx = context(Map.of());
    }

    DoctorContext context(Map<String, String> extraEnv) {
        CliRun run = new CliRun(home);
        run.env.putAll(extraEnv);
        CliEnvironment env = new CliEnvironment(run.env, home, InputStream.nullInputStream(), new PrintWriter(Writer.nullWriter()),
                new PrintWriter(Writer.nullWriter()), null, Clock.fixed(NOW, ZoneOffset.UTC), false);
        return new DoctorContext(env, env.clock(), config, null, () -> {
            throw new IllegalStateException("no relayer in unit tests");
        }, () -> {
            throw new IllegalStateException("no chain in unit tests");
        }, () -> new DaemonStatusClient.Answer(URI.create("http://127.0.0.1:1/status"), "test", null, "down"));
    }

    @Test
    void keystoreReadableByOthersFailsWithChmod() throws Exception {
        Path ks = home.resolve(".smainer/keystore.json");
        Files.createDirectories(ks.getParent());
        KeystoreFile.write(ks, StarkPrivateKey.of(BigInteger.valueOf(12345), StarkCryptos.fast()), "passphrase1".toCharArray(),
                KdfParams.TESTING);
        Files.setPosixFilePermissions(ks, PosixFilePermissions.fromString("rw-r--r--"));
        CheckResult r = new KeystoreCheck(StarkCryptos.fast()).run(context(Map.of("SMAINER_KEYSTORE_PASSWORD", "passphrase1")));
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.message()).contains(ks.toString()).contains("rw-r--r--");
        assertThat(r.fix()).isEqualTo("chmod 600 " + ks);

        Files.setPosixFilePermissions(ks, PosixFilePermissions.fromString("rw-------"));
        DoctorContext good = context(Map.of("SMAINER_KEYSTORE_PASSWORD", "passphrase1"));
        assertThat(new KeystoreCheck(StarkCryptos.fast()).run(good).verdict()).isEqualTo(Verdict.PASS);
        assertThat(good.key()).isPresent();
        CheckResult wrong = new KeystoreCheck(StarkCryptos.fast()).run(context(Map.of("SMAINER_KEYSTORE_PASSWORD", "not it")));
        assertThat(wrong.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(wrong.message()).contains("cannot decrypt").doesNotContain("not it");
        assertThat(new KeystoreCheck(StarkCryptos.fast()).run(ctx).verdict()).isEqualTo(Verdict.WARN);
    }

    @Test
    void missingKeystoreFails() {
        CheckResult r = new KeystoreCheck(StarkCryptos.fast()).run(ctx);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.fix()).contains("smainer wallet create");
    }

    @Test
    void clockSkewUsesTheInjectedClock() {
        ctx.health(new RelayerApi.Health(new ObjectMapper().createObjectNode(), Optional.of(NOW.minusSeconds(301)), Optional.empty()));
        CheckResult fail = new ClockSkewCheck().run(ctx);
        assertThat(fail.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(fail.message()).contains("skew +301 s").contains("Date header");
        ctx.health(new RelayerApi.Health(new ObjectMapper().createObjectNode(), Optional.empty(), Optional.of(NOW.plusSeconds(45))));
        CheckResult warn = new ClockSkewCheck().run(ctx);
        assertThat(warn.verdict()).isEqualTo(Verdict.WARN);
        assertThat(warn.message()).contains("skew -45 s").contains("/health timestamp");
        ctx.health(new RelayerApi.Health(new ObjectMapper().createObjectNode(), Optional.of(NOW.plusSeconds(30)), Optional.empty()));
        assertThat(new ClockSkewCheck().run(ctx).verdict()).isEqualTo(Verdict.PASS);
        assertThat(new ClockSkewCheck().run(context(Map.of())).verdict()).isEqualTo(Verdict.SKIP);
    }

    @Test
    void configWithUnknownKeyOrMissingAddressFails() throws Exception {
        Files.createDirectories(config.getParent());
        Files.writeString(config, "relayer_url = 'ws://127.0.0.1:8000'\nrelayer_ur1 = 'typo'\nkeystore = '/k.json'\n");
        CheckResult r = new ConfigCheck().run(ctx);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.message()).contains("unknown key 'relayer_ur1'").contains("account_address is missing");
        assertThat(r.fix()).contains("remove 'relayer_ur1'").contains("smainer register");

        Files.writeString(config, "relayer_url = 'http://x/api'\naccount_address = '0x12'\n[table]\na = 1\n");
        CheckResult bad = new ConfigCheck().run(context(Map.of()));
        assertThat(bad.message()).contains("relayer_url 'http://x/api' is not a ws:// or wss:// origin").contains("no key source")
                .contains("unknown key 'table'");

        Files.writeString(config, "relayer_url = 'ws://127.0.0.1:8000'\naccount_address = '0x12'\nkeystore = '/k.json'\n");
        assertThat(new ConfigCheck().run(context(Map.of())).verdict()).isEqualTo(Verdict.PASS);
        Files.writeString(config, "account_address = '0x12'\nprivate_key = '0xsecretvalue'\n");
        CheckResult plain = new ConfigCheck().run(context(Map.of()));
        assertThat(plain.verdict()).isEqualTo(Verdict.WARN);
        assertThat(plain.message()).doesNotContain("0xsecretvalue");

        Files.delete(config);
        assertThat(new ConfigCheck().run(context(Map.of())).fix()).contains("smainer register");
        Files.writeString(config, "this is = = not toml");
        assertThat(new ConfigCheck().run(context(Map.of())).message()).contains("is not valid TOML");
    }

    @Test
    void diskSpaceThresholds() {
        long gib = DiskSpaceCheck.GIB;
        new ConfigCheck().run(ctx); // no file: defaults, state dir /var/lib/smainer (measured at its nearest existing parent)
        assertThat(new DiskSpaceCheck(p -> gib / 2).run(ctx).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(new DiskSpaceCheck(p -> 2 * gib).run(ctx).verdict()).isEqualTo(Verdict.WARN);
        CheckResult ok = new DiskSpaceCheck(p -> 50 * gib).run(ctx);
        assertThat(ok.verdict()).isEqualTo(Verdict.PASS);
        assertThat(ok.message()).contains("50.0 GiB free");
        assertThat(new DiskSpaceCheck(p -> {
            throw new java.io.IOException("stale NFS handle");
        }).run(ctx).message()).contains("stale NFS handle");
    }

    @Test
    void systemdStatesAndNoSystemd() throws Exception {
        Path run = Files.createDirectories(home.resolve("run/systemd/system"));
        assertThat(new SystemdCheck((c, t) -> Optional.of(new HostCommands.Output(0, "active\n")), run).run(ctx).verdict())
                .isEqualTo(Verdict.PASS);
        CheckResult failed = new SystemdCheck((c, t) -> Optional.of(new HostCommands.Output(3, "failed\n")), run).run(ctx);
        assertThat(failed.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(failed.fix()).contains("journalctl -u smainer-provider");
        assertThat(new SystemdCheck((c, t) -> Optional.of(new HostCommands.Output(3, "inactive\n")), run).run(ctx).verdict())
                .isEqualTo(Verdict.WARN);
        CheckResult none = new SystemdCheck((c, t) -> {
            throw new AssertionError("systemctl must not run without systemd");
        }, home.resolve("nope")).run(ctx);
        assertThat(none.verdict()).isEqualTo(Verdict.SKIP);
    }

    @Test
    void gpuNeverFails() {
        assertThat(new GpuCheck((c, t) -> Optional.empty(), "nvidia-smi").run(ctx).message()).startsWith("none");
        assertThat(new GpuCheck((c, t) -> Optional.of(new HostCommands.Output(9, "NVIDIA-SMI has failed\n")), "nvidia-smi").run(ctx)
                .verdict()).isEqualTo(Verdict.WARN);
        CheckResult two = new GpuCheck((c, t) -> Optional.of(new HostCommands.Output(0,
                "NVIDIA H100, 81559 MiB, 550.54\nNVIDIA H100, 81559 MiB, 550.54\n")), "nvidia-smi").run(ctx);
        assertThat(two.verdict()).isEqualTo(Verdict.PASS);
        assertThat(two.message()).startsWith("2 GPU(s): NVIDIA H100, 81559 MiB");
    }

    @Test
    void oldJavaFailsAndAThrowingCheckIsItsOwnFail() {
        assertThat(new JavaVersionCheck(() -> 11, "11.0.2").run(ctx).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(new JavaVersionCheck(() -> 21, "21").run(ctx).verdict()).isEqualTo(Verdict.PASS);
        DoctorCheck broken = new DoctorCheck() {
            public String name() {
                return "broken";
            }

            public CheckResult run(DoctorContext c) {
                throw new IllegalStateException("boom");
            }
        };
        CheckResult r = DoctorCommand.runOne(broken, ctx);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.message()).contains("IllegalStateException: boom");
    }

    /** Throws {@code t} without declaring it, as Kotlin code (starknet-jvm) does with IOExceptions. */
    @SuppressWarnings("unchecked")
    static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
        throw (T) t;
    }

    static DoctorCheck throwing(Throwable t) {
        return new DoctorCheck() {
            public String name() {
                return "thrower";
            }

            public CheckResult run(DoctorContext c) {
                throw DoctorChecksTest.<RuntimeException>sneaky(t);
            }
        };
    }

    @Test
    void aCheckedExceptionOrLinkageErrorFromACheckIsItsOwnFailToo() {
        java.net.ConnectException refused = new java.net.ConnectException("Failed to connect to /127.0.0.1:1");
        refused.initCause(new java.net.ConnectException("Connection refused"));
        CheckResult r = DoctorCommand.runOne(throwing(refused), ctx);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.check()).isEqualTo("thrower");
        assertThat(r.message()).contains("ConnectException: Failed to connect to /127.0.0.1:1", "Connection refused");

        CheckResult interrupted = DoctorCommand.runOne(throwing(new InterruptedException("stop")), ctx);
        assertThat(interrupted.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();

        CheckResult linkage = DoctorCommand.runOne(throwing(new NoClassDefFoundError("jnr/posix/POSIX")), ctx);
        assertThat(linkage.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(linkage.message()).contains("NoClassDefFoundError: jnr/posix/POSIX");
    }

    @Test
    void starknetRpcAnswersAreJudgedByStatusBodyAndResult() {
        StarknetRpcCheck check = new StarknetRpcCheck(java.time.Duration.ofSeconds(1));
        URI url = URI.create("http://127.0.0.1:9/rpc");
        CheckResult ok = check.answer(url, 200, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x534e5f5345504f4c4941\"}");
        assertThat(ok.verdict()).isEqualTo(Verdict.PASS);
        assertThat(ok.message()).isEqualTo("http://127.0.0.1:9/rpc answers, chain id SN_SEPOLIA (0x534e5f5345504f4c4941)");
        CheckResult error = check.answer(url, 200, "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32601,"
                + "\"message\":\"Method not found\"}}");
        assertThat(error.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(error.message()).contains("http://127.0.0.1:9/rpc", "JSON-RPC error -32601 Method not found");
        assertThat(check.answer(url, 200, "{\"result\":\"zz\"}").message()).contains("no chain id");
        assertThat(check.answer(url, 200, "").message()).contains("not JSON-RPC");
    }

    @Test
    void unreachableRpcIsToldApart() {
        java.time.Duration t = java.time.Duration.ofMillis(250);
        assertThat(StarknetRpcCheck.unreachable(new java.net.ConnectException(), t)).isEqualTo("connection refused");
        assertThat(StarknetRpcCheck.unreachable(new java.net.http.HttpConnectTimeoutException("connect timed out"), t))
                .isEqualTo("no answer within 250 ms");
        assertThat(StarknetRpcCheck.unreachable(new java.io.IOException("wrapped", new java.net.UnknownHostException("rpc.invalid")), t))
                .isEqualTo("unknown host rpc.invalid");
        assertThat(StarknetRpcCheck.unreachable(new javax.net.ssl.SSLHandshakeException("PKIX path building failed"), t))
                .isEqualTo("SSLHandshakeException: PKIX path building failed");
    }
}
