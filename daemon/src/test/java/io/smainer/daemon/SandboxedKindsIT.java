package io.smainer.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.smainer.daemon.testing.DaemonProcess;
import io.smainer.sandbox.ai.LoopbackModelServer;
import io.smainer.daemon.testing.RelayerLiteProcess;
import io.smainer.daemon.testing.TestKeys;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6 end to end, as root: the daemon process against a real relayer-lite process, CUSTOM tasks
 * through the real sandbox (the launcher the sandbox module builds), AI tasks against a loopback server
 * that speaks Ollama's wire format, stream chunks forwarded by relayer-lite to the stream callback URL,
 * and {@code --selftest}. Each daemon uses a task cgroup parent of its own, and the test asserts it is gone.
 */
class SandboxedKindsIT {
    static final String API_KEY = "it-api-key-sandboxed-3b7d";
    static final String CALLBACK_SECRET = "it-callback-secret-sandboxed-9e21";
    static final String PROMPT_MARKER = "PROMPT-MARKER-5c0ffee1";

    @TempDir
    Path tmp;
    final ObjectMapper json = new ObjectMapper();
    final String cgroupParent = "smainer-it-" + UUID.randomUUID().toString().substring(0, 8);
    LoopbackModelServer models;

    @BeforeEach
    void startModelServer() throws IOException {
        models = new LoopbackModelServer();
    }

    /** After a failed test the daemon may have been killed before its shutdown removed the parents. */
    @AfterEach
    void stopModelServerAndRemoveCgroupParents() throws IOException {
        models.close();
        List<Path> left = new java.util.ArrayList<>(cgroupDirs());
        left.sort(java.util.Comparator.comparingInt(Path::getNameCount).reversed());
        for (Path dir : left) {
            Files.deleteIfExists(dir); // rmdir: fails loudly if a process or child cgroup is still inside
        }
    }

    static String launcher() {
        String l = System.getProperty("smainer.launcher");
        assertThat(l).as("system property smainer.launcher (daemon/pom.xml sets it)").isNotNull();
        Path p = Path.of(l).toAbsolutePath().normalize();
        assertThat(p).as("the launcher built by the sandbox module: mvn -pl sandbox install").isRegularFile();
        return p.toString();
    }

    private Map<String, String> sandboxEnv(boolean customEnabled) {
        Map<String, String> env = new HashMap<>(Map.of("SMAINER_SANDBOX_LAUNCHER", launcher(),
                "SMAINER_SANDBOX_CGROUP_PARENT", cgroupParent, "OLLAMA_BASE_URL", models.base().toString()));
        if (customEnabled) {
            env.put("ENABLE_CUSTOM_TASKS", "true");
            env.put("SMAINER_CUSTOM_RUNTIMES", "sh=/bin/sh");
        }
        return env;
    }

    private DaemonProcess daemon(String wsOrigin, Map<String, String> extraEnv) throws Exception {
        Path ks = TestKeys.writeKeystore(tmp.resolve("keys"));
        Map<String, String> env = new HashMap<>(Map.of("STARKNET_ACCOUNT_ADDRESS", TestKeys.ADDRESS, "RELAYER_WS_URL", wsOrigin,
                "HEARTBEAT_INTERVAL", "1", "RECONNECT_MAX_DELAY", "0.5", "SMAINER_DRAIN_TIMEOUT", "10"));
        env.putAll(extraEnv);
        return DaemonProcess.start(tmp.resolve("state"), tmp.resolve("daemon.log"), env, "--keystore", ks.toString(),
                "--passphrase-file", tmp.resolve("keys/passphrase").toString());
    }

    private RelayerLiteProcess relayer() throws Exception {
        return RelayerLiteProcess.start(tmp.resolve("relayer"), tmp.resolve("relayer.log"), API_KEY, CALLBACK_SECRET);
    }

