package io.smainer.relayer.chain;

/**
 * The answer of a {@link PaymentVerifier}; {@code detail} names the escrow and what is wrong with it.
 * {@code escrowedAmount} is the verified escrow's amount (wei) when the task will be settled on chain,
 * else null.
 */
public record PaymentDecision(Outcome outcome, String detail, java.math.BigInteger escrowedAmount) {

    public PaymentDecision(Outcome outcome, String detail) {
        this(outcome, detail, null);
    }

    /** What the API answers for each outcome (PROTOCOL.md §1). */
    public enum Outcome {
        ACCEPTED(201, null),
        MISSING_ESCROW(400, "payment_required"),
        ESCROW_REJECTED(402, "escrow_rejected"),
        CHAIN_UNAVAILABLE(503, "chain_unavailable");

        private final int httpStatus;
        private final String code;

        Outcome(int httpStatus, String code) {
            this.httpStatus = httpStatus;
            this.code = code;
        }

        public int httpStatus() {
            return httpStatus;
        }

        public String code() {
            return code;
        }
    }

    /** Accepted without an escrow to settle. */
    public static PaymentDecision accepted() {
        return new PaymentDecision(Outcome.ACCEPTED, "");
    }

    /** Accepted against a verified escrow holding {@code amount} wei: the task is settled on chain. */
    public static PaymentDecision escrowed(java.math.BigInteger amount) {
        return new PaymentDecision(Outcome.ACCEPTED, "", amount);
    }

    public boolean isAccepted() {
        return outcome == Outcome.ACCEPTED;
    }
}
