package io.smainer.cli.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.smainer.chain.EscrowNode;
import io.smainer.chain.StarknetNetwork;
import io.smainer.cli.CliRun;
import io.smainer.cli.ExitCodes;
import io.smainer.protocol.stark.NodeIds;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** smainer wallet create → register against the embedded devnet over a real socket. */
class RegisterCommandTest {
    @TempDir
    Path home;
    LoopbackDevnet chain;
    CliRun cli;

    @BeforeEach
    void setUp() throws Exception {
        chain = new LoopbackDevnet(home.resolve("devnet"));
        cli = new CliRun(home);
        cli.env.put("SMAINER_KEYSTORE_PASSWORD", "correct horse battery");
        cli.env.put("SMAINER_STARKNET_RPC", chain.rpcUrl());
    }

    @AfterEach
    void tearDown() {
        chain.close();
    }

    @Test
    void newWalletRegistersOnDevnetWritesConfigAndIsIdempotent() throws Exception {
        cli.run("wallet", "create");
        assertThat(cli.exitCode).as(cli.toString()).isZero();

        cli.run("register", "--tier", "pro", "--relayer", "ws://127.0.0.1:8000");
        assertThat(cli.exitCode).as(cli.toString()).isZero();
        assertThat(cli.out).contains("Created devnet account").contains("Registered node").contains("provider.toml");

        JsonNode account = new ObjectMapper().readTree(home.resolve(".smainer/account.json").toFile());
        String address = account.get("address").asText();
        StarknetNetwork net = new StarknetNetwork(URI.create(chain.rpcUrl()), StarknetNetwork.DEVNET_ESCROW, StarknetNetwork.STRK_ADDRESS);
        EscrowNode node = net.escrowClient(net.provider()).getNode(new BigInteger(address.substring(2), 16));
        assertThat(node.isActive()).isTrue();
        assertThat(node.tier()).isEqualTo(2);
        assertThat("0x" + node.publicKey().toString(16)).isEqualTo(account.get("public_key").asText());

        JsonNode config = new TomlMapper().readTree(Files.readAllBytes(home.resolve(".smainer/provider.toml")));
        assertThat(config.get("account_address").asText()).isEqualTo(address);
        assertThat(config.get("node_id").asText()).isEqualTo(NodeIds.fromAddress(address));
        assertThat(config.get("relayer_url").asText()).isEqualTo("ws://127.0.0.1:8000");
        assertThat(config.get("keystore").asText()).endsWith("keystore.json");

        cli.run("register", "--tier", "pro");
        assertThat(cli.exitCode).as(cli.toString()).isZero();
        assertThat(cli.out).contains("Already registered");

        cli.run("register", "--tier", "premium", "--dry-run", "--json");
        assertThat(cli.exitCode).isZero();
        JsonNode tx = new ObjectMapper().readTree(cli.out);
        assertThat(tx.get("calls").get(0).get("entry_point").asText()).isEqualTo("register_node");
        assertThat(tx.get("calls").get(0).get("calldata").get(0).asText()).isEqualTo("0x3");
        assertThat(net.escrowClient(net.provider()).getNode(new BigInteger(address.substring(2), 16)).tier()).isEqualTo(2);
    }

    @Test
    void deadRpcIsUnavailable() {
        cli.run("wallet", "create", "--address", "0x1234");
        cli.env.put("SMAINER_STARKNET_RPC", "http://127.0.0.1:1/rpc");
        cli.run("register", "--tier", "basic");
        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(cli.err).contains("127.0.0.1:1");
    }

    @Test
    void wrongPassphraseSendsNothing() {
        cli.run("wallet", "create", "--address", "0x1234");
        cli.env.put("SMAINER_KEYSTORE_PASSWORD", "not the passphrase");
        cli.run("register", "--tier", "basic");
        assertThat(cli.exitCode).isEqualTo(ExitCodes.FAILED);
        assertThat(cli.err).contains("wrong passphrase");
    }
}
