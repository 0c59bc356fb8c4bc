package io.smainer.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.swmansion.starknet.provider.Provider;
import io.smainer.chain.EscrowClient;
import io.smainer.chain.EventLog;
import io.smainer.chain.PaymentAudit;
import io.smainer.chain.RelayerRecord;
import io.smainer.chain.StarknetNetwork;
import io.smainer.chain.TaskAudit;
import io.smainer.protocol.callback.CallbackVerdict;
import io.smainer.protocol.json.CanonicalJson;
import io.smainer.protocol.stark.Felts;
import io.smainer.sandbox.ai.LoopbackModelServer;
import io.smainer.testkit.CallbackReceiver;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, lifecycle: relayer-lite (embedded devnet, payment required, on-chain node keys enforced) and a real daemon
 * process registered on chain. For each of two tasks — CUSTOM {@code sh} in the sandbox, and AI_INFERENCE against a
 * loopback server speaking Ollama's wire format (PROTOCOL.md §5) — the demander escrows (approve + create_task) and
 * submits with the escrow id and callback URLs; the signed result is verified; the HMAC callbacks are verified by a
 * loopback receiver; the task settles; {@link PaymentAudit} accounts for every wei (85 % + 3 % to the provider, 12 % to
 * the treasury, PROTOCOL.md §4); and neither payload nor result is left in the relayer's store files, the daemon's state
 * dir or either log.
 */
@Tag("e2e")
class LifecycleIT {
    private static final BigInteger AMOUNT = new BigInteger("100000000000000000"); // 0.1 STRK
    private static final String MODEL = "llama3.1:8b"; // LoopbackModelServer's /api/tags lists it
    private static final String MODEL_ANSWER = "Paris is the capital."; // its /api/generate answer

    @TempDir
    Path dir;

    /** One paid task: relayer task id, escrow id, and the strings only its payload or result holds. */
    private record Paid(String task, BigInteger escrowId, List<String> secrets) {}

    @Test
    void paidCustomAndAiTasksRunSettleAuditToTheWeiAndLeaveNoTrace() throws Exception {
        try (RelayerLite relayer = RelayerLite.start(dir.resolve("relayer"), true, "--result-ttl", "1");
             CallbackReceiver receiver = new CallbackReceiver(RelayerLite.CALLBACK_SECRET);
             LoopbackModelServer models = new LoopbackModelServer()) {
            StarknetNetwork network = relayer.network();
            Keys.Provider provider = Keys.registeredProvider(network);
            Keys.Provider demander = Keys.predeployed(relayer, "user");
            var rpc = network.provider();
            EscrowClient escrow = network.escrowClient(rpc);

            try (Daemon daemon = Daemon.start(relayer.ws(), dir.resolve("daemon-state"), provider.addressHex(), provider.privateKeyHex(),
                    "--enable-ai-tasks", "true", "--ollama-base-url", models.base().toString())) {
                await("daemon registered (on-chain key accepted)").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                        .until(daemon::registered);
                BigInteger providerBefore = escrow.balanceOf(network.strk(), provider.address());
                String lower = UUID.randomUUID().toString().replace("-", "");
                String resultMarker = "rmark-" + lower.toUpperCase(Locale.ROOT); // only the CUSTOM task's output holds it
                String promptMarker = "prompt-" + UUID.randomUUID();
                String prompt = "What is the capital of France? " + promptMarker;
                Paid custom = submitPaid(relayer, receiver, escrow, network, demander, customPayload(lower), lower, resultMarker);
                Paid ai = submitPaid(relayer, receiver, escrow, network, demander, RelayerLite.JSON.createObjectNode()
                        .put("type", "ai_inference").put("prompt", prompt).put("model", MODEL), promptMarker, "Paris");
                try {
                    assertThat(finalCallback(receiver, custom, "completed")).contains(resultMarker);
                    JsonNode aiFinal = CanonicalJson.parse(finalCallback(receiver, ai, "completed"));
                    assertThat(aiFinal.at("/result/response").asText()).isEqualTo(MODEL_ANSWER);
                    assertThat(aiFinal.at("/result/model").asText()).isEqualTo(MODEL);
                    assertThat(aiFinal.path("model").asText()).as("copied from the payload (PROTOCOL.md §3)").isEqualTo(MODEL);
                    await("the streamed answer, signed").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                            .until(() -> streamed(receiver, ai.task()).endsWith("\u0000"));
                    assertThat(streamed(receiver, ai.task())).isEqualTo(MODEL_ANSWER + "\u0000");
                    for (Paid p : List.of(custom, ai)) {
                        await("settled " + p.task()).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                                .until(() -> "settled".equals(relayer.task(p.task()).path("status").asText()));
                    }
                } catch (Throwable t) {
                    throw new AssertionError(t.getMessage() + "\n---- relayer ----\n" + relayer.log() + "\n---- daemon ----\n"
                            + daemon.log() + "\n---- tasks ----\n" + relayer.task(custom.task()) + "\n" + relayer.task(ai.task()), t);
                }
                assertThat(models.paths).as("the model server saw the prompt exactly once").containsExactly("POST /api/generate");
                assertThat(models.requests).singleElement().satisfies(r -> {
                    assertThat(r.path("prompt").asText()).isEqualTo(prompt);
                    assertThat(r.path("model").asText()).isEqualTo(MODEL);
                    assertThat(r.at("/options/num_predict").asInt()).isEqualTo(512);
                });

                TaskAudit customAudit = auditSettled(relayer, rpc, network, custom, demander, provider);
                TaskAudit aiAudit = auditSettled(relayer, rpc, network, ai, demander, provider);
                assertThat(escrow.balanceOf(network.strk(), provider.address()).subtract(providerBefore))
                        .as("the provider's account received payout + gas subsidy of both tasks, to the wei")
                        .isEqualTo(customAudit.providerReceives().add(aiAudit.providerReceives()));

                assertGone(relayer, daemon, custom, ai);
            }
        }
    }

