package io.smainer.sandbox.custom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smainer.protocol.wire.TaskErrorCode;
import io.smainer.sandbox.SandboxException;
import io.smainer.sandbox.SandboxExtension;
import io.smainer.sandbox.SandboxLimits;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CustomTaskExecutorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();
    private static CustomTaskExecutor executor;

    @BeforeAll
    static void open() throws Exception {
        executor = new CustomTaskExecutor(SANDBOX.sandbox(),
                RuntimeAllowList.parse("python3=/usr/bin/python3,sh=/bin/sh,node=/usr/bin/node"),
                SandboxLimits.defaults().withWallTimeout(Duration.ofSeconds(30)).withMemoryBytes(256 * SandboxLimits.MIB)
                        .withTmpfsBytes(8 * SandboxLimits.MIB));
    }

    @AfterEach
    void nothingLeft() throws Exception {
        SANDBOX.assertNothingLeft();
    }

    private static ObjectNode payload(String runtime, String code, String... args) {
        ObjectNode p = JSON.createObjectNode().put("task_type", "CUSTOM").put("runtime", runtime).put("code", code);
        var a = p.putArray("args");
        for (String s : args) {
            a.add(s);
        }
        return p;
    }

    @Test
    void pythonShAndNodeRunWithArgs() throws Exception {
        var py = executor.execute("custom-py", payload("python3", "import sys\nprint(sum(map(int, sys.argv[1:])))\n"
                + "sys.exit(3)", "40", "2"), Duration.ofSeconds(30));
        assertThat(py.path("stdout").asText()).isEqualTo("42\n");
        assertThat(py.path("exit_code").asInt()).isEqualTo(3);
        assertThat(py.path("resource_report").path("wall_time_ms").asLong()).isPositive();
        assertThat(py.path("resource_report").has("peak_memory_bytes")).isTrue();
        var sh = executor.execute("custom-sh", payload("sh", "echo \"$1-$2\"; echo err >&2", "a", "b"), null);
        assertThat(sh.path("stdout").asText()).isEqualTo("a-b\n");
        assertThat(sh.path("stderr").asText()).isEqualTo("err\n");
        assertThat(sh.path("stdout_truncated").asBoolean()).isFalse();
        var node = executor.execute("custom-node", payload("node", "console.log(6 * 7)"), null);
        assertThat(node.path("stdout").asText()).as(node.toString()).isEqualTo("42\n");
    }

    @Test
    void runtimeOutsideTheAllowListIsNotEligible() {
        assertThatThrownBy(() -> executor.execute("custom-perl", payload("perl", "print 1"), null))
                .isInstanceOfSatisfying(SandboxException.class, e -> {
                    assertThat(e.code()).isEqualTo(TaskErrorCode.NOT_ELIGIBLE);
                    assertThat(e.getMessage()).contains("perl").contains(RuntimeAllowList.CONFIG_KEY);
                });
    }

    @Test
    void malformedPayloadIsInvalid() {
        assertThatThrownBy(() -> executor.execute("custom-bad", JSON.createObjectNode().put("task_type", "CUSTOM")
                .put("runtime", "sh"), null))
                .isInstanceOfSatisfying(SandboxException.class, e -> assertThat(e.code()).isEqualTo(TaskErrorCode.INVALID_PAYLOAD));
        assertThatThrownBy(() -> executor.execute("custom-bad2", payload("sh", "true").put("args", "not-a-list"), null))
                .isInstanceOfSatisfying(SandboxException.class, e -> assertThat(e.code()).isEqualTo(TaskErrorCode.INVALID_PAYLOAD));
    }

    @Test
    void taskTimeoutIsHonouredAndReportedAsTimeout() {
        assertThatThrownBy(() -> executor.execute("custom-slow", payload("sh", "sleep 100"), Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(SandboxException.class, e -> assertThat(e.code()).isEqualTo(TaskErrorCode.TIMEOUT));
    }

    @Test
    void allowListParsingNamesTheKey() {
        assertThatThrownBy(() -> RuntimeAllowList.parse("python3=python3"))
                .hasMessageContaining(RuntimeAllowList.CONFIG_KEY).hasMessageContaining("/usr/bin/python3");
    }
}
