package io.smainer.daemon.isolation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smainer.daemon.config.DaemonConfig;
import io.smainer.daemon.task.HashRunner;
import io.smainer.daemon.task.MatrixRunner;
import io.smainer.daemon.task.OutboxEntry;
import io.smainer.daemon.task.ResultLink;
import io.smainer.daemon.task.TaskContext;
import io.smainer.daemon.task.TaskRunner;
import io.smainer.protocol.api.TaskRequirements;
import io.smainer.protocol.wire.WsMessage;
import io.smainer.sandbox.selftest.SelfTest;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * {@code smainer-daemon --selftest}: on this host, through the real sandbox, runs the isolation probe, a
 * spawn, a short hostile subset (fork bomb, CPU spin past its timeout, {@code /etc/shadow}, network), every
 * enabled task kind (HASH, MATRIX, CUSTOM with an allowed shell or Python, AI_INFERENCE against the
 * configured backend), prints a PASS/FAIL table and returns 0 when all passed, else 1. Needs no relayer,
 * account or keystore. Task cgroups go under a parent of its own, removed afterwards, so a daemon running
 * on the same host is not touched.
 */
public final class SelfTestRun {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The CUSTOM case's check code exists for these interpreter families only (SelfTest.standard). */
    private static final List<String> CHECKABLE_RUNTIMES = List.of("python3", "python", "sh", "dash", "bash");

    private final DaemonConfig config;
    private final Path procRoot;

    public SelfTestRun(DaemonConfig config, Path procRoot) {
        this.config = config;
        this.procRoot = procRoot;
    }

    /** Runs every case, prints the table to {@code out}, writes JUnit XML when {@code junitXml} is set. */
    public int run(PrintStream out, Path junitXml) throws IOException {
        String parent = cgroupParent(config.sandbox().cgroupParent(), ProcessHandle.current().pid());
        SandboxedKinds kinds = SandboxedKinds.assemble(config, new Offline(), parent, procRoot, true);
        List<SelfTest.Outcome> outcomes;
        try {
            String runtime = config.sandbox().runtimes().interpreters().keySet().stream()
                    .filter(CHECKABLE_RUNTIMES::contains).findFirst().orElse(null);
            if (config.sandbox().customEnabled() && runtime == null) {
                out.println("note: CUSTOM is checked only with python3/python/sh/dash/bash; none is in custom_runtimes");
            }
            SelfTest test = SelfTest.standard(kinds.isolation().report(), kinds.isolation().sandbox(),
                    kinds.customExecutor(), runtime);
            test.add("HASH", () -> builtIn(new HashRunner(), "{\"task_type\":\"HASH\",\"data\":\"selftest\"}",
                    "hash", "d354caf95d3e6516b85e558edc25f44a260802e9a2daa18a01fc1cf8459673da"));
            test.add("MATRIX", () -> builtIn(new MatrixRunner(config.matrixMaxDimension()),
                    "{\"algorithm\":\"matrix_multiplication\",\"matrix_a\":[[1,2],[3,4]],\"matrix_b\":[[5,6],[7,8]]}",
                    "result", "[[19,22],[43,50]]"));
            if (config.ai().enabled()) {
                test.add("AI_INFERENCE " + config.ai().backend().configName() + " " + config.ai().baseUrl(), () -> ai(kinds));
            }
            outcomes = test.run();
        } finally {
            kinds.isolation().close();
        }
        int code = SelfTest.printTable(outcomes, out);
        if (junitXml != null) {
            SelfTest.writeJunitXml(outcomes, junitXml);
        }
        return code;
    }

    /** {@code <configured parent>-selftest-<pid>}, within the 64-character limit of a cgroup directory name. */
    static String cgroupParent(String configured, long pid) {
        String suffix = "-selftest-" + pid;
        return configured.substring(0, Math.min(configured.length(), 64 - suffix.length())) + suffix;
    }

    private String builtIn(TaskRunner runner, String payload, String field, String expected) throws Exception {
        JsonNode result = runner.run(context(payload)).resultData();
        String got = result.path(field).isTextual() ? result.path(field).asText() : result.path(field).toString();
        return got.equals(expected) ? null : "expected " + field + " " + expected + ", got " + got;
    }

    /** One short, real generation: the backend lists an allowed model and answers with text and token counts. */
    private String ai(SandboxedKinds kinds) throws Exception {
        kinds.models().refresh();
        if (kinds.models().problem() != null) {
            return kinds.models().problem() + " (set enable_ai_tasks=false if this node serves no AI)";
        }
        String model = kinds.models().models().contains(config.ai().defaultModel()) ? config.ai().defaultModel()
                : kinds.models().models().get(0);
        String payload = JSON.createObjectNode().put("type", "ai_inference").put("model", model)
                .put("prompt", "Reply with one word: ok").put("max_tokens", 8).toString();
        var outcome = kinds.ai().run(context(payload));
        if (outcome.resultData().path("response").asText("").isEmpty()) {
            return "model " + model + " returned an empty response";
        }
        return outcome.effort() != null && outcome.effort().tokensOutput() != null ? null
                : "model " + model + " answered without token counts (effort_metrics)";
    }

    private static TaskContext context(String payload) throws IOException {
        return new TaskContext("selftest-" + UUID.randomUUID(), JSON.readTree(payload),
                TaskRequirements.NONE, Duration.ofSeconds(60));
    }

    /** The self-test has no relayer: nothing is sent, nothing streams. */
    private static final class Offline implements ResultLink {
        @Override
        public void send(OutboxEntry entry) {
        }

        @Override
        public boolean sendNow(WsMessage message) {
            return false;
        }

        @Override
        public boolean supports(String feature) {
            return false;
        }

        @Override
        public boolean relayerAcksResults() {
            return false;
        }
    }
}
