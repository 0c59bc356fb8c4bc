package io.smainer.cli.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.swmansion.starknet.data.types.Call;
import com.swmansion.starknet.data.types.Felt;
import com.swmansion.starknet.data.types.TransactionReceipt;
import com.swmansion.starknet.provider.rpc.JsonRpcProvider;
import io.smainer.chain.DevnetFaucet;
import io.smainer.chain.EscrowClient;
import io.smainer.chain.EscrowFunction;
import io.smainer.chain.EscrowNode;
import io.smainer.chain.StarknetNetwork;
import io.smainer.cli.CliEnvironment;
import io.smainer.cli.CliException;
import io.smainer.cli.ExitCodes;
import io.smainer.cli.GlobalOptions;
import io.smainer.cli.chain.ChainOptions;
import io.smainer.cli.wallet.UnlockedWallet;
import io.smainer.cli.wallet.WalletFiles;
import io.smainer.protocol.api.Tier;
import io.smainer.protocol.stark.Felts;
import io.smainer.protocol.stark.NodeIds;
import io.smainer.protocol.stark.StarkCrypto;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code smainer register}: {@code register_node(tier, public_key)} on the escrow, wait for acceptance,
 * and write the daemon's config. Idempotent: an ACTIVE node with the same key and tier is left alone.
 */
@Command(name = "register", mixinStandardHelpOptions = true,
        description = {"Register this node on the escrow (register_node) and write the daemon's config.",
            "Safe to repeat: a node already registered with the same key and tier is reported and left alone."})
public final class RegisterCommand implements Runnable {
    /** STRK given to a fresh devnet account so it can pay fees (devnet only). */
    static final BigInteger DEVNET_FEE_FUNDING = new BigInteger("1000000000000000000000");

    private final CliEnvironment env;
    private final GlobalOptions global;
    private final StarkCrypto crypto;

    @Mixin
    ChainOptions chain;

    @Option(names = "--tier", paramLabel = "TIER", defaultValue = "auto",
            description = "auto (from nvidia-smi), basic, pro or premium. Default: ${DEFAULT-VALUE}.")
    TierChoice tier;

    @Option(names = "--dry-run", description = "Print the transaction that would be sent, send nothing, write nothing.")
    boolean dryRun;

    @Option(names = "--relayer", paramLabel = "WS_URL", description = "Relayer WebSocket origin written to the daemon config (default: ws://127.0.0.1:8000, or what the config has).")
    String relayer;

    @Option(names = "--passphrase-file", paramLabel = "FILE", description = "Keystore passphrase file (also written to the daemon config).")
    Path passphraseFile;

    @Option(names = "--nvidia-smi", paramLabel = "PATH", defaultValue = "nvidia-smi", hidden = true)
    String nvidiaSmi;

    public RegisterCommand(CliEnvironment env, GlobalOptions global, StarkCrypto crypto) {
        this.env = env;
        this.global = global;
        this.crypto = crypto;
    }

