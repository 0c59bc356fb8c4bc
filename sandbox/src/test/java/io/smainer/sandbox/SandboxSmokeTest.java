package io.smainer.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SandboxSmokeTest {
    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();

    @Test
    void runsTrue() throws Exception {
        SandboxResult r = SANDBOX.run("smoke-true", SandboxLimits.defaults(), "/bin/true");
        assertThat(r.exitCode()).isZero();
        assertThat(r.errorCode()).isEmpty();
        assertThat(r.resources().spawnMicros()).isPositive();
        SANDBOX.assertNothingLeft();
    }

    @Test
    void seesOnlyItsOwnWorld() throws Exception {
        SandboxSpec spec = SandboxSpec.of("smoke-world", java.util.List.of("/bin/sh", "/work/probe.sh"),
                SandboxLimits.defaults()).withFiles(Map.of("probe.sh", String.join("\n",
                        "id -u; id -g; hostname; pwd; ls / | tr '\\n' ' '; echo; ls /etc | tr '\\n' ' '; echo; ls /dev | tr '\\n' ' '; echo",
                        "grep -E '^(CapEff|CapBnd|NoNewPrivs|Seccomp):' /proc/self/status",
                        "echo $$; cat /work/probe.sh | wc -l").getBytes(StandardCharsets.UTF_8)));
        SandboxResult r = SANDBOX.sandbox().run(spec);
        String out = new String(r.stdout(), StandardCharsets.UTF_8);
        assertThat(r.exitCode()).as(out + new String(r.stderr(), StandardCharsets.UTF_8)).isZero();
        assertThat(out).startsWith("65534\n65534\nsmainer-task\n/work\n");
        assertThat(out).contains("null stderr stdin stdout urandom zero");
        assertThat(out).contains("CapEff:\t0000000000000000").contains("CapBnd:\t0000000000000000")
                .contains("NoNewPrivs:\t1").contains("Seccomp:\t2");
        assertThat(out).contains("\nbin dev etc lib lib64 proc sbin usr work \n");
        assertThat(out).contains("\nalternatives ld.so.cache localtime \n");
        SANDBOX.assertNothingLeft();
    }
}
