package io.smainer.relayer.chain;

import com.swmansion.starknet.account.Account;
import com.swmansion.starknet.provider.rpc.JsonRpcProvider;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.smainer.chain.ChainException;
import io.smainer.chain.EscrowClient;
import io.smainer.chain.StarknetNetwork;
import io.smainer.devnet.Devnet;
import io.smainer.devnet.DevnetConfig;
import io.smainer.protocol.keystore.KeystoreException;
import io.smainer.protocol.keystore.KeystoreFile;
import io.smainer.protocol.stark.StarkCrypto;
import io.smainer.protocol.stark.StarkPrivateKey;
import io.smainer.relayer.config.ChainConfig;
import io.smainer.relayer.config.ConfigException;
import io.smainer.relayer.config.CredentialFile;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The relayer's connection to Starknet: the escrow client (reads run on a small pool of their own, never on
 * the I/O or scheduler threads), and the relayer's account for {@code assign_task} and
 * {@code submit_proof_and_claim}. With the embedded devnet the relayer talks to its own {@code /rpc} over
 * loopback HTTP — the same starknet-jvm code path as against Sepolia or mainnet — so the client is
 * {@link #connect connected} once the port is bound; until then chain calls fail as unavailable.
 */
public final class ChainGateway implements AutoCloseable {
    /** Subdirectory of the data dir that holds the embedded devnet's state. */
    public static final String DEVNET_DIR = "devnet";

    private final ChainConfig.Mode mode;
    private final Devnet devnet;
    private final BigInteger escrow;
    private final BigInteger strk;
    private final BigInteger relayerAddress;
    private final StarkPrivateKey relayerKey;
    private final ExecutorService reads = Executors.newFixedThreadPool(4, new DefaultThreadFactory("chain-read", true));
    private volatile StarknetNetwork network;
    private volatile JsonRpcProvider provider;
    private volatile EscrowClient client;
    private Account account;

    private ChainGateway(ChainConfig.Mode mode, Devnet devnet, BigInteger escrow, BigInteger strk, BigInteger relayerAddress,
                         StarkPrivateKey relayerKey) {
        this.mode = mode;
        this.devnet = devnet;
        this.escrow = escrow;
        this.strk = strk;
        this.relayerAddress = relayerAddress;
        this.relayerKey = relayerKey;
    }

    /** Starts the embedded devnet in {@code <dataDir>/devnet}; its escrow's relayer is predeployed account #1. */
    public static ChainGateway embeddedDevnet(Path dataDir, StarkCrypto crypto) {
        Devnet devnet;
        try {
            devnet = new Devnet(DevnetConfig.defaults(dataDir.resolve(DEVNET_DIR), crypto));
        } catch (RuntimeException e) {
            throw new ConfigException("the embedded devnet in " + dataDir.resolve(DEVNET_DIR) + " cannot start: "
                    + e.getMessage() + " (delete that directory for a fresh chain, or run with --embedded-devnet=false)", e);
        }
        var relayer = devnet.predeployedAccounts().get(1);
        return new ChainGateway(ChainConfig.Mode.EMBEDDED_DEVNET, devnet, devnet.addresses().escrow(), devnet.addresses().strk(),
                relayer.address(), StarkPrivateKey.of(relayer.privateKey(), crypto));
    }

    /** A real network: the relayer account's key comes from its keystore, decrypted with the passphrase file. */
    public static ChainGateway external(ChainConfig config, StarkCrypto crypto) {
        char[] passphrase = CredentialFile.readChars("--relayer-passphrase-file", config.relayerPassphraseFile());
        StarkPrivateKey key;
        try {
            key = KeystoreFile.read(config.relayerKeystore(), passphrase, crypto);
        } catch (KeystoreException e) {
            throw new ConfigException("--relayer-keystore " + config.relayerKeystore() + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
        ChainGateway g = new ChainGateway(ChainConfig.Mode.EXTERNAL, null, config.escrow(), StarknetNetwork.STRK_ADDRESS,
                config.relayerAccount(), key);
        g.connect(config.rpcUrl());
        return g;
    }

    /** Builds the client for {@code rpcUrl} (lax parsing, as production must). */
    public void connect(URI rpcUrl) {
        StarknetNetwork n = new StarknetNetwork(rpcUrl, escrow, strk);
        JsonRpcProvider p = n.provider();
        this.provider = p;
        this.client = n.escrowClient(p);
        this.network = n;
    }

    public boolean isDevnet() {
        return mode == ChainConfig.Mode.EMBEDDED_DEVNET;
    }

    public Optional<Devnet> devnet() {
        return Optional.ofNullable(devnet);
    }

    public BigInteger escrowAddress() {
        return escrow;
    }

    public BigInteger strkAddress() {
        return strk;
    }

    public BigInteger relayerAddress() {
        return relayerAddress;
    }

    /** The RPC URL in use (null before {@link #connect}); may carry a provider key: never log or publish it whole. */
    public URI rpcUrl() {
        StarknetNetwork n = network;
        return n == null ? null : n.rpcUrl();
    }

    public EscrowClient escrow() {
        EscrowClient c = client;
        if (c == null) {
            throw new ChainException(ChainException.Kind.UNAVAILABLE, "the relayer's Starknet client is still starting; retry");
        }
        return c;
    }

    public JsonRpcProvider provider() {
        escrow();
        return provider;
    }

    /**
     * The relayer's account (built on first use: it asks the node for the chain id). Only the settler
     * sends transactions, from one thread, so nonces never race.
     */
    public synchronized Account relayerAccount() {
        if (account == null) {
            escrow();
            account = network.account(provider, relayerAddress, relayerKey);
        }
        return account;
    }

    /** The chain id the node reports. */
    public BigInteger chainId() {
        return relayerAccount().getChainId().getValue().getValue();
    }

    /** {@code message} with the RPC URL cut to its origin (hosted RPC URLs carry keys in path or query). */
    public String redact(String message) {
        URI url = rpcUrl();
        if (message == null || url == null) {
            return message;
        }
        String full = url.toString();
        return full.equals(ChainConfig.origin(url)) ? message : message.replace(full, ChainConfig.origin(url) + "/…");
    }

    /** Runs a blocking chain read on the chain pool. */
    public <T> CompletableFuture<T> read(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, reads);
    }

    @Override
    public void close() {
        reads.shutdownNow();
        if (devnet != null) {
            devnet.close();
        }
    }
}
