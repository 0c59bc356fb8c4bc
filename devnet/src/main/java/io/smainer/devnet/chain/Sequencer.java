package io.smainer.devnet.chain;

import static io.smainer.devnet.chain.TransactionRejected.Kind.DUPLICATE_TX;
import static io.smainer.devnet.chain.TransactionRejected.Kind.INSUFFICIENT_BALANCE;
import static io.smainer.devnet.chain.TransactionRejected.Kind.INSUFFICIENT_RESOURCES;
import static io.smainer.devnet.chain.TransactionRejected.Kind.INVALID_NONCE;
import static io.smainer.devnet.chain.TransactionRejected.Kind.NON_ACCOUNT;
import static io.smainer.devnet.chain.TransactionRejected.Kind.VALIDATION_FAILURE;

import io.smainer.devnet.contracts.AccountContract;
import io.smainer.devnet.contracts.Erc20Token;
import io.smainer.devnet.exec.BlockContext;
import io.smainer.devnet.exec.CairoSerde;
import io.smainer.devnet.exec.CallExecutor;
import io.smainer.devnet.exec.ContractRevert;
import io.smainer.devnet.exec.EmittedEvent;
import io.smainer.devnet.exec.Selectors;
import io.smainer.devnet.state.StateOverlay;
import io.smainer.devnet.state.WorldState;
import io.smainer.protocol.stark.StarkCrypto;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Validates, executes and mines v3 INVOKE transactions, one block each. Order of checks (the first
 * failure decides the RPC error): sender is an account, not a duplicate, nonce equals the account's,
 * resource bounds cover the devnet's prices and consumption, the STRK balance covers the max fee,
 * the signature over the recomputed hash verifies. Execution is all-or-nothing; a revert still pays
 * the fee and consumes the nonce.
 */
public final class Sequencer {
    private static final BigInteger EXECUTE = Selectors.of("__execute__");

    private final WorldState state;
    private final CallExecutor executor;
    private final Ledger ledger;
    private final DevnetClock clock;
    private final StarkCrypto crypto;
    private final BigInteger chainId;
    private final BigInteger feeToken;
    private final BigInteger sequencerAddress;

    public Sequencer(WorldState state, CallExecutor executor, Ledger ledger, DevnetClock clock, StarkCrypto crypto,
                     BigInteger chainId, BigInteger feeToken, BigInteger sequencerAddress) {
        this.state = state;
        this.executor = executor;
        this.ledger = ledger;
        this.clock = clock;
        this.crypto = crypto;
        this.chainId = chainId;
        this.feeToken = feeToken;
        this.sequencerAddress = sequencerAddress;
    }

    /** Accepts, executes and mines {@code tx}; returns its receipt. */
    public Receipt submit(InvokeTransaction tx) throws TransactionRejected {
        if (tx.query()) {
            throw new TransactionRejected(TransactionRejected.Kind.UNSUPPORTED_VERSION,
                    "query version 0x100000000000000000000000000000003 is for estimates only; broadcast version 0x3");
        }
        BigInteger hash = tx.hash(chainId);
        BigInteger publicKey = accountKey(tx.senderAddress());
        if (ledger.contains(hash)) {
            throw new TransactionRejected(DUPLICATE_TX, "transaction " + CairoSerde.hex(hash) + " was already accepted");
        }
        checkNonce(tx);
        ResourceUsage usage = usageOf(tx);
        checkBounds(tx, usage);
        BigInteger balance = state.read(feeToken, Erc20Token.balanceSlot(tx.senderAddress()));
        if (tx.maxFee().compareTo(balance) > 0) {
            throw new TransactionRejected(INSUFFICIENT_BALANCE, "max fee " + tx.maxFee() + " FRI exceeds the STRK balance "
                    + balance + " of " + CairoSerde.hex(tx.senderAddress()) + "; fund it with devnet_mint");
        }
        checkSignature(tx, hash, publicKey);
        return execute(tx, hash, usage);
    }

    /** Simulates {@code tx} on the latest state (nothing is charged or stored). */
    public FeeEstimate estimate(InvokeTransaction tx, boolean skipValidate) throws TransactionRejected, ExecutionReverted {
        BigInteger publicKey = accountKey(tx.senderAddress());
        checkNonce(tx);
        if (!skipValidate) {
            checkSignature(tx, tx.hash(chainId), publicKey);
        }
        StateOverlay overlay = new StateOverlay(state);
        BlockContext block = new BlockContext(ledger.latest().number() + 1, clock.nextTimestamp(ledger.latest().timestamp()));
        try {
            executor.call(overlay, BigInteger.ZERO, tx.senderAddress(), EXECUTE, tx.calldata(), block);
        } catch (ContractRevert e) {
            throw new ExecutionReverted(e.describe());
        }
        ResourceUsage usage = usageOf(tx);
        return new FeeEstimate(usage, FeeModel.L1_GAS_PRICE, FeeModel.L1_DATA_GAS_PRICE, FeeModel.L2_GAS_PRICE,
                FeeModel.fee(usage, tx.tip()));
    }

