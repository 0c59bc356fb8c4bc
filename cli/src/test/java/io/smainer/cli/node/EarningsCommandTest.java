package io.smainer.cli.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.swmansion.starknet.provider.rpc.JsonRpcProvider;
import io.smainer.chain.EscrowClient;
import io.smainer.chain.StarknetNetwork;
import io.smainer.cli.CliRun;
import io.smainer.devnet.PredeployedAccount;
import io.smainer.protocol.keystore.KeystoreFile;
import io.smainer.protocol.stark.FeeSplit;
import io.smainer.protocol.stark.ResultProof;
import io.smainer.protocol.stark.StarkCrypto;
import io.smainer.protocol.stark.StarkCryptos;
import io.smainer.protocol.stark.StarkPrivateKey;
import io.smainer.protocol.stark.StarkSignature;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A task settled on the devnet shows up in smainer earnings, exact to the wei. */
class EarningsCommandTest {
    private static final String PASSPHRASE = "correct horse battery";
    private final StarkCrypto crypto = StarkCryptos.fast();

    @TempDir
    Path home;
    LoopbackDevnet chain;
    CliRun cli;

    @BeforeEach
    void setUp() throws Exception {
        chain = new LoopbackDevnet(home.resolve("devnet"));
        cli = new CliRun(home);
        cli.env.put("SMAINER_KEYSTORE_PASSWORD", PASSPHRASE);
        cli.env.put("SMAINER_STARKNET_RPC", chain.rpcUrl());
    }

    @AfterEach
    void tearDown() {
        chain.close();
    }

    private StarkPrivateKey key(PredeployedAccount a) {
        return StarkPrivateKey.of(a.privateKey(), crypto);
    }

    @Test
    void settledTaskIsCountedToTheWei() throws Exception {
        cli.run("wallet", "create");
        cli.run("register", "--tier", "basic");
        assertThat(cli.exitCode).as(cli.toString()).isZero();
        JsonNode account = new ObjectMapper().readTree(home.resolve(".smainer/account.json").toFile());
        BigInteger provider = new BigInteger(account.get("address").asText().substring(2), 16);
        StarkPrivateKey providerKey = KeystoreFile.read(home.resolve(".smainer/keystore.json"), PASSPHRASE.toCharArray(), crypto);

        StarknetNetwork net = new StarknetNetwork(URI.create(chain.rpcUrl()), StarknetNetwork.DEVNET_ESCROW, StarknetNetwork.STRK_ADDRESS);
        JsonRpcProvider rpc = net.provider();
        EscrowClient escrow = net.escrowClient(rpc);
        PredeployedAccount relayer = chain.devnet.predeployedAccounts().get(1);
        PredeployedAccount demander = chain.devnet.predeployedAccounts().get(3);
        BigInteger amount = new BigInteger("350000000000000000000");
        BigInteger taskId = escrow.createTask(net.account(rpc, demander.address(), key(demander)), net.strk(), amount, BigInteger.TEN);
        escrow.assignTasks(net.account(rpc, relayer.address(), key(relayer)), java.util.List.of(new EscrowClient.Assignment(taskId, provider)));
        BigInteger resultHash = BigInteger.valueOf(0x1234);
        StarkSignature sig = new ResultProof(crypto).sign(providerKey, taskId, provider, resultHash);
        escrow.submitProofAndClaim(net.account(rpc, relayer.address(), key(relayer)), taskId, resultHash, sig);

        cli.run("earnings", "--json");
        assertThat(cli.exitCode).as(cli.toString()).isZero();
        JsonNode out = new ObjectMapper().readTree(cli.out);
        FeeSplit split = FeeSplit.of(amount);
        assertThat(out.get("earnings_wei").asText()).isEqualTo(split.providerReceives().toString());
        assertThat(out.get("settled_wei_from_events").asText()).isEqualTo("308000000000000000000");
        assertThat(out.get("recent").get(0).get("task_id").asText()).isEqualTo(taskId.toString());

        cli.run("earnings");
        assertThat(cli.out).contains("308 STRK").contains("payout 297.5 STRK + gas 10.5 STRK");
    }
}