    /** {@code sh} that prints {@code rmark-<ARG UPPERCASED>}: the marker exists only in the task's output. */
    private static ObjectNode customPayload(String lowerArg) {
        ObjectNode payload = RelayerLite.JSON.createObjectNode().put("task_type", "CUSTOM").put("runtime", "sh")
                .put("code", "# pmark-" + lowerArg + "\nprintf 'rmark-%s\\n' \"$(echo \"$1\" | tr a-z A-Z)\"\n");
        payload.putArray("args").add(lowerArg);
        return payload;
    }

    /** Escrows {@link #AMOUNT} for {@code payload} as the demander, then submits it with callback URLs and the escrow id. */
    private static Paid submitPaid(RelayerLite relayer, CallbackReceiver receiver, EscrowClient escrow, StarknetNetwork network,
                                   Keys.Provider demander, ObjectNode payload, String... secrets) throws Exception {
        BigInteger escrowId = escrow.createTask(network.account(network.provider(), demander.address(), demander.key()),
                network.strk(), AMOUNT, CanonicalJson.sha256ModP(payload));
        payload.put("complete_callback_url", receiver.url("/callback/complete"));
        payload.put("stream_callback_url", receiver.url("/callback/stream"));
        ObjectNode body = RelayerLite.JSON.createObjectNode();
        body.set("payload", payload);
        body.put("token_amount", AMOUNT);
        body.put("on_chain_task_id", escrowId);
        body.put("demander_address", demander.addressHex());
        return new Paid(relayer.submit(body), escrowId, List.of(secrets));
    }

    /**
     * Waits for the task's final callback; every callback of the task passed HMAC verification, finals have one outcome
     * and one event id; it names the escrow. Returns the final body as sent.
     */
    private static String finalCallback(CallbackReceiver receiver, Paid p, String status) {
        await("final callback of " + p.task()).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(() -> receiver.finals().stream().anyMatch(r -> r.taskId().equals(p.task())));
        List<CallbackReceiver.Received> mine = receiver.received.stream().filter(r -> r.taskId().equals(p.task())).toList();
        assertThat(mine).allMatch(r -> r.verdict() == CallbackVerdict.ACCEPTED);
        List<CallbackReceiver.Received> finals = receiver.finals().stream().filter(r -> r.taskId().equals(p.task())).toList();
        assertThat(finals).extracting(CallbackReceiver.Received::status).containsOnly(status);
        assertThat(finals).extracting(CallbackReceiver.Received::eventId).doesNotContainNull()
                .allMatch(id -> id.equals(finals.get(0).eventId()));
        assertThat(finals.get(0).body().path("on_chain_task_id").asText()).isEqualTo(p.escrowId().toString());
        return new String(finals.get(0).raw(), StandardCharsets.UTF_8);
    }

