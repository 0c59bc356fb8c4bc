package io.smainer.chain;

import com.swmansion.starknet.data.types.Felt;
import com.swmansion.starknet.data.types.GetTransactionStatusResponse;
import com.swmansion.starknet.data.types.TransactionExecutionStatus;
import com.swmansion.starknet.data.types.TransactionReceipt;
import com.swmansion.starknet.data.types.TransactionStatus;
import com.swmansion.starknet.provider.Provider;
import com.swmansion.starknet.provider.exceptions.RpcRequestFailedException;
import java.time.Duration;
import java.util.function.LongConsumer;

/**
 * Waits until a transaction is {@code ACCEPTED_ON_L2} (or L1), polling its status with exponential
 * backoff; {@code PRE_CONFIRMED}/{@code RECEIVED}/{@code CANDIDATE} keep waiting, a not-yet-known hash
 * (error 29) keeps waiting, {@code REVERTED} and {@code REJECTED} throw with the reason.
 */
public final class TransactionWaiter {
    private static final int TX_HASH_NOT_FOUND = 29;

    private final Provider provider;
    private final Duration timeout;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final LongConsumer sleeper;

    public TransactionWaiter(Provider provider, Duration timeout, Duration initialDelay, Duration maxDelay, LongConsumer sleeper) {
        this.provider = provider;
        this.timeout = timeout;
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.sleeper = sleeper;
    }

    /** Production defaults: 250 ms doubling to 5 s, for up to 5 minutes. */
    public static TransactionWaiter standard(Provider provider) {
        return new TransactionWaiter(provider, Duration.ofMinutes(5), Duration.ofMillis(250), Duration.ofSeconds(5),
                TransactionWaiter::sleep);
    }

    /** Blocks until accepted and returns the receipt; throws {@link ChainException} otherwise. */
    public TransactionReceipt awaitAccepted(Felt txHash) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long delay = initialDelay.toMillis();
        while (true) {
            GetTransactionStatusResponse status = statusOrNull(txHash);
            if (status != null) {
                if (status.getExecutionStatus() == TransactionExecutionStatus.REVERTED
                        || status.getExecutionStatus() == TransactionExecutionStatus.REJECTED) {
                    TransactionReceipt receipt = EscrowClient.rpc(() -> provider.getTransactionReceipt(txHash).send(), "receipt");
                    String reason = receipt.getRevertReason() != null ? receipt.getRevertReason() : status.getFailureReason();
                    throw new ChainException(status.getExecutionStatus() == TransactionExecutionStatus.REVERTED
                            ? ChainException.Kind.REVERTED : ChainException.Kind.REJECTED, 0,
                            "transaction " + txHash.hexString() + " " + status.getExecutionStatus().name().toLowerCase(java.util.Locale.ROOT)
                                    + ": " + reason, null);
                }
                TransactionStatus f = status.getFinalityStatus();
                if (f == TransactionStatus.ACCEPTED_ON_L2 || f == TransactionStatus.ACCEPTED_ON_L1) {
                    TransactionReceipt receipt = EscrowClient.rpc(() -> provider.getTransactionReceipt(txHash).send(), "receipt");
                    if (receipt.getExecutionStatus() == TransactionExecutionStatus.REVERTED) {
                        throw new ChainException(ChainException.Kind.REVERTED, 0,
                                "transaction " + txHash.hexString() + " reverted: " + receipt.getRevertReason(), null);
                    }
                    return receipt;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new ChainException(ChainException.Kind.TIMEOUT, 0, "transaction " + txHash.hexString()
                        + " not accepted within " + timeout.toSeconds() + " s (last status: "
                        + (status == null ? "unknown to the node" : status.getFinalityStatus()) + ")", null);
            }
            sleeper.accept(delay);
            delay = Math.min(delay * 2, maxDelay.toMillis());
        }
    }

    private GetTransactionStatusResponse statusOrNull(Felt txHash) {
        try {
            return provider.getTransactionStatus(txHash).send();
        } catch (RpcRequestFailedException e) {
            if (e.getCode() == TX_HASH_NOT_FOUND) {
                return null;
            }
            throw EscrowClient.translate(e, "transaction status");
        } catch (Exception e) { // Kotlin may throw undeclared checked IOExceptions
            throw EscrowClient.translate(e, "transaction status");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainException(ChainException.Kind.TIMEOUT, 0, "interrupted while waiting for a transaction", e);
        }
    }
}
