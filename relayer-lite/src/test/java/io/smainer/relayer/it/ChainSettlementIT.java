package io.smainer.relayer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.swmansion.starknet.account.Account;
import com.swmansion.starknet.data.types.Felt;
import com.swmansion.starknet.data.types.ResourceBounds;
import com.swmansion.starknet.data.types.ResourceBoundsMapping;
import com.swmansion.starknet.data.types.Uint128;
import com.swmansion.starknet.data.types.Uint64;
import com.swmansion.starknet.provider.rpc.JsonRpcProvider;
import io.smainer.chain.ChainException;
import io.smainer.chain.EscrowClient;
import io.smainer.chain.EscrowFunction;
import io.smainer.chain.EscrowTask;
import io.smainer.chain.EventLog;
import io.smainer.chain.PaymentAudit;
import io.smainer.chain.RelayerRecord;
import io.smainer.chain.StarknetNetwork;
import io.smainer.chain.TaskAudit;
import io.smainer.chain.TransactionWaiter;
import io.smainer.devnet.PredeployedAccount;
import io.smainer.protocol.api.Tier;
import io.smainer.protocol.json.ProtocolJson;
import io.smainer.protocol.stark.FeeSplit;
import io.smainer.protocol.stark.Felts;
import io.smainer.protocol.stark.StarkPrivateKey;
import io.smainer.protocol.wire.Ack;
import io.smainer.protocol.wire.TaskAssigned;
import io.smainer.relayer.testkit.ApiClient;
import io.smainer.relayer.testkit.InProcessRelayer;
import io.smainer.relayer.testkit.SimNode;
import io.smainer.relayer.testkit.TestKeys;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7 "Done when", over real sockets: a demander (predeployed devnet account) escrows STRK on the
 * relayer's embedded devnet with starknet-jvm; the task is submitted with {@code on_chain_task_id}; a node
 * registered on chain with its key executes it and returns a signed result; the relayer verifies, assigns
 * and settles on chain; {@link PaymentAudit} rebuilds the money trail from events alone and agrees with
 * the relayer's {@code GET /tasks/{id}} to the wei. Also: the creator cannot cancel after assignment, a
 * node whose key differs from its on-chain key is refused, and the 400/402/409 payment answers.
 */
class ChainSettlementIT {
    private static final BigInteger STRK = BigInteger.TEN.pow(18);
    /** Explicit bounds, so a transaction that would revert is still sent (and mined as REVERTED). */
    private static final ResourceBoundsMapping BOUNDS = new ResourceBoundsMapping(
            new ResourceBounds(Uint64.ZERO, Uint128.ZERO),
            new ResourceBounds(new Uint64(1_000), new Uint128(BigInteger.TEN.pow(10))),
            new ResourceBounds(new Uint64(10_000_000), new Uint128(BigInteger.TEN.pow(9))));

    @TempDir
    Path dir;
    InProcessRelayer r;
    StarknetNetwork network;
    JsonRpcProvider rpc;
    EscrowClient escrow;
    PredeployedAccount demander;
    PredeployedAccount provider;
    Account demanderAccount;

    @BeforeEach
    void start() throws Exception {
        r = new InProcessRelayer(dir, b -> b.requirePayment(true).enforceOnchainKey(true));
        connectClient();
        List<PredeployedAccount> accounts = r.relayer.chain().devnet().orElseThrow().predeployedAccounts();
        demander = accounts.get(3);
        provider = accounts.get(4);
        demanderAccount = account(demander);
    }

    /** starknet-jvm against the relayer's /rpc, addresses discovered through GET /chain. */
    private void connectClient() {
        JsonNode chain = r.api.get("/chain").body();
        assertThat(chain.get("devnet").asBoolean()).isTrue();
        network = new StarknetNetwork(URI.create(chain.get("rpc_url").asText()),
                Felts.parse("escrow", chain.get("escrow_address").asText()), Felts.parse("strk", chain.get("strk_address").asText()));
        assertThat(chain.get("relayer_address").asText()).isEqualTo(Felts.toHex(r.relayer.chain().relayerAddress()));
        rpc = network.provider();
        escrow = network.escrowClient(rpc);
    }