    private Receipt execute(InvokeTransaction tx, BigInteger hash, ResourceUsage usage) {
        long number = ledger.latest().number() + 1;
        BlockContext block = new BlockContext(number, clock.nextTimestamp(ledger.latest().timestamp()));
        BigInteger fee = FeeModel.fee(usage, tx.tip());
        String revertReason = null;
        StateOverlay overlay = new StateOverlay(state);
        try {
            executor.call(overlay, BigInteger.ZERO, tx.senderAddress(), EXECUTE, tx.calldata(), block);
            chargeFee(overlay, tx.senderAddress(), fee, block);
        } catch (ContractRevert e) {
            // All calls are rolled back; the fee is charged on the pre-transaction state.
            revertReason = e.describe();
            overlay = new StateOverlay(state);
            chargeFee(overlay, tx.senderAddress(), fee, block);
        }
        overlay.commit();
        state.incrementNonce(tx.senderAddress());
        Receipt receipt = new Receipt(hash, tx.senderAddress(), number, 0, fee, revertReason, overlay.events(), usage);
        ledger.mine(block.timestamp(), List.of(receipt));
        return receipt;
    }

    /** The fee as an STRK {@code transfer} from the sender to the sequencer (its Transfer event ends the receipt). */
    private void chargeFee(StateOverlay overlay, BigInteger sender, BigInteger fee, BlockContext block) {
        executor.call(overlay, sender, feeToken, Selectors.of("transfer"),
                List.of(sequencerAddress, fee.and(CairoSerde.U128_MASK), fee.shiftRight(128)), block);
    }

    /** A devnet-only block with one system transaction (faucet, time jump) whose events come from {@code events}. */
    public Receipt mineSystemTransaction(BigInteger hash, List<EmittedEvent> events, long timestamp) {
        long number = ledger.latest().number() + 1;
        Receipt receipt = new Receipt(hash, BigInteger.ZERO, number, 0, BigInteger.ZERO, null, events,
                new ResourceUsage(0, 0, 0));
        ledger.mine(timestamp, List.of(receipt));
        return receipt;
    }

    public BlockContext nextBlockContext() {
        return new BlockContext(ledger.latest().number() + 1, clock.nextTimestamp(ledger.latest().timestamp()));
    }

    private BigInteger accountKey(BigInteger sender) throws TransactionRejected {
        Optional<BigInteger> classHash = state.classHashAt(sender);
        if (classHash.isEmpty() || !classHash.get().equals(AccountContract.CLASS_HASH)) {
            throw new TransactionRejected(NON_ACCOUNT, "sender " + CairoSerde.hex(sender) + " is not a deployed account "
                    + "on this devnet; use a predeployed account or devnet_createAccount");
        }
        return state.read(sender, AccountContract.PUBLIC_KEY_SLOT);
    }

    private void checkNonce(InvokeTransaction tx) throws TransactionRejected {
        BigInteger expected = state.nonce(tx.senderAddress());
        if (!tx.nonce().equals(expected)) {
            throw new TransactionRejected(INVALID_NONCE, "nonce " + tx.nonce() + " of " + CairoSerde.hex(tx.senderAddress())
                    + " is not the account nonce " + expected + "; read it with starknet_getNonce");
        }
    }

    private static void checkBounds(InvokeTransaction tx, ResourceUsage usage) throws TransactionRejected {
        List<String> short_ = new ArrayList<>();
        bound("l1_gas", tx.l1Gas(), usage.l1Gas(), FeeModel.L1_GAS_PRICE, short_);
        bound("l1_data_gas", tx.l1DataGas(), usage.l1DataGas(), FeeModel.L1_DATA_GAS_PRICE, short_);
        bound("l2_gas", tx.l2Gas(), usage.l2Gas(), FeeModel.L2_GAS_PRICE, short_);
        if (!short_.isEmpty()) {
            throw new TransactionRejected(INSUFFICIENT_RESOURCES, "resource bounds too low: " + String.join("; ", short_)
                    + " (starknet_estimateFee returns what this transaction needs)");
        }
    }

    private static void bound(String name, InvokeTransaction.Bounds b, long needed, BigInteger price, List<String> out) {
        if (needed == 0) {
            return;
        }
        if (b.maxAmount().compareTo(BigInteger.valueOf(needed)) < 0) {
            out.add(name + " max_amount " + b.maxAmount() + " < " + needed + " consumed");
        }
        if (b.maxPricePerUnit().compareTo(price) < 0) {
            out.add(name + " max_price_per_unit " + b.maxPricePerUnit() + " < price " + price);
        }
    }

    private void checkSignature(InvokeTransaction tx, BigInteger hash, BigInteger publicKey) throws TransactionRejected {
        if (!AccountContract.isValidSignature(crypto, publicKey, hash, tx.signature())) {
            throw new TransactionRejected(VALIDATION_FAILURE, "Account: invalid signature (the signature does not verify "
                    + "over transaction hash " + CairoSerde.hex(hash) + " with the public key of " + CairoSerde.hex(tx.senderAddress())
                    + ")");
        }
    }

    private static ResourceUsage usageOf(InvokeTransaction tx) {
        int calls;
        try {
            calls = AccountContract.decodeCalls(tx.calldata()).size();
        } catch (ContractRevert e) {
            calls = 0;
        }
        return FeeModel.usage(tx.calldata().size(), calls);
    }
}