    @Override
    public void run() {
        WalletFiles files = new WalletFiles(env);
        WalletFiles.Account account = files.readAccount();
        StarknetNetwork network = chain.network(env);
        Tier chosen = tier.resolve(nvidiaSmi);
        BigInteger publicKey = Felts.parse("public key", account.publicKey());
        if (account.address() == null) {
            account = linkDevnetAccount(files, account, network, publicKey);
            if (account == null) {
                return;
            }
        }
        BigInteger address = Felts.parse("address", account.address());
        JsonRpcProvider provider = network.provider();
        EscrowClient escrow = network.escrowClient(provider);
        EscrowNode node = escrow.getNode(address);
        if (node.status() == EscrowNode.Status.SUSPENDED) {
            throw new CliException(ExitCodes.FAILED, "node " + account.address() + " is SUSPENDED on escrow "
                    + Felts.toHex(network.escrow()) + "; a suspended node cannot re-register: contact the relayer operator");
        }
        Call call = EscrowFunction.REGISTER_NODE.call(new Felt(network.escrow()), BigInteger.valueOf(chosen.onChain()), publicKey);
        if (dryRun) {
            printDryRun(call, account.address(), network, chosen);
            return;
        }
        String txHash = null;
        if (node.isActive() && node.publicKey().equals(publicKey) && node.tier() == chosen.onChain()) {
            say("Already registered: node " + account.address() + " is ACTIVE, tier " + chosen.wireName()
                    + ", same public key. Nothing sent.");
        } else {
            UnlockedWallet wallet = UnlockedWallet.unlock(env, passphraseFile, crypto);
            try {
                TransactionReceipt receipt = escrow.registerNode(network.account(provider, address, wallet.key()), chosen, publicKey);
                txHash = receipt.getHash().hexString();
                say("Registered node " + account.address() + " (tier " + chosen.wireName() + ") in transaction " + txHash);
            } finally {
                wallet.key().destroy();
            }
        }
        ProviderConfigFile config = ProviderConfigFile.resolve(env, global.config());
        Map<String, String> values = new LinkedHashMap<>();
        values.put("relayer_url", relayer != null ? relayer : config.get("relayer_url").orElse("ws://127.0.0.1:8000"));
        values.put("account_address", account.address());
        values.put("node_id", NodeIds.fromAddress(account.address()));
        values.put("keystore", account.keystore().toAbsolutePath().toString());
        values.put("passphrase_file", passphraseFile == null ? null : passphraseFile.toAbsolutePath().toString());
        config.update(values);
        if (global.json()) {
            ObjectNode out = new ObjectMapper().createObjectNode().put("registered", true).put("address", account.address())
                    .put("node_id", NodeIds.fromAddress(account.address())).put("tier", chosen.wireName())
                    .put("tx_hash", txHash).put("config", config.path().toString());
            env.out().println(out);
        } else {
            env.out().println("Daemon config written: " + config.path() + " (start it with: smainer-daemon --config " + config.path() + ")");
        }
    }

    private WalletFiles.Account linkDevnetAccount(WalletFiles files, WalletFiles.Account account, StarknetNetwork network,
                                                  BigInteger publicKey) {
        if (!ChainOptions.isLocal(network)) {
            throw new CliException(ExitCodes.CONFIG, "the wallet has no account address; on " + network.rpcUrl()
                    + " deploy an account for public key " + account.publicKey()
                    + " and link it with: smainer wallet import --force --address 0x… --from-keystore " + account.keystore());
        }
        if (dryRun) {
            say("Would create a devnet account for public key " + account.publicKey() + " (devnet_createAccount) and fund it.");
            return null;
        }
        DevnetFaucet faucet = new DevnetFaucet(network.rpcUrl());
        BigInteger address = faucet.createAccount(publicKey);
        faucet.mint(address, DEVNET_FEE_FUNDING);
        WalletFiles.Account linked = new WalletFiles.Account(Felts.toHex(address), account.publicKey(), account.keystore());
        files.writeAccount(linked);
        say("Created devnet account " + linked.address() + " for this key and funded it with 1000 STRK for fees.");
        return linked;
    }

    private void printDryRun(Call call, String address, StarknetNetwork network, Tier chosen) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode tx = json.createObjectNode();
        tx.put("type", "INVOKE").put("version", "0x3").put("sender_address", address).put("rpc", network.rpcUrl().toString());
        ObjectNode c = tx.putArray("calls").addObject();
        c.put("contract_address", call.getContractAddress().hexString()).put("entry_point", "register_node")
                .put("selector", call.getEntrypoint().hexString());
        call.getCalldata().forEach(f -> c.withArray("calldata").add(f.hexString()));
        tx.put("tier", chosen.wireName());
        if (!global.json()) {
            env.out().println("Dry run: this transaction would be signed and sent (nothing was sent):");
        }
        env.out().println(tx.toPrettyString());
    }

    private void say(String line) {
        if (!global.json()) {
            env.out().println(line);
        }
    }
}
