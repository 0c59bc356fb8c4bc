package io.smainer.relayer.chain;

import com.swmansion.starknet.account.Account;
import com.swmansion.starknet.data.types.Call;
import com.swmansion.starknet.data.types.Felt;
import com.swmansion.starknet.provider.exceptions.RequestFailedException;
import com.swmansion.starknet.provider.exceptions.RpcRequestFailedException;
import io.smainer.chain.ChainException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Sending a multicall without waiting for it, so the settler can record {@code submitted(tx)} before it
 * waits. starknet-jvm estimates the fee first: a call that would revert fails right here with RPC error
 * 40/41, which {@link #executionFailed} recognises. Errors are translated like the chain module's
 * {@code EscrowClient} does (it keeps its own translation package-private).
 */
final class ChainCalls {
    private ChainCalls() {}

    static Felt send(Account account, List<Call> calls) {
        try {
            return account.executeV3(calls).send().getTransactionHash();
        } catch (ChainException e) {
            throw e;
        } catch (RpcRequestFailedException e) {
            return fail(new ChainException(ChainException.Kind.RPC_ERROR, e.getCode(), "invoke failed: RPC error "
                    + e.getCode() + " " + e.getMessage() + data(e.getData()), e));
        } catch (Exception e) { // Kotlin throws undeclared IOExceptions too
            if (e instanceof RequestFailedException || causedByIo(e)) {
                return fail(new ChainException(ChainException.Kind.UNAVAILABLE, 0,
                        "invoke failed: Starknet RPC unreachable or answered badly (" + e.getMessage() + ")", e));
            }
            return fail(new ChainException(ChainException.Kind.BAD_RESPONSE, 0, "invoke failed: " + e, e));
        }
    }

    /** The calls themselves failed (reverted, or would revert at fee estimation): retrying unchanged is pointless. */
    static boolean executionFailed(ChainException e) {
        return e.kind() == ChainException.Kind.REVERTED || e.kind() == ChainException.Kind.REJECTED
                || e.kind() == ChainException.Kind.RPC_ERROR && (e.rpcCode() == 40 || e.rpcCode() == 41);
    }

    private static Felt fail(ChainException e) {
        throw e;
    }

    private static boolean causedByIo(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof UncheckedIOException) {
                return true;
            }
        }
        return false;
    }

    private static String data(String data) {
        return data == null || data.isEmpty() ? "" : " (" + io.smainer.protocol.Limits.clip(data, 300) + ")";
    }
}