    @AfterEach
    void stop() {
        r.close();
    }

    @Test
    void paidTaskIsSettledOnChainAndTheEventsAgreeWithTheRelayerToTheWei() throws Exception {
        // The node registers on chain with its key, then with the relayer (which checks get_node).
        escrow.registerNode(account(provider), Tier.BASIC, provider.publicKey());
        SimNode node = providerNode("paid-node", StarkPrivateKey.of(provider.privateKey(), TestKeys.CRYPTO));
        assertThat(node.register(2).success()).isTrue();

        BigInteger amount = BigInteger.valueOf(350).multiply(STRK).add(BigInteger.valueOf(7)); // 7 wei of rounding dust
        String payload = "{\"type\":\"ai_inference\",\"model\":\"llama3.1:8b\",\"prompt\":\"settle me\"}";
        BigInteger escrowId = escrow.createTask(demanderAccount, network.strk(), amount, BigInteger.valueOf(42));

        // Hold the assignment until the escrow is ASSIGNED on chain, then see the creator's cancel refused.
        node.autoComplete(false);
        String taskId = submit(payload, amount, escrowId, demander.address());
        TaskAssigned assigned = node.next(TaskAssigned.class, 30);
        assertThat(assigned.onChainTaskId()).isEqualTo(escrowId);
        await().atMost(Duration.ofSeconds(30)).until(() -> escrow.getTask(escrowId).status() == EscrowTask.Status.ASSIGNED);
        assertThat(escrow.getTask(escrowId).provider()).isEqualTo(provider.address());
        assertThatThrownBy(() -> escrow.cancelTask(demanderAccount, escrowId)).isInstanceOf(ChainException.class)
                .hasMessageContaining("41");
        Felt cancel = demanderAccount.executeV3(EscrowFunction.CANCEL_TASK.call(new Felt(network.escrow()), escrowId), BOUNDS)
                .send().getTransactionHash();
        assertThatThrownBy(() -> TransactionWaiter.standard(rpc).awaitAccepted(cancel))
                .isInstanceOf(ChainException.class)
                .satisfies(e -> assertThat(((ChainException) e).kind()).isEqualTo(ChainException.Kind.REVERTED));
        assertThat(escrow.getTask(escrowId).status()).isEqualTo(EscrowTask.Status.ASSIGNED);

        // The node returns its signed result; the relayer verifies and claims on chain.
        Ack ack = node.sendAndAwaitAck(node.completion(assigned, node.resultFor(assigned)));
        assertThat(ack.success()).isTrue();
        await().atMost(Duration.ofSeconds(60)).until(() -> "settled".equals(r.api.get("/tasks/" + taskId).body()
                .path("settlement").path("status").asText()));
        JsonNode view = r.api.get("/tasks/" + taskId).body();
        assertThat(view.get("status").asText()).isEqualTo("settled");
        JsonNode s = view.get("settlement");
        FeeSplit split = FeeSplit.of(amount);
        assertThat(new BigInteger(s.get("provider_payout").asText())).isEqualTo(split.providerPayout());
        assertThat(new BigInteger(s.get("gas_subsidy").asText())).isEqualTo(split.gasSubsidy());
        assertThat(new BigInteger(s.get("treasury_fee").asText())).isEqualTo(split.treasury());

        RelayerRecord claim = new RelayerRecord(s.get("status").asText(), new BigInteger(s.get("provider_payout").asText()),
                new BigInteger(s.get("gas_subsidy").asText()), new BigInteger(s.get("treasury_fee").asText()),
                Felts.parse("tx_hash", s.get("tx_hash").asText()));
        TaskAudit audit = new PaymentAudit(new EventLog(rpc), network.escrow()).auditTask(escrowId, claim);
        assertThat(audit.mismatches()).isEmpty();
        assertThat(audit.outcome()).isEqualTo(TaskAudit.Outcome.SETTLED);
        assertThat(audit.provider()).isEqualTo(provider.address());
        assertThat(audit.creator()).isEqualTo(demander.address());
        assertThat(audit.providerPayout()).isEqualTo(split.providerPayout());
        assertThat(audit.gasSubsidy()).isEqualTo(split.gasSubsidy());
        assertThat(audit.treasuryFee()).isEqualTo(split.treasury());
        assertThat(escrow.getUserEarnings(provider.address())).isEqualTo(split.providerPayout().add(split.gasSubsidy()));

        JsonNode volume = r.api.get("/stats").body().get("settlement");
        assertThat(volume.toString()).contains(amount.toString());
        assertThat(new BigInteger(volume.get("treasury_fee").asText())).isEqualTo(split.treasury());

        // The escrow is used up: it can back no second task.
        var again = r.api.post("/tasks", body(payload, amount, escrowId, null));
        assertThat(again.status()).isIn(402, 409);
        node.close();
    }

