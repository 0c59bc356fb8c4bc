package io.smainer.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smainer.chain.EscrowClient;
import io.smainer.chain.EventLog;
import io.smainer.chain.PaymentAudit;
import io.smainer.chain.RelayerRecord;
import io.smainer.chain.StarknetNetwork;
import io.smainer.chain.TaskAudit;
import io.smainer.protocol.callback.CallbackVerdict;
import io.smainer.protocol.json.CanonicalJson;
import io.smainer.protocol.stark.Felts;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, lifecycle: relayer-lite (embedded devnet, payment required, on-chain node keys enforced) and a real daemon
 * process registered on chain. The demander escrows (approve + create_task), submits with the escrow id and a callback
 * URL; the daemon runs a CUSTOM {@code sh} task in the sandbox; the signed result is verified; the HMAC callback is
 * verified by a loopback receiver; the task settles; {@link PaymentAudit} accounts for every wei; and neither the payload
 * nor the result is left in the relayer's store files or the daemon's state dir.
 */
@Tag("e2e")
class LifecycleIT {
    private static final BigInteger AMOUNT = new BigInteger("100000000000000000"); // 0.1 STRK

    @TempDir
    Path dir;

    @Test
    void paidCustomTaskRunsSettlesAuditsToTheWeiAndLeavesNoTrace() throws Exception {
        try (RelayerLite relayer = RelayerLite.start(dir.resolve("relayer"), true, "--result-ttl", "1");
             CallbackReceiver receiver = new CallbackReceiver(RelayerLite.CALLBACK_SECRET)) {
            StarknetNetwork network = relayer.network();
            Keys.Provider provider = Keys.registeredProvider(network);
            Keys.Provider demander = Keys.predeployed(relayer, "user");
            var rpc = network.provider();
            EscrowClient escrow = network.escrowClient(rpc);

            try (Daemon daemon = Daemon.start(relayer.ws(), dir.resolve("daemon-state"), provider.addressHex(), provider.privateKeyHex())) {
                await("daemon registered (on-chain key accepted)").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                        .until(daemon::registered);
                BigInteger providerBefore = escrow.balanceOf(network.strk(), provider.address());

                String payloadMarker = "pmark-" + UUID.randomUUID();
                String lower = UUID.randomUUID().toString().replace("-", "");
                String resultMarker = "rmark-" + lower.toUpperCase(Locale.ROOT); // only the task's output holds it
                ObjectNode payload = RelayerLite.JSON.createObjectNode().put("task_type", "CUSTOM").put("runtime", "sh")
                        .put("code", "# " + payloadMarker + "\nprintf 'rmark-%s\\n' \"$(echo \"$1\" | tr a-z A-Z)\"\n");
                payload.putArray("args").add(lower);
                BigInteger escrowId = escrow.createTask(network.account(rpc, demander.address(), demander.key()), network.strk(), AMOUNT,
                        CanonicalJson.sha256ModP(payload));
                payload.put("complete_callback_url", receiver.url("/callback/complete"));
                ObjectNode body = RelayerLite.JSON.createObjectNode();
                body.set("payload", payload);
                body.put("token_amount", AMOUNT);
                body.put("on_chain_task_id", escrowId);
                body.put("demander_address", demander.addressHex());
                String task = relayer.submit(body);

                try {
                    await("final callback").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                            .until(() -> receiver.finals().stream().anyMatch(r -> r.taskId().equals(task)));
                    List<CallbackReceiver.Received> mine = receiver.received.stream().filter(r -> r.taskId().equals(task)).toList();
                    assertThat(mine).allMatch(r -> r.verdict() == CallbackVerdict.ACCEPTED);
                    List<CallbackReceiver.Received> finals = receiver.finals().stream().filter(r -> r.taskId().equals(task)).toList();
                    assertThat(finals).extracting(CallbackReceiver.Received::status).containsOnly("completed");
                    assertThat(finals).extracting(CallbackReceiver.Received::eventId).doesNotContainNull().hasSize(finals.size())
                            .allMatch(id -> id.equals(finals.get(0).eventId()));
                    assertThat(new String(finals.get(0).raw(), java.nio.charset.StandardCharsets.UTF_8)).contains(resultMarker);

                    await("settled").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                            .until(() -> "settled".equals(relayer.task(task).path("status").asText()));
                } catch (Throwable t) {
                    throw new AssertionError(t.getMessage() + "\n---- relayer ----\n" + relayer.log() + "\n---- daemon ----\n" + daemon.log()
                            + "\n---- task ----\n" + relayer.task(task), t);
                }
                JsonNode view = relayer.task(task);
                assertThat(view.path("assigned_node_id").asText()).isNotEmpty();
                assertThat(view.path("on_chain_task_id").asText()).isEqualTo(escrowId.toString());
                JsonNode s = view.path("settlement");
                assertThat(s.path("status").asText()).isEqualTo("settled");
                RelayerRecord record = new RelayerRecord(s.path("status").asText(), wei(s.get("provider_payout")), wei(s.get("gas_subsidy")),
                        wei(s.get("treasury_fee")), Felts.parse("tx_hash", s.get("tx_hash").asText()));

                TaskAudit audit = new PaymentAudit(new EventLog(rpc), network.escrow()).auditTask(escrowId, record);
                assertThat(audit.mismatches()).isEmpty();
                assertThat(audit.ok()).isTrue();
                assertThat(audit.outcome()).isEqualTo(TaskAudit.Outcome.SETTLED);
                assertThat(audit.creator()).isEqualTo(demander.address());
                assertThat(audit.provider()).isEqualTo(provider.address());
                assertThat(audit.amount()).isEqualTo(AMOUNT);
                assertThat(audit.refund()).isZero();
                assertThat(audit.providerPayout().add(audit.gasSubsidy()).add(audit.treasuryFee())).isEqualTo(AMOUNT);
                assertThat(audit.providerPayout()).isEqualTo(record.providerPayout());
                assertThat(audit.gasSubsidy()).isEqualTo(record.gasSubsidy());
                assertThat(audit.treasuryFee()).isEqualTo(record.treasuryFee());
                assertThat(escrow.balanceOf(network.strk(), provider.address()).subtract(providerBefore))
                        .as("the provider's account received payout + gas subsidy, to the wei").isEqualTo(audit.providerReceives());

                assertThat(StoreScan.filesContaining(relayer.dataDir(), task)).as("the scan reads the store: the task id stays").isNotEmpty();
                await("payload and result gone from the relayer's store and the daemon's state dir").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                            assertThat(StoreScan.filesContaining(relayer.dataDir(), payloadMarker, lower, resultMarker)).isEmpty();
                            assertThat(StoreScan.filesContaining(daemon.stateDir(), payloadMarker, lower, resultMarker)).isEmpty();
                        });
            }
        }
    }

    private static BigInteger wei(JsonNode n) {
        return n == null || n.isNull() ? null : new BigInteger(n.asText());
    }
}
