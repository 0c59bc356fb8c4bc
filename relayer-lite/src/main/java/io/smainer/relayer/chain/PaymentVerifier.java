package io.smainer.relayer.chain;

import io.smainer.protocol.api.TaskSubmission;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Checks that a submission is paid for (PROTOCOL.md §1: escrow exists, CREATED, creator, token,
 * amount ≥ {@code token_amount}). Runs before the task is stored; the one-submission-per-escrow rule is
 * the store's unique index.
 */
public interface PaymentVerifier {

    CompletionStage<PaymentDecision> verify(TaskSubmission submission);

    /** {@code --require-payment=false}: every submission is accepted. */
    PaymentVerifier NOT_REQUIRED = s -> CompletableFuture.completedFuture(PaymentDecision.accepted());

    /**
     * {@code --require-payment=true} in a build without a chain client: a submission without
     * {@code on_chain_task_id} is a 400, one with it cannot be checked (503).
     */
    PaymentVerifier WITHOUT_CHAIN = s -> CompletableFuture.completedFuture(s.onChainTaskId() == null
            ? new PaymentDecision(PaymentDecision.Outcome.MISSING_ESCROW,
                    "on_chain_task_id is required: this relayer runs with --require-payment; create an escrow first")
            : new PaymentDecision(PaymentDecision.Outcome.CHAIN_UNAVAILABLE,
                    "cannot verify escrow " + s.onChainTaskId() + ": this relayer has no Starknet client configured"));
}