    @Test
    void aPaidTaskSurvivesARestartAndIsSettledAfterIt() throws Exception {
        escrow.registerNode(account(provider), Tier.BASIC, provider.publicKey());
        BigInteger amount = BigInteger.valueOf(100).multiply(STRK);
        BigInteger escrowId = escrow.createTask(demanderAccount, network.strk(), amount, BigInteger.TWO);
        String taskId = submit("{\"type\":\"ai_inference\",\"model\":\"llama3.1:8b\",\"prompt\":\"later\"}", amount,
                escrowId, null);
        r.close(); // no node was connected: the task is pending, the escrow CREATED; the devnet persists in the data dir
        r = new InProcessRelayer(dir, b -> b.requirePayment(true).enforceOnchainKey(true));
        connectClient(); // a new port
        assertThat(r.api.get("/tasks/" + taskId).body().path("settlement").path("status").asText()).isEqualTo("pending");
        SimNode node = new SimNode("after-restart", provider.addressHex(), StarkPrivateKey.of(provider.privateKey(),
                TestKeys.CRYPTO), new ProtocolJson()).autoComplete(true).connect(r.clients, r.relayer.port());
        assertThat(node.register(2).success()).isTrue();
        await().atMost(Duration.ofSeconds(60)).until(() -> "settled".equals(r.api.get("/tasks/" + taskId).body()
                .path("settlement").path("status").asText()));
        assertThat(escrow.getTask(escrowId).status()).isEqualTo(EscrowTask.Status.COMPLETED);
        assertThat(escrow.getUserEarnings(provider.address())).isEqualTo(FeeSplit.of(amount).providerReceives());
        node.close();
    }

    @Test
    void nodesMustUseTheirOnChainKey() throws Exception {
        escrow.registerNode(account(provider), Tier.BASIC, provider.publicKey());
        SimNode impostor = providerNode("impostor", TestKeys.OTHER_KEY);
        Ack refused = impostor.register(2);
        assertThat(refused.success()).isFalse();
        assertThat(refused.message()).contains("is not the key registered").contains(provider.addressHex());
        SimNode unregistered = SimNode.of("unregistered").connect(r.clients, r.relayer.port());
        Ack notOnChain = unregistered.register(2);
        assertThat(notOnChain.success()).isFalse();
        assertThat(notOnChain.message()).contains("is not registered");
        SimNode good = providerNode("good", StarkPrivateKey.of(provider.privateKey(), TestKeys.CRYPTO));
        assertThat(good.register(2).success()).isTrue();
        impostor.close();
        unregistered.close();
        good.close();
    }