    /** Task cgroup parent directories of this test anywhere in the cgroup hierarchies. */
    private List<Path> cgroupDirs() throws IOException {
        try (Stream<Path> s = Files.find(Path.of("/sys/fs/cgroup"), 6,
                (p, a) -> a.isDirectory() && p.getFileName() != null && p.getFileName().toString().startsWith(cgroupParent))) {
            return s.toList();
        }
    }

    private static String filesUnder(Path dir) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }

    /** Pids in a task cgroup of this test (warm launchers, tasks), from every {@code /proc/<pid>/cgroup}. */
    private List<Long> processesInTaskCgroups() throws IOException {
        List<Long> pids = new java.util.ArrayList<>();
        try (java.nio.file.DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                try (java.io.InputStream in = Files.newInputStream(proc.resolve("cgroup"))) {
                    if (new String(in.readAllBytes(), StandardCharsets.US_ASCII).contains("/" + cgroupParent + "/")) {
                        pids.add(Long.parseLong(proc.getFileName().toString()));
                    }
                } catch (IOException e) {
                    // exited while we looked
                }
            }
        }
        return pids;
    }

    /** What the sandbox decides in auto mode (TaskUserNamespace): a user namespace unless the kernel forbids it. */
    private static boolean hostGivesTasksAUserNamespace() throws IOException {
        Path max = Path.of("/proc/sys/user/max_user_namespaces");
        if (!Files.exists(Path.of("/proc/self/ns/user"))) {
            return false;
        }
        try (java.io.InputStream in = Files.newInputStream(max)) {
            return !new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim().equals("0");
        } catch (java.nio.file.NoSuchFileException e) {
            return true;
        }
    }

    @Test
    void customTaskRunsInTheSandboxAndItsSignedResultIsAccepted() throws Exception {
        Map<String, String> env = sandboxEnv(true);
        env.put("DEFAULT_TIMEOUT", "1"); // caps a CUSTOM task's wall time below its own timeout_seconds
        env.put("SMAINER_SANDBOX_PREWARM", "2"); // more than one warm launcher to remove at shutdown
        try (RelayerLiteProcess relayer = relayer(); DaemonProcess d = daemon(relayer.wsOrigin(), env)) {
            d.showLogOnFailure(() -> {
                d.awaitRegistered(Duration.ofSeconds(60));
                JsonNode status = d.status();
                assertThat(status.at("/isolation/available").asBoolean()).as("isolation: %s", status.get("isolation")).isTrue();
                assertThat(status.at("/isolation/allowed_runtimes/sh").asText()).isEqualTo("/bin/sh");
                assertThat(status.at("/task_kinds/CUSTOM/available").asBoolean()).isTrue();
                assertThat(status.at("/task_kinds/HASH/available").asBoolean()).isTrue();
                assertThat(status.at("/isolation/task_userns").asBoolean()).as("isolation: %s", status.get("isolation"))
                        .isEqualTo(hostGivesTasksAUserNamespace());
                assertThat(status.at("/isolation/task_userns_reason").asText()).isNotBlank();
                assertThat(d.log()).contains("warm spares 2");
                assertThat(cgroupDirs()).as("task cgroup parents while running").isNotEmpty();

                String task = relayer.submit("{\"payload\":{\"task_type\":\"CUSTOM\",\"runtime\":\"sh\","
                        + "\"code\":\"echo hello; id -u; echo oops >&2; exit 3\",\"args\":[]}}");
                // relayer-lite verifies the Stark signature over result_hash before it stores "completed"
                JsonNode done = relayer.awaitStatus(task, "completed", Duration.ofSeconds(60));
                JsonNode result = done.get("result");
                assertThat(result.get("stdout").asText()).isEqualTo("hello\n65534\n");
                assertThat(result.get("stderr").asText()).isEqualTo("oops\n");
                assertThat(result.get("exit_code").asInt()).isEqualTo(3);
                assertThat(result.get("stdout_truncated").asBoolean()).isFalse();
                assertThat(result.at("/resource_report/wall_time_ms").asLong()).isPositive();
                assertThat(result.at("/resource_report/peak_memory_bytes").asLong()).isPositive();

                String slow = relayer.submit("{\"payload\":{\"task_type\":\"CUSTOM\",\"runtime\":\"sh\","
                        + "\"code\":\"while :; do :; done\"},\"requirements\":{\"max_execution_time\":30}}");
                JsonNode timedOut = relayer.awaitStatus(slow, "failed", Duration.ofSeconds(60));
                assertThat(timedOut.get("error_message").asText()).contains("TIMEOUT");

                // Between tasks the daemon's only descendants are the warm launchers: per spare an outer in the
                // host pid ns and its inner (pid 1 of the task's pid ns), the inner in the spare's task cgroup.
                await().atMost(Duration.ofSeconds(30)).until(() -> processesInTaskCgroups().size() >= 2);
                List<Long> inTaskCgroups = processesInTaskCgroups();
                List<ProcessHandle> launchers = d.process().descendants().toList();
                assertThat(launchers.stream().map(ProcessHandle::pid).toList()).as("the daemon's descendants")
                        .containsAll(inTaskCgroups).hasSizeGreaterThan(inTaskCgroups.size());

                d.terminate();
                assertThat(d.waitForExit(Duration.ofSeconds(30))).isZero();
                assertThat(cgroupDirs()).as("task cgroup parents after shutdown").isEmpty();
                assertThat(processesInTaskCgroups()).as("processes in task cgroups after shutdown").isEmpty();
                // Not even a zombie: the sandbox reaps every launcher it started before the daemon exits.
                assertThat(launchers).as("launcher processes after shutdown, zombies included")
                        .noneMatch(p -> Files.exists(Path.of("/proc", Long.toString(p.pid()))));
                assertThat(d.log()).as("the sandbox closed its spares: nothing left for the reaper")
                        .doesNotContain("task cgroup(s) at shutdown").doesNotContain("left by a previous run");
            });
        }
    }

    @Test
    void customTaskIsRefusedNotEligibleWhenDisabledAndNothingRuns() throws Exception {
        try (RelayerLiteProcess relayer = relayer(); DaemonProcess d = daemon(relayer.wsOrigin(), sandboxEnv(false))) {
            d.showLogOnFailure(() -> {
                d.awaitRegistered(Duration.ofSeconds(60));
                JsonNode kinds = d.status().get("task_kinds");
                assertThat(kinds.at("/CUSTOM/available").asBoolean()).isFalse();
                assertThat(kinds.at("/CUSTOM/reason").asText()).contains("enable_custom_tasks=false");

                String task = relayer.submit("{\"payload\":{\"task_type\":\"CUSTOM\",\"runtime\":\"sh\",\"code\":\"echo hi\"}}");
                JsonNode failed = relayer.awaitStatus(task, "failed", Duration.ofSeconds(60));
                assertThat(failed.get("error_message").asText()).contains("NOT_ELIGIBLE");
                assertThat(d.log()).contains("refused: NOT_ELIGIBLE (CUSTOM tasks are unavailable here: CUSTOM tasks are"
                        + " disabled on this node");
                JsonNode tasks = d.status().get("tasks");
                assertThat(tasks.get("completed").asInt()).isZero();
                assertThat(tasks.get("rejected").asInt()).isPositive();
                assertThat(cgroupDirs()).as("no sandbox is opened when CUSTOM is off").isEmpty();
                assertThat(d.log()).doesNotContain("sandbox ready");
            });
        }
    }

    @Test
    void aiTaskStreamsChunksToTheStreamCallbackAndCompletes() throws Exception {
        List<JsonNode> streamed = new CopyOnWriteArrayList<>();
        HttpServer callbacks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        callbacks.createContext("/stream", ex -> {
            streamed.add(json.readTree(ex.getRequestBody().readAllBytes()));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        callbacks.createContext("/complete", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        callbacks.start();
        String base = "http://127.0.0.1:" + callbacks.getAddress().getPort();
        try (RelayerLiteProcess relayer = relayer();
             DaemonProcess d = daemon(relayer.wsOrigin(), Map.of("OLLAMA_BASE_URL", models.base().toString()))) {
            d.showLogOnFailure(() -> {
                d.awaitRegistered(Duration.ofSeconds(60));
                assertThat(d.status().at("/ai/offered_models").toString()).isEqualTo("[\"llama3.1:8b\",\"qwen2.5:0.5b\"]");
                String prompt = "What is the capital of France? " + PROMPT_MARKER;
                String task = relayer.submit(json.createObjectNode().set("payload", json.createObjectNode()
                        .put("type", "ai_inference").put("prompt", prompt).put("model", "llama3.1:8b")
                        .put("stream_callback_url", base + "/stream").put("complete_callback_url", base + "/complete")).toString());
                JsonNode done = relayer.awaitStatus(task, "completed", Duration.ofSeconds(60));
                assertThat(done.at("/result/response").asText()).isEqualTo("Paris is the capital.");
                assertThat(done.at("/result/model").asText()).isEqualTo("llama3.1:8b");

                JsonNode sent = models.requests.get(models.requests.size() - 1);
                assertThat(sent.get("prompt").asText()).isEqualTo(prompt);
                assertThat(sent.get("stream").asBoolean()).as("relayer-lite's ack lists stream").isTrue();
                assertThat(sent.at("/options/num_predict").asInt()).isEqualTo(512);

                await().atMost(Duration.ofSeconds(20)).until(() -> streamed.stream().anyMatch(n -> n.path("done").asBoolean()));
                assertThat(streamed).allSatisfy(n -> assertThat(n.get("task_id").asText()).isEqualTo(task));
                assertThat(streamed.stream().map(n -> n.get("chunk").asText()).toList())
                        .containsExactly("Paris", " is", " the", " capital.", "");
                assertThat(streamed.get(streamed.size() - 1).get("done").asBoolean()).isTrue();

                d.terminate();
                assertThat(d.waitForExit(Duration.ofSeconds(30))).isZero();
                assertThat(d.log()).doesNotContain(PROMPT_MARKER).doesNotContain("Paris");
                assertThat(filesUnder(tmp.resolve("state"))).as("nothing of the prompt on disk").doesNotContain(PROMPT_MARKER);
            });
        } finally {
            callbacks.stop(0);
        }
    }

    @Test
    void selftestPassesHereAsRootAndFailsWhenAnEnabledBackendIsDown() throws Exception {
        Map<String, String> env = sandboxEnv(true);
        Path xml = tmp.resolve("selftest.xml");
        try (DaemonProcess ok = DaemonProcess.start(tmp.resolve("st1"), tmp.resolve("selftest-ok.log"), env,
                "--selftest", "--junit-xml", xml.toString())) {
            ok.showLogOnFailure(() -> {
                assertThat(ok.waitForExit(Duration.ofSeconds(120))).isZero();
                assertThat(ok.log()).contains("PASS  isolation probe", "PASS  hostile: fork bomb hits pids.max",
                        "PASS  CUSTOM sh", "PASS  HASH", "PASS  MATRIX", "PASS  AI_INFERENCE ollama", "0 failed");
                assertThat(Files.readString(xml)).contains("failures=\"0\"", "name=\"CUSTOM sh\"");
            });
        }
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        env.put("OLLAMA_BASE_URL", "http://127.0.0.1:" + closedPort);
        try (DaemonProcess down = DaemonProcess.start(tmp.resolve("st2"), tmp.resolve("selftest-down.log"), env, "--selftest")) {
            down.showLogOnFailure(() -> {
                assertThat(down.waitForExit(Duration.ofSeconds(120))).isEqualTo(1);
                assertThat(down.log()).contains("FAIL  AI_INFERENCE ollama", "enable_ai_tasks=false", "PASS  CUSTOM sh");
            });
        }
        assertThat(cgroupDirs()).as("self-test cgroup parents").isEmpty();
    }
}
