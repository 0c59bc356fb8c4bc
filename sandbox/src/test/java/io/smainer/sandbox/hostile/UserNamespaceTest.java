package io.smainer.sandbox.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.smainer.sandbox.Sandbox;
import io.smainer.sandbox.SandboxConfig;
import io.smainer.sandbox.SandboxExtension;
import io.smainer.sandbox.SandboxFactory;
import io.smainer.sandbox.SandboxFixture;
import io.smainer.sandbox.SandboxLimits;
import io.smainer.sandbox.SandboxResult;
import io.smainer.sandbox.SandboxSpec;
import io.smainer.sandbox.UserNamespaceMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import jnr.posix.POSIXFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The task's user namespace, for real as root: it maps only the task uid/gid (host root is unmapped), the
 * task holds no capability in it, and even a task that gets every capability of a user namespace of its
 * own (seccomp off, so it may create one) cannot do what only host root can. When the namespace is off,
 * by configuration or because the host forbids it, the rest of the isolation still applies.
 */
class UserNamespaceTest {
    private static final String PY = "/usr/bin/python3";
    private static final AtomicInteger IDS = new AtomicInteger();
    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();

    private static SandboxLimits limits() {
        return SandboxLimits.defaults().withWallTimeout(Duration.ofSeconds(30)).withMemoryBytes(128 * SandboxLimits.MIB)
                .withTmpfsBytes(4 * SandboxLimits.MIB);
    }

    private static String run(Sandbox sandbox, String script) throws Exception {
        SandboxResult r = sandbox.run(SandboxSpec.of("userns-" + IDS.incrementAndGet(), List.of("/bin/sh", "-c", script),
                limits()));
        String out = new String(r.stdout(), StandardCharsets.UTF_8);
        assertThat(r.exitCode()).as(out + new String(r.stderr(), StandardCharsets.UTF_8)).isZero();
        return out;
    }

    private static String python(Sandbox sandbox, String code) throws Exception {
        SandboxResult r = sandbox.run(SandboxSpec.of("userns-" + IDS.incrementAndGet(),
                List.of(PY, "-I", "-S", "/work/main.py"), limits())
                .withFiles(Map.of("main.py", code.getBytes(StandardCharsets.UTF_8))));
        return new String(r.stdout(), StandardCharsets.UTF_8) + new String(r.stderr(), StandardCharsets.UTF_8);
    }

