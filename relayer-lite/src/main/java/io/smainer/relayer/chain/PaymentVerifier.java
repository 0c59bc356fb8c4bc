package io.smainer.relayer.chain;

import io.smainer.protocol.api.TaskSubmission;
import java.math.BigInteger;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Checks that a submission is paid for (PROTOCOL.md §1: escrow exists, CREATED, token allow-listed,
 * amount ≥ {@code token_amount}, and — when the request names one with {@code demander_address}
 * (ours) — created by that account). Runs before the task is stored; the one-submission-per-escrow rule
 * is the store's unique index (409).
 */
public interface PaymentVerifier {

    /** @param demanderAddress the optional {@code demander_address} of the body, or null */
    CompletionStage<PaymentDecision> verify(TaskSubmission submission, BigInteger demanderAddress);

    /** No chain and {@code --require-payment=false}: every submission is accepted and none is settled. */
    PaymentVerifier NOT_REQUIRED = (s, d) -> CompletableFuture.completedFuture(PaymentDecision.accepted());

    /**
     * {@code --require-payment=true} without a chain client: a submission without
     * {@code on_chain_task_id} is a 400, one with it cannot be checked (503).
     */
    PaymentVerifier WITHOUT_CHAIN = (s, d) -> CompletableFuture.completedFuture(s.onChainTaskId() == null
            ? missing()
            : new PaymentDecision(PaymentDecision.Outcome.CHAIN_UNAVAILABLE,
                    "cannot verify escrow " + s.onChainTaskId() + ": this relayer has no Starknet client configured"
                            + " (start it in devnet mode or with --starknet-rpc URL --escrow ADDRESS …)"));

    static PaymentDecision missing() {
        return new PaymentDecision(PaymentDecision.Outcome.MISSING_ESCROW,
                "on_chain_task_id is required: this relayer runs with --require-payment; escrow the amount first"
                        + " (approve + create_task, e.g. smainer tasks submit --pay) and send its id");
    }
}