    @Test
    void paymentErrorsFollowTheProtocol() {
        String payload = "{\"type\":\"ai_inference\",\"model\":\"llama3.1:8b\",\"prompt\":\"pay\"}";
        ApiClient.Answer missing = r.api.post("/tasks", "{\"payload\":" + payload + "}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().get("code").asText()).isEqualTo("payment_required");

        ApiClient.Answer unknown = r.api.post("/tasks", body(payload, STRK, BigInteger.valueOf(999_999), null));
        assertThat(unknown.status()).isEqualTo(402);
        assertThat(unknown.body().get("code").asText()).isEqualTo("escrow_rejected");
        assertThat(unknown.body().get("detail").asText()).contains("999999").contains("does not exist");

        BigInteger id = escrow.createTask(demanderAccount, network.strk(), STRK, BigInteger.ONE);
        ApiClient.Answer tooLittle = r.api.post("/tasks", body(payload, STRK.add(BigInteger.ONE), id, null));
        assertThat(tooLittle.status()).isEqualTo(402);
        assertThat(tooLittle.body().get("detail").asText()).contains("less than token_amount");
        ApiClient.Answer wrongCreator = r.api.post("/tasks", body(payload, STRK, id, provider.address()));
        assertThat(wrongCreator.status()).isEqualTo(402);
        assertThat(wrongCreator.body().get("detail").asText()).contains("was created by " + demander.addressHex());

        // No node can run it (1024 threads), so it stays CREATED: the second submission is the store's 409.
        String unrunnable = "{\"payload\":" + payload + ",\"requirements\":{\"cpu_threads\":1024},\"token_amount\":\"" + STRK
                + "\",\"on_chain_task_id\":" + id + ",\"demander_address\":\"" + demander.addressHex() + "\"}";
        ApiClient.Answer first = r.api.post("/tasks", unrunnable);
        assertThat(first.status()).isEqualTo(201);
        assertThat(r.api.get("/tasks/" + first.body().get("task_id").asText()).body().path("settlement").path("status")
                .asText()).isEqualTo("pending");
        ApiClient.Answer second = r.api.post("/tasks", unrunnable);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.body().get("code").asText()).isEqualTo("escrow_already_used");
    }

    @Test
    void devnetFaucetNeedsTheApiKeyAndMints() {
        BigInteger before = r.relayer.chain().devnet().orElseThrow().balanceOf(demander.address());
        ApiClient.Answer minted = r.api.post("/devnet/faucet", "{\"address\":\"" + demander.addressHex()
                + "\",\"amount\":\"5000000000000000000\"}");
        assertThat(minted.status()).isEqualTo(200);
        assertThat(new BigInteger(minted.body().get("new_balance").asText())).isEqualTo(before.add(BigInteger.valueOf(5).multiply(STRK)));
        ApiClient noKey = new ApiClient(r.relayer.port(), "not-the-key-0123456789");
        assertThat(noKey.post("/devnet/faucet", "{\"address\":\"0x1\",\"amount\":1}").status()).isEqualTo(401);
        assertThat(r.api.post("/devnet/faucet", "{\"address\":\"0x1\",\"amount\":-1}").status()).isEqualTo(422);
    }

    private SimNode providerNode(String id, StarkPrivateKey key) throws InterruptedException {
        return new SimNode(id, provider.addressHex(), key, new ProtocolJson()).autoComplete(false)
                .connect(r.clients, r.relayer.port());
    }

    private Account account(PredeployedAccount a) {
        return network.account(rpc, a.address(), StarkPrivateKey.of(a.privateKey(), TestKeys.CRYPTO));
    }

    private String submit(String payload, BigInteger amount, BigInteger escrowId, BigInteger demanderAddress) {
        ApiClient.Answer a = r.api.post("/tasks", body(payload, amount, escrowId, demanderAddress));
        assertThat(a.status()).as("submit: %s", a.body()).isEqualTo(201);
        return a.body().get("task_id").asText();
    }

    private static String body(String payload, BigInteger amount, BigInteger escrowId, BigInteger demanderAddress) {
        return "{\"payload\":" + payload + ",\"token_amount\":\"" + amount + "\",\"on_chain_task_id\":" + escrowId
                + (demanderAddress == null ? "" : ",\"demander_address\":\"" + Felts.toHex(demanderAddress) + "\"") + "}";
    }

}
