package io.smainer.sandbox.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.smainer.protocol.wire.TaskErrorCode;
import io.smainer.sandbox.SandboxExtension;
import io.smainer.sandbox.SandboxLimits;
import io.smainer.sandbox.SandboxResult;
import io.smainer.sandbox.SandboxSpec;
import io.smainer.sandbox.selftest.SelfTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Payloads an attacker would send, run for real as root through the full sandbox. Every case asserts the
 * containment, the {@code task_failed} code it maps to (or none), and — after each test — that no process
 * of the task user, no task cgroup and no mount is left on the host.
 */
class HostilePayloadTest {
    private static final String PY = "/usr/bin/python3";
    private static final AtomicInteger IDS = new AtomicInteger();
    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();

    @TempDir
    Path hostDir;

    @AfterEach
    void nothingEscaped() throws IOException {
        SANDBOX.assertNothingLeft();
    }

    private static SandboxLimits limits() {
        return SandboxLimits.defaults().withWallTimeout(Duration.ofSeconds(60)).withMemoryBytes(256 * SandboxLimits.MIB)
                .withTmpfsBytes(16 * SandboxLimits.MIB);
    }

    private static SandboxResult python(SandboxLimits limits, String code) throws Exception {
        return SANDBOX.sandbox().run(SandboxSpec.of("hostile-" + IDS.incrementAndGet(),
                List.of(PY, "-I", "-S", "/work/main.py"), limits).withFiles(Map.of("main.py", code.getBytes(StandardCharsets.UTF_8))));
    }

    private static SandboxResult sh(SandboxLimits limits, String script) throws Exception {
        return SANDBOX.run("hostile-" + IDS.incrementAndGet(), limits, "/bin/sh", "-c", script);
    }

    private static String out(SandboxResult r) {
        return new String(r.stdout(), StandardCharsets.UTF_8);
    }

    private static String all(SandboxResult r) {
        return out(r) + new String(r.stderr(), StandardCharsets.UTF_8);
    }

    @Test
    void forkBombHitsPidsLimit() throws Exception {
        SandboxResult r = sh(limits().withPidsMax(64).withWallTimeout(Duration.ofSeconds(3)), SelfTest.FORK_BOMB);
        assertThat(r.pidsLimitHit()).as(r.toString()).isTrue();
        assertThat(r.errorCode()).contains(TaskErrorCode.RESOURCE_LIMIT);
    }

    @Test
    void memoryHogIsOomKilled() throws Exception {
        SandboxResult r = python(limits().withMemoryBytes(64 * SandboxLimits.MIB).withTmpfsBytes(SandboxLimits.MIB),
                "x = b'x' * (400 << 20)\nprint('survived')");
        assertThat(r.oomKilled()).as(r.toString()).isTrue();
        assertThat(out(r)).doesNotContain("survived");
        assertThat(r.errorCode()).contains(TaskErrorCode.RESOURCE_LIMIT);
    }

    @Test
    void cpuSpinPastTimeoutIsKilled() throws Exception {
        SandboxResult r = sh(limits().withWallTimeout(Duration.ofSeconds(1)), "while :; do :; done");
        assertThat(r.timedOut()).isTrue();
        assertThat(r.errorCode()).contains(TaskErrorCode.TIMEOUT);
    }

    @Test
    void doubleForkedDaemonDiesWithTheTask() throws Exception {
        SandboxResult r = sh(limits(), "(setsid sh -c 'sleep 1000' > /dev/null 2>&1 &); sleep 0.2; echo parent-done");
        assertThat(out(r)).contains("parent-done");
        assertThat(r.exitCode()).isZero();
        // @AfterEach: no task-user process (the sleep) survives on the host.
    }

    @Test
    void daemonThatOutlivesTimeoutIsKilledToo() throws Exception {
        SandboxResult r = sh(limits().withWallTimeout(Duration.ofSeconds(1)), "(setsid sh -c 'sleep 1000' &); sleep 1000");
        assertThat(r.errorCode()).contains(TaskErrorCode.TIMEOUT);
    }