    /** Not Files.readString: /proc reports size 0 and it can return one byte. */
    private static String procValue(String name) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("/proc/sys/kernel", name))) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
        }
    }

    private static String squeeze(String s) {
        return s.trim().replaceAll("[ \\t]+", " ");
    }

    @Test
    void taskUserNamespaceMapsOnlyTheTaskIdsAndGrantsNothing() throws Exception {
        Sandbox sandbox = SANDBOX.sandbox();
        assertThat(sandbox.userNamespace().enabled()).as(sandbox.userNamespace().reason()).isTrue();
        String hostUserns = Files.readSymbolicLink(Path.of("/proc/self/ns/user")).toString();
        String out = run(sandbox, "echo uid_map $(cat /proc/self/uid_map); echo gid_map $(cat /proc/self/gid_map);"
                + " echo setgroups $(cat /proc/self/setgroups); grep -E '^Cap(Inh|Prm|Eff|Bnd|Amb):' /proc/self/status;"
                + " echo userns $(readlink /proc/self/ns/user); echo owner $(stat -c %u:%g /usr/bin/env); id -u");
        int uid = sandbox.config().taskUid();
        int gid = sandbox.config().taskGid();
        assertThat(squeeze(out)).contains("uid_map " + uid + " " + uid + " 1\n")
                .contains("gid_map " + gid + " " + gid + " 1\n").contains("setgroups deny\n")
                .contains("CapInh: 0000000000000000", "CapPrm: 0000000000000000", "CapEff: 0000000000000000",
                        "CapBnd: 0000000000000000", "CapAmb: 0000000000000000")
                .doesNotContain("userns " + hostUserns).contains("userns user:[")
                .endsWith("\n" + uid);
        // Root-owned host files show the overflow ids (kernel.overflowuid/gid), not 0: host root is not mapped.
        String overflow = procValue("overflowuid") + ":" + procValue("overflowgid");
        assertThat(out).contains("owner " + overflow + "\n");
    }

    @Test
    void everyCapabilityOfANestedUserNamespaceStillCannotActAsHostRoot() throws Exception {
        // Seccomp off: the task may create a user namespace of its own and hold every capability in it,
        // which is the most a capability-drop or setuid bug could give it. What only host root in the
        // initial user namespace may do must still fail, because none of the task's other namespaces and
        // none of the host's ids belong to a namespace it controls.
        try (SandboxFixture noFilter = SandboxFixture.open(SandboxFixture.config().withSeccomp(false))) {
            String out = python(noFilter.sandbox(), String.join("\n",
                    "import ctypes, os, socket",
                    "libc = ctypes.CDLL(None, use_errno=True)",
                    "def check(name, rc):",
                    "    print(name, 'ALLOWED' if rc == 0 else 'refused', ctypes.get_errno())",
                    "open('/work/f', 'w').close()",
                    "try:",
                    "    os.chown('/work/f', 0, 0); print('chown-host-root ALLOWED')",
                    "except OSError as e: print('chown-host-root refused', e.errno)",
                    "print('nested-userns', 'created' if libc.unshare(0x10000000) == 0 else 'not created')",
                    "caps = [l for l in open('/proc/self/status') if l.startswith('CapEff:')][0].split()[1]",
                    "print('nested-cap-eff', caps)",
                    "check('mount', libc.mount(b'none', b'/work', b'tmpfs', 0, None))",
                    "check('sethostname', libc.sethostname(b'evil', 4))",
                    "check('setuid0', libc.setuid(0))",
                    "for f in ['/proc/sys/kernel/hostname', '/proc/sysrq-trigger']:",
                    "    try:",
                    "        open(f, 'w').write('x'); print('WROTE', f)",
                    "    except OSError as e: print('refused', f, e.errno)",
                    "try:",
                    "    s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP); print('RAW-SOCKET')",
                    "except OSError as e: print('raw socket refused', e.errno)",
                    "try:",
                    "    os.kill(1, 9) if os.getpid() != 1 else None; print('pid', os.getpid())",
                    "except OSError as e: print('kill refused', e.errno)"));
            assertThat(out).as(out).contains("chown-host-root refused 22", "nested-userns created")
                    .contains("nested-cap-eff 000001ffffffffff").contains("mount refused", "sethostname refused",
                            "setuid0 refused", "refused /proc/sys/kernel/hostname", "refused /proc/sysrq-trigger",
                            "raw socket refused")
                    .doesNotContain("ALLOWED").doesNotContain("WROTE").doesNotContain("RAW-SOCKET");
            noFilter.assertNothingLeft();
        }
    }

    @Test
    void withTheUserNamespaceOffTheRestOfTheIsolationStillApplies() throws Exception {
        try (SandboxFixture off = SandboxFixture.open(SandboxFixture.config().withUserns(UserNamespaceMode.OFF))) {
            assertThat(off.sandbox().userNamespace().enabled()).isFalse();
            assertThat(off.sandbox().userNamespace().reason()).contains(SandboxConfig.KEY_USERNS + "=off");
            String out = run(off.sandbox(), "echo uid_map $(cat /proc/self/uid_map);"
                    + " grep -E '^(CapEff|CapBnd|NoNewPrivs|Seccomp):' /proc/self/status; id -u; ls /proc | grep -c '^[0-9]'");
            assertThat(squeeze(out)).contains("uid_map 0 0 4294967295\n").contains("CapEff: 0000000000000000",
                    "CapBnd: 0000000000000000", "NoNewPrivs: 1", "Seccomp: 2")
                    .contains("\n" + off.sandbox().config().taskUid() + "\n");
            off.assertNothingLeft();
        }
    }

    @Test
    void aHostThatForbidsUserNamespacesGetsTheRestOfTheIsolation(@TempDir Path proc) throws Exception {
        Files.createDirectories(proc.resolve("self/ns"));
        Files.createDirectories(proc.resolve("sys/user"));
        Files.writeString(proc.resolve("self/ns/user"), "");
        Files.writeString(proc.resolve("sys/user/max_user_namespaces"), "0\n");
        SandboxConfig config = SandboxFixture.config();
        try (Sandbox sandbox = SandboxFactory.open(config, POSIXFactory.getNativePOSIX(), proc)) {
            try {
                assertThat(sandbox.userNamespace().enabled()).isFalse();
                assertThat(sandbox.userNamespace().reason()).contains("user.max_user_namespaces is 0");
                String out = run(sandbox, "echo uid_map $(cat /proc/self/uid_map); grep -E '^(CapEff|Seccomp):'"
                        + " /proc/self/status");
                assertThat(squeeze(out)).contains("uid_map 0 0 4294967295", "CapEff: 0000000000000000", "Seccomp: 2");
            } finally {
                sandbox.close();
                sandbox.cgroups().reapStale();
                for (Path parent : sandbox.cgroups().parents().values()) {
                    Files.deleteIfExists(parent);
                }
            }
        }
    }
}
