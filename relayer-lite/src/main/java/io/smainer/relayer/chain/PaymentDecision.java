package io.smainer.relayer.chain;

/** The answer of a {@link PaymentVerifier}; {@code detail} names the escrow and what is wrong with it. */
public record PaymentDecision(Outcome outcome, String detail) {

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

    public static PaymentDecision accepted() {
        return new PaymentDecision(Outcome.ACCEPTED, "");
    }

    public boolean isAccepted() {
        return outcome == Outcome.ACCEPTED;
    }
}