    @Test
    void noNetworkNotEvenLoopback() throws Exception {
        String hostAddress = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> !a.isLoopbackAddress() && a.getAddress().length == 4).map(InetAddress::getHostAddress)
                .findFirst().orElse("192.0.2.1");
        try (ServerSocket relayer = new ServerSocket()) {
            relayer.bind(new InetSocketAddress("0.0.0.0", 0));
            int port = relayer.getLocalPort();
            SandboxResult r = python(limits(), String.join("\n",
                    "import socket",
                    "for host in ['127.0.0.1', '" + hostAddress + "']:",
                    "    s = socket.socket()",
                    "    s.settimeout(2)",
                    "    try:",
                    "        s.connect((host, " + port + ")); print('CONNECTED', host)",
                    "    except OSError as e: print('blocked', host, e.errno)"));
            assertThat(out(r)).doesNotContain("CONNECTED").contains("blocked 127.0.0.1").contains("blocked " + hostAddress);
            relayer.setSoTimeout(200);
            try {
                relayer.accept().close();
                throw new AssertionError("the relayer port received a connection from the sandbox");
            } catch (SocketTimeoutException expected) {
                // nothing connected
            }
        }
    }

    @Test
    void hostSecretsAreInvisible() throws Exception {
        Path keystore = hostDir.resolve("keystore.json");
        Path config = hostDir.resolve("provider.toml");
        Files.writeString(keystore, "{\"crypto\":\"secret\"}");
        Files.writeString(config, "passphrase = \"hunter2\"");
        Files.setPosixFilePermissions(keystore, PosixFilePermissions.fromString("rw-------"));
        SandboxResult r = sh(limits(), "for f in /etc/shadow /etc/passwd " + keystore + " " + config
                + " /root/.smainer/keystore.json /proc/1/root/etc/shadow; do cat $f 2>/dev/null && echo LEAK $f; done;"
                + " ls /home /root /var /run /sys 2>/dev/null && echo LEAK-dirs; echo checked");
        assertThat(out(r)).contains("checked").doesNotContain("LEAK").doesNotContain("hunter2").doesNotContain("secret");
    }

    @Test
    void writesOutsideWorkDirFail() throws Exception {
        SandboxResult r = sh(limits(), "for f in /x /usr/x /tmp/x /etc/x /dev/x /proc/x; do"
                + " (echo pwned > $f) 2>/dev/null && echo WROTE $f; done; echo ok > /work/inside && cat /work/inside");
        assertThat(out(r)).doesNotContain("WROTE").contains("ok");
    }

    @Test
    void mountUnshareChrootAndKeyctlAreRefused() throws Exception {
        SandboxResult r = python(limits(), String.join("\n",
                "import ctypes, os, errno",
                "libc = ctypes.CDLL(None, use_errno=True)",
                "def check(name, rc):",
                "    print(name, 'ALLOWED' if rc == 0 else 'refused', ctypes.get_errno())",
                "check('mount', libc.mount(b'none', b'/work', b'tmpfs', 0, None))",
                "check('unshare-user', libc.unshare(0x10000000))",
                "check('unshare-net', libc.unshare(0x40000000))",
                "check('chroot', libc.chroot(b'/work'))",
                "check('keyctl', libc.syscall(250, 0, 0, 0, 0, 0) if os.uname().machine == 'x86_64' else -1)",
                "check('sethostname', libc.sethostname(b'evil', 4))",
                "check('setuid0', libc.setuid(0))",
                "check('bpf', libc.syscall(321, 0, 0, 0) if os.uname().machine == 'x86_64' else -1)"));
        assertThat(out(r)).as(all(r)).contains("mount refused", "unshare-user refused", "unshare-net refused",
                "chroot refused", "keyctl refused", "sethostname refused", "setuid0 refused", "bpf refused")
                .doesNotContain("ALLOWED");
    }

    @Test
    void daemonPidCannotBeKilledOrTraced() throws Exception {
        long daemonPid = ProcessHandle.current().pid();
        SandboxResult r = python(limits(), String.join("\n",
                "import ctypes, os, signal",
                "libc = ctypes.CDLL(None, use_errno=True)",
                "try:",
                "    os.kill(" + daemonPid + ", signal.SIGKILL); print('KILLED')",
                "except OSError as e: print('kill refused', e.errno)",
                "print('ptrace', 'ALLOWED' if libc.ptrace(16, " + daemonPid + ", None, None) == 0 else 'refused')",
                "print('ptrace-1', 'ALLOWED' if libc.ptrace(16, 1, None, None) == 0 else 'refused')",
                "print('pids', sorted(int(p) for p in os.listdir('/proc') if p.isdigit()))"));
        assertThat(out(r)).as(all(r)).contains("kill refused", "ptrace refused", "ptrace-1 refused", "pids [1]")
                .doesNotContain("KILLED").doesNotContain("ALLOWED");
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    @Test
    void setuidBinaryGivesNoPrivilege() throws Exception {
        Files.setPosixFilePermissions(hostDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path suid = hostDir.resolve("suid-id");
        Files.copy(Path.of("/usr/bin/id"), suid);
        assertThat(new ProcessBuilder("chmod", "4755", suid.toString()).start().waitFor()).isZero();
        SandboxResult r = SANDBOX.sandbox().run(SandboxSpec.of("hostile-" + IDS.incrementAndGet(),
                List.of("/bin/sh", "-c", suid + " -u; /usr/bin/su -c id root </dev/null; /usr/bin/mount -t tmpfs x /work;"
                        + " echo done"), limits()).withExtraReadOnlyPaths(List.of(hostDir)));
        assertThat(out(r)).as(all(r)).startsWith("65534\n").contains("done").doesNotContain("uid=0");
    }

    @Test
    void hundredMegabytesOfStdoutAreCapped() throws Exception {
        SandboxResult r = sh(limits(), "head -c 100000000 /dev/zero; echo tail >&2");
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).hasSize((int) SandboxLimits.MIB);
        assertThat(r.stdoutTotalBytes()).isEqualTo(100_000_000L);
        assertThat(r.stdoutTruncated()).isTrue();
        assertThat(r.stderrTruncated()).isFalse();
    }

    @Test
    void symlinkOutOfWorkDirLeadsNowhere() throws Exception {
        Path secret = hostDir.resolve("secret.txt");
        Files.writeString(secret, "top-secret");
        SandboxResult r = sh(limits(), "ln -s " + secret + " /work/a; ln -s /etc/shadow /work/b; ln -s / /work/root;"
                + " cat /work/a /work/b 2>/dev/null && echo LEAK; ls /work/root/ | tr '\\n' ' '; echo x > /work/root/usr/y"
                + " 2>/dev/null && echo WROTE; echo end");
        assertThat(out(r)).as(all(r)).contains("end").doesNotContain("LEAK").doesNotContain("WROTE")
                .doesNotContain("top-secret");
        assertThat(Files.readString(secret)).isEqualTo("top-secret");
    }

    @Test
    void fillingTheTmpfsIsAResourceLimitAndTheDaemonCarriesOn() throws Exception {
        SandboxResult r = sh(limits().withTmpfsBytes(8 * SandboxLimits.MIB),
                "dd if=/dev/zero of=/work/fill bs=1M count=100 2>/dev/null; echo rc=$?");
        assertThat(r.tmpfsFull()).as(all(r)).isTrue();
        assertThat(r.errorCode()).contains(TaskErrorCode.RESOURCE_LIMIT);
        assertThat(out(r)).doesNotContain("rc=0");
        assertThat(sh(limits(), "echo next").exitCode()).isZero();
    }

    @Test
    void procAndSysDoNotLeakTheHost() throws Exception {
        SandboxResult r = python(limits(), String.join("\n",
                "import os, socket",
                "env = open('/proc/1/environ','rb').read().split(b'\\0')",
                "print('env', sorted(e.split(b'=')[0].decode() for e in env if e))",
                "for f in ['/proc/sysrq-trigger', '/proc/sys/kernel/hostname', '/sys/kernel/uevent_helper']:",
                "    try:",
                "        open(f, 'w').write('x'); print('WROTE', f)",
                "    except OSError as e: print('refused', f)",
                "for fam, typ in [(socket.AF_INET, socket.SOCK_RAW), (17, socket.SOCK_RAW), (16, socket.SOCK_RAW), (40, socket.SOCK_STREAM)]:",
                "    try:",
                "        socket.socket(fam, typ, 0); print('SOCKET', fam)",
                "    except OSError as e: print('socket refused', fam, e.errno)",
                "print('dev', sorted(os.listdir('/dev')))"));
        assertThat(out(r)).as(all(r)).contains("env ['HOME', 'LANG', 'PATH', 'TMPDIR']")
                .contains("refused /proc/sysrq-trigger", "refused /proc/sys/kernel/hostname",
                        "refused /sys/kernel/uevent_helper")
                .doesNotContain("WROTE").doesNotContain("SOCKET")
                .contains("dev ['fd', 'null', 'stderr', 'stdin', 'stdout', 'urandom', 'zero']");
    }
}
