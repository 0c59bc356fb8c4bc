package io.smainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.swmansion.starknet.provider.rpc.JsonRpcProvider;
import io.smainer.chain.EscrowClient;
import io.smainer.chain.StarknetNetwork;
import io.smainer.cli.node.LoopbackDevnet;
import io.smainer.devnet.PredeployedAccount;
import io.smainer.protocol.keystore.KeystoreFile;
import io.smainer.protocol.stark.FeeSplit;
import io.smainer.protocol.stark.ResultProof;
import io.smainer.protocol.stark.StarkCrypto;
import io.smainer.protocol.stark.StarkCryptos;
import io.smainer.protocol.stark.StarkPrivateKey;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8's "done when" with real processes: smainer wallet create → smainer register (embedded devnet) →
 * the real smainer-daemon against a real relayer-lite → smainer status shows it; then the integrator side
 * (tasks submit/get/list/watch/verify) against the same relayer, with the daemon doing the work.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProviderFlowIT {
    private static final String PASSPHRASE = "correct horse battery";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path home;
    static LoopbackDevnet chain;
    static RelayerLiteProcess relayer;
    static DaemonProcess daemon;
    static Path stateDir;

    @BeforeAll
    static void startEverything() throws Exception {
        chain = new LoopbackDevnet(home.resolve("devnet"));
        relayer = RelayerLiteProcess.start(home.resolve("relayer"));
        CliRun cli = cli();
        cli.run("wallet", "create");
        assertThat(cli.exitCode).as(cli.toString()).isZero();
        cli.run("register", "--tier", "basic", "--relayer", relayer.ws());
        assertThat(cli.exitCode).as(cli.toString()).isZero();
        stateDir = home.resolve("state");
        Path config = home.resolve(".smainer/provider.toml");
        Files.writeString(config, "state_dir = '" + stateDir + "'\n", java.nio.file.StandardOpenOption.APPEND);
        Path pass = home.resolve("passphrase");
        Files.writeString(pass, PASSPHRASE + "\n");
        Files.setPosixFilePermissions(pass, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Files.writeString(config, "passphrase_file = '" + pass + "'\n", java.nio.file.StandardOpenOption.APPEND);
        daemon = DaemonProcess.start(config, stateDir);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (daemon != null) {
            daemon.close();
        }
        if (relayer != null) {
            relayer.close();
        }
        if (chain != null) {
            chain.close();
        }
    }

    static CliRun cli() {
        CliRun cli = new CliRun(home);
        cli.env.put("SMAINER_KEYSTORE_PASSWORD", PASSPHRASE);
        cli.env.put("SMAINER_STARKNET_RPC", chain.rpcUrl());
        if (relayer != null) {
            relayer.configure(cli);
        }
        return cli;
    }

    private static String address() throws Exception {
        return JSON.readTree(home.resolve(".smainer/account.json").toFile()).get("address").asText();
    }

    @Test
    @Order(1)
    void statusShowsDaemonRelayerAndChain() throws Exception {
        CliRun cli = cli();
        long deadline = System.nanoTime() + 20_000_000_000L;
        do {
            cli.run("status", "--json");
        } while (!JSON.readTree(cli.out).path("relayer").path("state").asText().equals("connected") && System.nanoTime() < deadline
                && sleep());
        assertThat(cli.exitCode).as(cli + daemon.log()).isZero();
        JsonNode r = JSON.readTree(cli.out);
        assertThat(r.path("daemon").path("reachable").asBoolean()).isTrue();
        assertThat(r.path("daemon").path("found_via").asText()).endsWith("status.json");
        assertThat(r.path("daemon").path("status").path("connection_state").asText()).isEqualTo("registered");
        assertThat(r.path("relayer").path("state").asText()).isEqualTo("connected");
        assertThat(r.path("relayer").path("node").path("starknet_address").asText()).isEqualTo(address());
        assertThat(r.path("chain").path("node_status").asText()).isEqualTo("active");
        assertThat(r.path("chain").path("earnings_wei").asText()).isEqualTo("0");

        cli.run("status", "--watch", "--watch-count", "2");
        assertThat(cli.exitCode).as(cli.toString()).isZero();
        assertThat(cli.out.split("--- ", -1)).hasSize(3);
        assertThat(cli.out).contains("daemon:   registered").contains("relayer:  connected").contains("chain:    node active");
        assertThat(cli.out + cli.err).doesNotContain(RelayerLiteProcess.API_KEY).doesNotContain(PASSPHRASE);
    }

    @Test
    @Order(2)
    void statusWithTheDaemonDownIsUnavailableButReportsTheOthers() throws Exception {
        CliRun cli = cli();
        cli.run("status", "--status-url", "http://127.0.0.1:1");
        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(cli.out).contains("daemon:   DOWN — http://127.0.0.1:1/status no answer (connection refused)")
                .contains("relayer:  connected").contains("chain:    node active");
        cli.env.put("SMAINER_STARKNET_RPC", "http://127.0.0.1:1/rpc");
        cli.env.put("SMAINER_RELAYER_API", "http://127.0.0.1:1/api/v1");
        cli.run("status", "--json");
        JsonNode r = JSON.readTree(cli.out);
        assertThat(cli.exitCode).isZero();
        assertThat(r.path("relayer").path("state").asText()).isEqualTo("down");
        assertThat(r.path("relayer").path("error").asText()).contains("http://127.0.0.1:1/api/v1");
        assertThat(r.path("chain").path("state").asText()).isEqualTo("down");
    }

    @Test
    @Order(3)
    void submitGetListAndWatchUntilTheDaemonCompletesIt() throws Exception {
        CliRun cli = cli();
        cli.stdin = "{\"task_type\":\"HASH\",\"data\":\"hello\"}";
        cli.run("tasks", "submit", "--cpu-threads", "1", "--max-execution-time", "60", "--amount-strk", "0.25");
        assertThat(cli.exitCode).as(cli.toString()).isZero();
        String task = cli.out.trim();
        assertThat(task).matches("[0-9a-f-]{36}");

        cli.run("tasks", "watch", task, "--interval", "0.2", "--timeout", "60");
        assertThat(cli.exitCode).as(cli + daemon.log()).isZero();
        assertThat(cli.out).contains("status:      completed").contains("amount:      0.25 STRK (250000000000000000 wei)")
                .contains("result:      present, not shown");
        assertThat(cli.err).as("no TTY: no spinner").isEmpty();

        cli.run("tasks", "get", task, "--json");
        JsonNode view = JSON.readTree(cli.out);
        assertThat(view.get("status").asText()).isEqualTo("completed");
        assertThat(view.has("result")).isFalse();
        assertThat(view.get("result_hidden").asBoolean()).isTrue();
        cli.run("tasks", "get", task, "--show-result", "--json");
        assertThat(JSON.readTree(cli.out).path("result").path("hash").asText())
                .isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");

        Path payload = home.resolve("payload.json");
        Files.writeString(payload, "{\"algorithm\":\"matrix_multiplication\",\"matrix_a\":\"not a matrix\",\"matrix_b\":[[1]]}");
        cli.run("tasks", "submit", "--payload-file", payload.toString(), "--json");
        String failing = JSON.readTree(cli.out).get("task_id").asText();
        cli.run("tasks", "watch", failing, "--interval", "0.2", "--timeout", "60");
        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(cli.out).contains("status:      failed").contains("error:       INVALID_PAYLOAD");

        cli.run("tasks", "list", "--status", "completed", "--limit", "50");
        assertThat(cli.exitCode).isZero();
        assertThat(cli.out).contains(task).doesNotContain(failing).doesNotContain("2cf24dba");
        cli.run("tasks", "list", "--limit", "1", "--json");
        JsonNode page = JSON.readTree(cli.out);
        assertThat(page.get("tasks")).hasSize(1);
        assertThat(page.get("next_cursor").isNull()).isFalse();
        cli.run("tasks", "list", "--limit", "1", "--cursor", page.get("next_cursor").asText(), "--json");
        assertThat(JSON.readTree(cli.out).get("tasks").get(0).get("task_id").asText())
                .isNotEqualTo(page.get("tasks").get(0).get("task_id").asText());
    }

    @Test
    @Order(4)
    void watchGivesUpAtItsTimeoutWhenNoNodeCanRunTheTask() {
        CliRun cli = cli();
        cli.stdin = "{\"task_type\":\"HASH\",\"data\":\"needs a gpu\"}";
        cli.run("tasks", "submit", "--gpu", "--min-vram-gb", "80");
        String task = cli.out.trim();
        cli.run("tasks", "watch", task, "--interval", "0.2", "--timeout", "1");
        assertThat(cli.exitCode).isEqualTo(ExitCodes.FAILED);
        assertThat(cli.out).contains("status:      pending");
        assertThat(cli.err).contains("still pending after 1 s (--timeout)");
    }

    @Test
    @Order(5)
    void relayerErrorsAreClearAndMapped() throws Exception {
        CliRun cli = cli();
        cli.env.remove("SMAINER_API_KEY");
        Path wrongKey = home.resolve("wrong-key");
        Files.writeString(wrongKey, "not-the-key-0123456789\n");
        cli.run("tasks", "list", "--api-key-file", wrongKey.toString());
        assertThat(cli.exitCode).isEqualTo(ExitCodes.PERMISSION);
        assertThat(cli.err).startsWith("smainer: API key rejected by the relayer at " + relayer.http())
                .contains("check --api-key-file").doesNotContain("not-the-key");
        cli.run("tasks", "list");
        assertThat(cli.exitCode).isEqualTo(ExitCodes.PERMISSION);
        assertThat(cli.err).contains("needs an API key").contains("--api-key-file");

        cli = cli();
        cli.run("tasks", "get", "00000000-0000-4000-8000-000000000000");
        assertThat(cli.exitCode).isEqualTo(ExitCodes.FAILED);
        assertThat(cli.err).contains("answered 404");

        cli.run("tasks", "list", "--relayer-api", "http://127.0.0.1:1/api/v1");
        assertThat(cli.exitCode).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(cli.err).contains("cannot reach the relayer at http://127.0.0.1:1/api/v1/tasks (connection refused)")
                .doesNotContain("\tat ");

        cli.stdin = "[1,2]";
        cli.run("tasks", "submit");
        assertThat(cli.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err).contains("must be a JSON object, not array");
        cli.stdin = "{\"task_type\":\"HASH\",\"data\":\"x\"}";
        cli.run("tasks", "submit", "--cpu-threads", "0");
        assertThat(cli.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err).contains("cpu_threads");
        cli.run("tasks", "submit", "--amount-strk", "0.0000000000000000001");
        assertThat(cli.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err).contains("at most 18 decimals");
    }

    @Test
    @Order(6)
    void payEscrowsFirstAndVerifyAuditsTheTrailToTheWei() throws Exception {
        CliRun cli = cli();
        cli.stdin = "{\"task_type\":\"HASH\",\"data\":\"paid work\"}";
        cli.run("tasks", "submit", "--pay", "--amount-strk", "0.1", "--json");
        assertThat(cli.exitCode).as(cli.toString()).isZero();
        JsonNode submitted = JSON.readTree(cli.out);
        String task = submitted.get("task_id").asText();
        BigInteger escrowId = new BigInteger(submitted.get("on_chain_task_id").asText());
        assertThat(cli.err).contains("escrowed 0.1 STRK in escrow task " + escrowId);

        cli.run("tasks", "verify", task);
        assertThat(cli.exitCode).as(cli.toString()).isZero();
        assertThat(cli.out).contains("outcome:         escrowed").contains("escrowed:        100000000000000000 wei (0.1 STRK)")
                .contains("TaskCreated  task_id=" + escrowId).contains("OK: the events account for every wei");

        // Settle on chain as the escrow's relayer would (relayer-lite has no chain plug-in yet), signed by the provider key.
        StarkCrypto crypto = StarkCryptos.fast();
        StarknetNetwork net = new StarknetNetwork(URI.create(chain.rpcUrl()), StarknetNetwork.DEVNET_ESCROW, StarknetNetwork.STRK_ADDRESS);
        JsonRpcProvider rpc = net.provider();
        EscrowClient escrow = net.escrowClient(rpc);
        PredeployedAccount rel = chain.devnet.predeployedAccounts().get(1);
        BigInteger provider = new BigInteger(address().substring(2), 16);
        StarkPrivateKey providerKey = KeystoreFile.read(home.resolve(".smainer/keystore.json"), PASSPHRASE.toCharArray(), crypto);
        escrow.assignTasks(net.account(rpc, rel.address(), StarkPrivateKey.of(rel.privateKey(), crypto)),
                List.of(new EscrowClient.Assignment(escrowId, provider)));
        BigInteger resultHash = BigInteger.valueOf(0xbeef);
        escrow.submitProofAndClaim(net.account(rpc, rel.address(), StarkPrivateKey.of(rel.privateKey(), crypto)), escrowId, resultHash,
                new ResultProof(crypto).sign(providerKey, escrowId, provider, resultHash));

        cli.run("tasks", "verify", "--on-chain-id", escrowId.toString(), "--json");
        assertThat(cli.exitCode).as(cli.toString()).isZero();
        JsonNode audit = JSON.readTree(cli.out);
        FeeSplit split = FeeSplit.of(new BigInteger("100000000000000000"));
        assertThat(audit.get("outcome").asText()).isEqualTo("settled");
        assertThat(audit.get("provider_payout_wei").asText()).isEqualTo(split.providerPayout().toString());
        assertThat(audit.get("gas_subsidy_wei").asText()).isEqualTo(split.gasSubsidy().toString());
        assertThat(audit.get("treasury_fee_wei").asText()).isEqualTo(split.treasury().toString());
        assertThat(audit.get("trail")).hasSize(5);

        // The relayer still says "none" while the events say settled: that disagreement is reported, exit 1.
        cli.run("tasks", "verify", task);
        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(cli.out).contains("MISMATCH relayer says settlement 'none' for task " + escrowId + " but the events say settled");

        cli.run("tasks", "verify", "--on-chain-id", "9999");
        assertThat(cli.exitCode).isEqualTo(ExitCodes.FAILED);
        assertThat(cli.out).contains("MISMATCH no TaskCreated event for task 9999");

        cli.run("status", "--json");
        assertThat(JSON.readTree(cli.out).path("chain").path("earnings_wei").asText()).isEqualTo(split.providerReceives().toString());
    }

    private static boolean sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }
}
