package io.smainer.relayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.smainer.protocol.keystore.KdfParams;
import io.smainer.protocol.keystore.KeystoreFile;
import io.smainer.relayer.config.ChainConfig;
import io.smainer.relayer.testkit.InProcessRelayer;
import io.smainer.relayer.testkit.RelayerProcess;
import io.smainer.relayer.testkit.SimNode;
import io.smainer.relayer.testkit.TestKeys;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --require-payment} when the escrow cannot be checked (PROTOCOL.md §1): 400 without an escrow id;
 * 503 with one when no chain is configured or the configured Starknet RPC is dead — and with a dead RPC
 * the on-chain key check refuses nodes with a message that says to retry.
 */
class PaymentRequiredIT {
    @TempDir
    Path dir;

    @Test
    void withoutAChainClientEscrowsCannotBeChecked() throws Exception {
        try (InProcessRelayer r = new InProcessRelayer(dir, b -> b.chain(ChainConfig.none()).requirePayment(true))) {
            var missing = r.api.post("/tasks", "{\"payload\":{}}");
            assertThat(missing.status()).isEqualTo(400);
            assertThat(missing.body().get("code").asText()).isEqualTo("payment_required");
            var unverifiable = r.api.post("/tasks", "{\"payload\":{},\"on_chain_task_id\":5}");
            assertThat(unverifiable.status()).isEqualTo(503);
            assertThat(unverifiable.body().get("code").asText()).isEqualTo("chain_unavailable");
            assertThat(r.api.get("/chain").body().get("configured").asBoolean()).isFalse();
            assertThat(r.api.post("/devnet/faucet", "{\"address\":\"0x1\",\"amount\":1}").status()).isEqualTo(404);
        }
    }

    @Test
    void aDeadStarknetRpcIs503AndNodesAreToldToRetry() throws Exception {
        Path keystore = dir.resolve("relayer.json");
        KeystoreFile.write(keystore, TestKeys.KEY, "relayer-pass".toCharArray(), KdfParams.TESTING);
        Path pass = Files.createFile(dir.resolve("pass"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------")));
        Files.writeString(pass, "relayer-pass\n");
        URI dead = URI.create("http://127.0.0.1:" + RelayerProcess.freePort() + "/rpc/v0_10/PROVIDERKEY");
        ChainConfig chain = ChainConfig.external(dead, BigInteger.valueOf(0x5e5), BigInteger.valueOf(0xabc), keystore, pass);
        try (InProcessRelayer r = new InProcessRelayer(dir.resolve("data"), b -> b.devnet(false).chain(chain)
                .apiKey(io.smainer.relayer.config.Secret.of("api-key-for-the-dead-rpc-test")).requirePayment(true)
                .enforceOnchainKey(true))) {
            var answer = r.api.post("/tasks", "{\"payload\":{},\"on_chain_task_id\":5,\"token_amount\":1}");
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.body().get("code").asText()).isEqualTo("chain_unavailable");
            assertThat(answer.body().get("detail").asText()).contains("escrow task 5").contains("retry")
                    .doesNotContain("PROVIDERKEY");
            assertThat(r.api.post("/tasks", "{\"payload\":{}}").status()).isEqualTo(400);
            var info = r.api.get("/chain").body();
            assertThat(info.get("devnet").asBoolean()).isFalse();
            assertThat(info.get("rpc_url").asText()).isEqualTo("http://127.0.0.1:" + dead.getPort());
            SimNode node = SimNode.of("dead-rpc-node").connect(r.clients, r.relayer.port());
            var ack = node.register(2);
            assertThat(ack.success()).isFalse();
            assertThat(ack.message()).contains("retry");
            node.close();
        }
    }
}
