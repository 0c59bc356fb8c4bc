package io.smainer.devnet;

import com.swmansion.starknet.data.ContractAddressCalculator;
import com.swmansion.starknet.data.types.Felt;
import io.smainer.devnet.chain.DevnetClock;
import io.smainer.devnet.chain.EventQuery;
import io.smainer.devnet.chain.ExecutionReverted;
import io.smainer.devnet.chain.FeeEstimate;
import io.smainer.devnet.chain.InvokeTransaction;
import io.smainer.devnet.chain.Ledger;
import io.smainer.devnet.chain.Receipt;
import io.smainer.devnet.chain.Sequencer;
import io.smainer.devnet.chain.SnapshotStore;
import io.smainer.devnet.chain.TransactionRejected;
import io.smainer.devnet.contracts.AccountContract;
import io.smainer.devnet.contracts.Erc20Token;
import io.smainer.devnet.contracts.SmainerEscrow;
import io.smainer.devnet.exec.BlockContext;
import io.smainer.devnet.exec.CairoSerde;
import io.smainer.devnet.exec.CallExecutor;
import io.smainer.devnet.exec.CallOutcome;
import io.smainer.devnet.exec.Selectors;
import io.smainer.devnet.state.StateOverlay;
import io.smainer.devnet.state.WorldState;
import io.smainer.protocol.stark.Felts;
import io.smainer.protocol.stark.StarkCurveOrder;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded devnet: a Starknet chain with native STRK, account and escrow contracts, mined one
 * block per transaction. Composition root of the module; {@link #rpc()} is the JSON-RPC handler an
 * app mounts at {@code /rpc}. Thread-safe: every operation holds this object's lock.
 */
public final class Devnet implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Devnet.class);

    private final DevnetConfig config;
    private final BigInteger chainId;
    private final WorldState state = new WorldState();
    private final Ledger ledger = new Ledger();
    private final DevnetClock clock;
    private final CallExecutor executor;
    private final Sequencer sequencer;
    private final SnapshotStore snapshots;
    private final DataDirLock lock;
    private final List<PredeployedAccount> accounts;
    private final DevnetAddresses addresses;
    private final DevnetRpc rpc;

    public Devnet(DevnetConfig config) {
        this.config = config;
        this.chainId = CairoSerde.shortString(config.chainName());
        this.lock = config.dataDir() == null ? null : DataDirLock.acquire(config.dataDir());
        this.snapshots = config.dataDir() == null ? null : new SnapshotStore(config.dataDir());
        this.executor = new CallExecutor(state, config.crypto(), List.of(new Erc20Token("Starknet Token", "STRK", 18),
                new AccountContract(), new SmainerEscrow()));
        this.accounts = deriveAccounts();
        this.addresses = new DevnetAddresses(DevnetAddresses.STRK, DevnetAddresses.ESCROW, DevnetAddresses.SEQUENCER,
                accounts.get(0).address(), accounts.get(1).address(), accounts.get(2).address());
        Optional<SnapshotStore.Snapshot> restored = snapshots == null ? Optional.empty() : snapshots.load(state, ledger);
        restored.ifPresent(this::checkSnapshotMatches);
        this.clock = new DevnetClock(config.epochSeconds(), restored.map(SnapshotStore.Snapshot::timeOffset).orElse(0L));
        this.sequencer = new Sequencer(state, executor, ledger, clock, config.crypto(), chainId, DevnetAddresses.STRK,
                DevnetAddresses.SEQUENCER);
        if (restored.isEmpty()) {
            new Genesis(executor, sequencer, ledger, clock).build(addresses, accounts, config.seed());
            persist();
        }
        this.rpc = new DevnetRpc(this);
        LOG.info("devnet ready: chain {} at block {}, {} accounts, data dir {}", config.chainName(),
                ledger.latest().number(), accounts.size(), config.dataDir() == null ? "(memory)" : config.dataDir());
    }

    public DevnetRpc rpc() {
        return rpc;
    }

    /** The chain id felt: {@code 'SN_SMAINER_DEVNET'} by default (0x534e5f534d41494e45525f4445564e4554). */
    public BigInteger chainId() {
        return chainId;
    }

    public List<PredeployedAccount> predeployedAccounts() {
        return accounts;
    }

    public DevnetAddresses addresses() {
        return addresses;
    }

    /** A view call on the latest state ({@code starknet_call}); reverts come back in the outcome. */
    public synchronized CallOutcome call(BigInteger to, String entryPoint, List<BigInteger> calldata) {
        return callSelector(to, Selectors.of(entryPoint), calldata);
    }

    synchronized CallOutcome callSelector(BigInteger to, BigInteger selector, List<BigInteger> calldata) {
        return executor.simulate(BigInteger.ZERO, to, selector, calldata, sequencer.nextBlockContext());
    }

    /** Events of the whole chain matching the filter, one page (the native view behind {@code starknet_getEvents}). */
    public synchronized EventQuery.Page events(long fromBlock, long toBlock, Set<BigInteger> addresses,
                                               List<List<BigInteger>> keys, int chunkSize, String continuationToken) {
        return EventQuery.run(ledger, fromBlock, toBlock, addresses, keys, chunkSize, continuationToken);
    }

    synchronized Receipt submit(InvokeTransaction tx) throws TransactionRejected {
        Receipt receipt = sequencer.submit(tx);
        persist();
        LOG.debug("tx {} in block {}: {}", Felts.toHex(receipt.transactionHash()), receipt.blockNumber(),
                receipt.reverted() ? "REVERTED" : "SUCCEEDED");
        return receipt;
    }

    synchronized FeeEstimate estimate(InvokeTransaction tx, boolean skipValidate) throws TransactionRejected, ExecutionReverted {
        return sequencer.estimate(tx, skipValidate);
    }

    /** Devnet faucet: mints {@code amount} STRK wei to {@code to} in a block of its own; returns that receipt. */
    public synchronized Receipt mint(BigInteger to, BigInteger amount) {
        if (amount.signum() <= 0 || amount.compareTo(CairoSerde.U256_MAX) > 0) {
            throw new IllegalArgumentException("mint amount must be 1..2^256-1 wei, got " + amount);
        }
        BlockContext block = sequencer.nextBlockContext();
        StateOverlay overlay = new StateOverlay(state);
        executor.runAs(overlay, DevnetAddresses.STRK, BigInteger.ZERO, block, ctx -> Erc20Token.mint(ctx, to, amount));
        overlay.commit();
        BigInteger hash = Felts.sha256ModP("devnet_mint:" + block.blockNumber() + ":" + to + ":" + amount);
        Receipt receipt = sequencer.mineSystemTransaction(hash, overlay.events(), block.timestamp());
        persist();
        return receipt;
    }

    /** Deploys an account for {@code publicKey} (address as starknet-jvm computes an OZ account's); idempotent. */
    public synchronized BigInteger createAccount(BigInteger publicKey) {
        BigInteger address = accountAddress(publicKey);
        if (state.classHashAt(address).isEmpty()) {
            deployAccount(state, address, publicKey);
            persist();
        }
        return address;
    }

    /** Moves block time forward (for claim-window expiry); the next block carries the new time. */
    public synchronized long increaseTime(long seconds) {
        clock.increase(seconds);
        persist();
        return clock.nextTimestamp(ledger.latest().timestamp());
    }

    public synchronized BigInteger balanceOf(BigInteger account) {
        return state.read(DevnetAddresses.STRK, Erc20Token.balanceSlot(account));
    }

    synchronized BigInteger nonce(BigInteger address) {
        return state.nonce(address);
    }

    synchronized Optional<BigInteger> classHashAt(BigInteger address) {
        return state.classHashAt(address);
    }

    /** Read-only ledger access for the RPC layer (callers hold no lock across calls). */
    synchronized <T> T readLedger(java.util.function.Function<Ledger, T> reader) {
        return reader.apply(ledger);
    }

    static BigInteger accountAddress(BigInteger publicKey) {
        Felt key = new Felt(publicKey);
        return ContractAddressCalculator.calculateAddressFromHash(new Felt(AccountContract.CLASS_HASH), List.of(key), key)
                .getValue();
    }

    static void deployAccount(WorldState state, BigInteger address, BigInteger publicKey) {
        state.deploy(address, AccountContract.CLASS_HASH);
        state.write(address, AccountContract.PUBLIC_KEY_SLOT, publicKey);
    }

    private List<PredeployedAccount> deriveAccounts() {
        List<PredeployedAccount> out = new ArrayList<>();
        BigInteger range = StarkCurveOrder.N.subtract(BigInteger.ONE);
        for (int i = 0; i < config.accountCount(); i++) {
            BigInteger priv = Felts.sha256ModP(config.seed() + ":account:" + i).mod(range).add(BigInteger.ONE);
            BigInteger pub = config.crypto().publicKey(priv);
            String role = i == 0 ? "owner" : i == 1 ? "relayer" : i == 2 ? "treasury" : "user";
            out.add(new PredeployedAccount(i, role, accountAddress(pub), priv, pub, config.initialBalance()));
        }
        return List.copyOf(out);
    }

    private void checkSnapshotMatches(SnapshotStore.Snapshot s) {
        if (!s.chainId().equals(chainId) || !s.seedFingerprint().equals(Felts.sha256ModP(config.seed()))) {
            throw new IllegalStateException("devnet data dir " + config.dataDir() + " holds a chain with another chain id "
                    + "or seed than configured (" + config.chainName() + "); use the original settings or another data dir");
        }
    }

    private void persist() {
        if (snapshots != null) {
            snapshots.save(chainId, Felts.sha256ModP(config.seed()), clock.offsetSeconds(), state, ledger);
        }
    }

    @Override
    public void close() {
        if (snapshots != null) {
            snapshots.close();
        }
        if (lock != null) {
            lock.release();
        }
    }
}