    /** The chunks of the task's stream callbacks joined in arrival order, with NUL once the {@code done} chunk came. */
    private static String streamed(CallbackReceiver receiver, String task) {
        StringBuilder text = new StringBuilder();
        for (CallbackReceiver.Received r : receiver.received) {
            if (r.path().equals("/callback/stream") && r.taskId().equals(task) && r.verdict() == CallbackVerdict.ACCEPTED) {
                text.append(r.body().path("chunk").asText());
                if (r.body().path("done").asBoolean()) {
                    text.append('\u0000');
                }
            }
        }
        return text.toString();
    }

    /** Payment truth from escrow events alone, compared with the relayer's settlement record, to the wei. */
    private static TaskAudit auditSettled(RelayerLite relayer, Provider rpc, StarknetNetwork network,
                                          Paid p, Keys.Provider demander, Keys.Provider provider) throws Exception {
        JsonNode view = relayer.task(p.task());
        assertThat(view.path("assigned_node_id").asText()).isNotEmpty();
        assertThat(view.path("on_chain_task_id").asText()).isEqualTo(p.escrowId().toString());
        JsonNode s = view.path("settlement");
        assertThat(s.path("status").asText()).isEqualTo("settled");
        RelayerRecord record = new RelayerRecord(s.path("status").asText(), wei(s.get("provider_payout")), wei(s.get("gas_subsidy")),
                wei(s.get("treasury_fee")), Felts.parse("tx_hash", s.get("tx_hash").asText()));

        TaskAudit audit = new PaymentAudit(new EventLog(rpc), network.escrow()).auditTask(p.escrowId(), record);
        assertThat(audit.mismatches()).as("audit of " + p.task()).isEmpty();
        assertThat(audit.outcome()).isEqualTo(TaskAudit.Outcome.SETTLED);
        assertThat(audit.creator()).isEqualTo(demander.address());
        assertThat(audit.provider()).isEqualTo(provider.address());
        assertThat(audit.amount()).isEqualTo(AMOUNT);
        assertThat(audit.refund()).isZero();
        assertThat(audit.treasuryFee()).as("12 %").isEqualTo(AMOUNT.multiply(BigInteger.valueOf(12)).divide(BigInteger.valueOf(100)));
        assertThat(audit.gasSubsidy()).as("3 %").isEqualTo(AMOUNT.multiply(BigInteger.valueOf(3)).divide(BigInteger.valueOf(100)));
        assertThat(audit.providerPayout()).as("85 %").isEqualTo(AMOUNT.multiply(BigInteger.valueOf(85)).divide(BigInteger.valueOf(100)));
        assertThat(audit.providerPayout()).isEqualTo(record.providerPayout());
        assertThat(audit.gasSubsidy()).isEqualTo(record.gasSubsidy());
        assertThat(audit.treasuryFee()).isEqualTo(record.treasuryFee());
        return audit;
    }

    /** Payloads and results leave the relayer's store and the daemon's disk once delivered; logs never held them. */
    private static void assertGone(RelayerLite relayer, Daemon daemon, Paid... tasks) throws Exception {
        String[] secrets = Arrays.stream(tasks).flatMap(p -> p.secrets().stream()).toArray(String[]::new);
        assertThat(StoreScan.filesContaining(relayer.dataDir(), tasks[0].task())).as("the scan reads the store: the task id stays")
                .isNotEmpty();
        await("payloads and results gone from the relayer's store and the daemon's state dir").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    assertThat(StoreScan.filesContaining(relayer.dataDir(), secrets)).isEmpty();
                    assertThat(StoreScan.filesContaining(daemon.stateDir(), secrets)).isEmpty();
                });
        for (Path log : List.of(relayer.logFile(), daemon.logFile())) {
            String text = Files.readString(log, StandardCharsets.ISO_8859_1);
            assertThat(Arrays.stream(secrets).filter(text::contains).toList()).as("payload or result in " + log).isEmpty();
        }
    }

    private static BigInteger wei(JsonNode n) {
        return n == null || n.isNull() ? null : new BigInteger(n.asText());
    }
}
