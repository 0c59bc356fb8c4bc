package io.smainer.protocol.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.smainer.protocol.FieldViolation;
import io.smainer.protocol.Limits;
import io.smainer.protocol.Require;
import java.math.BigInteger;

/**
 * {@code POST /tasks} body (PROTOCOL.md §1). {@code payload} is sensitive user data: it is never
 * printed, and {@link #toString()} shows only its size class.
 */
public record TaskSubmission(
        JsonNode payload,
        TaskRequirements requirements,
        BigInteger tokenAmount,
        String description,
        BigInteger onChainTaskId,
        String affiliateAddress) {

    private static final BigInteger U256_MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

    public TaskSubmission {
        Require.present("payload", payload);
        if (!payload.isObject()) {
            throw FieldViolation.invalid("payload", "must be a JSON object");
        }
        requirements = requirements == null ? TaskRequirements.NONE : requirements;
        tokenAmount = tokenAmount == null ? BigInteger.ZERO : tokenAmount;
        requireU256("token_amount", tokenAmount);
        if (onChainTaskId != null) {
            requireU256("on_chain_task_id", onChainTaskId);
        }
        Require.optionalText("description", description, Limits.MAX_TEXT_CHARS);
        if (affiliateAddress != null) {
            Require.matching("affiliate_address", affiliateAddress, Require.HEX_FELT);
        }
    }

    static void requireU256(String field, BigInteger v) {
        if (v.signum() < 0 || v.compareTo(U256_MAX) > 0) {
            throw FieldViolation.invalid(field, "must be an integer in [0, 2^256)");
        }
    }

    @Override
    public String toString() {
        return "TaskSubmission[payload=<redacted " + payload.size() + " fields>, requirements=" + requirements
                + ", tokenAmount=" + tokenAmount + ", onChainTaskId=" + onChainTaskId + "]";
    }
}
