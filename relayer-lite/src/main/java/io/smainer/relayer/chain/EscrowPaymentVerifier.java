package io.smainer.relayer.chain;

import io.smainer.chain.ChainException;
import io.smainer.chain.EscrowTask;
import io.smainer.protocol.api.TaskSubmission;
import io.smainer.protocol.stark.Felts;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * PROTOCOL.md §1 payment rules against the escrow ({@code get_task}, {@code is_token_allowed}): 400 when
 * payment is required and {@code on_chain_task_id} is missing; 402 when the escrow does not exist, is not
 * CREATED, holds a token the escrow does not allow, holds less than {@code token_amount}, or — when the
 * body carries {@code demander_address} (ours) — was created by another account; 503 when the chain
 * cannot be asked. A submission with {@code on_chain_task_id} is checked even when payment is not
 * required: an escrow the relayer would settle must be real.
 */
public final class EscrowPaymentVerifier implements PaymentVerifier {
    /** The allow-list changes only by an owner transaction; a minute of caching is harmless. */
    static final long TOKEN_CACHE_MILLIS = 60_000;

    private final ChainGateway chain;
    private final boolean required;
    private final LongSupplier clock;
    private final Map<BigInteger, Long> allowedTokens = new ConcurrentHashMap<>();

    public EscrowPaymentVerifier(ChainGateway chain, boolean required, LongSupplier clock) {
        this.chain = chain;
        this.required = required;
        this.clock = clock;
    }

    @Override
    public CompletionStage<PaymentDecision> verify(TaskSubmission s, BigInteger demander) {
        BigInteger id = s.onChainTaskId();
        if (id == null) {
            return CompletableFuture.completedFuture(required ? PaymentVerifier.missing() : PaymentDecision.accepted());
        }
        return chain.read(() -> check(id, s.tokenAmount(), demander)).exceptionally(e -> unavailable(id, e));
    }

    private PaymentDecision check(BigInteger id, BigInteger tokenAmount, BigInteger demander) {
        String escrow = "escrow task " + id + " (escrow " + Felts.toHex(chain.escrowAddress()) + ")";
        Optional<EscrowTask> found = chain.escrow().findTask(id);
        if (found.isEmpty()) {
            return rejected(escrow + " does not exist: create it with approve + create_task and send the id it returns");
        }
        EscrowTask t = found.get();
        if (t.status() != EscrowTask.Status.CREATED) {
            return rejected(escrow + " is " + t.status() + ", not CREATED: it was already assigned, settled, cancelled or"
                    + " refunded; escrow a new task");
        }
        if (demander != null && !demander.equals(t.creator())) {
            return rejected(escrow + " was created by " + Felts.toHex(t.creator()) + ", not by demander_address "
                    + Felts.toHex(demander) + ": send the id of your own escrow");
        }
        if (!tokenAllowed(t.token())) {
            return rejected(escrow + " holds token " + Felts.toHex(t.token()) + ", which the escrow does not allow:"
                    + " pay in STRK (" + Felts.toHex(chain.strkAddress()) + ")");
        }
        if (t.amount().compareTo(tokenAmount) < 0) {
            return rejected(escrow + " holds " + t.amount() + " wei, less than token_amount " + tokenAmount
                    + ": lower token_amount or escrow at least that much");
        }
        return PaymentDecision.escrowed(t.amount());
    }

    private boolean tokenAllowed(BigInteger token) {
        long now = clock.getAsLong();
        Long until = allowedTokens.get(token);
        if (until != null && until > now) {
            return true;
        }
        boolean allowed = chain.escrow().isTokenAllowed(token);
        if (allowed) {
            allowedTokens.put(token, now + TOKEN_CACHE_MILLIS);
        }
        return allowed;
    }

    private static PaymentDecision rejected(String detail) {
        return new PaymentDecision(PaymentDecision.Outcome.ESCROW_REJECTED, detail);
    }

    private PaymentDecision unavailable(BigInteger id, Throwable failure) {
        Throwable e = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        String why = chain.redact(e instanceof ChainException c ? c.getMessage() : e.toString());
        return new PaymentDecision(PaymentDecision.Outcome.CHAIN_UNAVAILABLE, "cannot verify escrow task " + id
                + " now: " + io.smainer.protocol.Limits.clip(why, 300) + "; retry when the Starknet RPC is reachable");
    }
}
