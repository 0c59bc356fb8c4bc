package io.smainer.devnet.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.swmansion.starknet.data.types.DAMode;
import io.smainer.devnet.chain.InvokeTransaction;
import java.math.BigInteger;
import java.util.List;

/** Parses {@code BROADCASTED_INVOKE_TXN} (v3 only: {@code version} 0x3, or the query version for estimates). */
public final class InvokeTransactionJson {
    static final BigInteger V3 = BigInteger.valueOf(3);
    static final BigInteger V3_QUERY = BigInteger.ONE.shiftLeft(128).add(V3);

    private InvokeTransactionJson() {}

    /** @throws RpcError 61 for another version, -32602 for a malformed transaction */
    public static InvokeTransaction parse(JsonNode tx) throws RpcError {
        if (tx == null || !tx.isObject()) {
            throw RpcError.invalidParams("invoke transaction must be an object, got " + tx);
        }
        if (tx.has("type") && !"INVOKE".equals(tx.get("type").asText())) {
            throw RpcError.invalidParams("transaction type '" + tx.get("type").asText() + "' is not supported here; "
                    + "the devnet accepts INVOKE v3 (use devnet_createAccount instead of DEPLOY_ACCOUNT)");
        }
        BigInteger version = RpcParams.felt("version", tx.get("version"));
        if (!version.equals(V3) && !version.equals(V3_QUERY)) {
            throw new RpcError(61, "The transaction version is not supported",
                    RpcShapes.text("version 0x" + version.toString(16) + " is not supported; the devnet accepts v3 (0x3) only"));
        }
        JsonNode rb = tx.get("resource_bounds");
        if (rb == null || !rb.isObject()) {
            throw RpcError.invalidParams("invoke transaction: missing resource_bounds {l1_gas, l1_data_gas, l2_gas}");
        }
        return new InvokeTransaction(
                RpcParams.felt("sender_address", tx.get("sender_address")),
                RpcParams.felts("calldata", tx.get("calldata")),
                version.equals(V3_QUERY),
                RpcParams.felts("signature", tx.get("signature")),
                RpcParams.felt("nonce", tx.get("nonce")),
                bounds("l1_gas", rb.get("l1_gas")), bounds("l1_data_gas", rb.get("l1_data_gas")),
                bounds("l2_gas", rb.get("l2_gas")),
                tx.has("tip") ? RpcParams.felt("tip", tx.get("tip")) : BigInteger.ZERO,
                tx.has("paymaster_data") ? RpcParams.felts("paymaster_data", tx.get("paymaster_data")) : List.of(),
                tx.has("account_deployment_data")
                        ? RpcParams.felts("account_deployment_data", tx.get("account_deployment_data")) : List.of(),
                daMode("nonce_data_availability_mode", tx.get("nonce_data_availability_mode")),
                daMode("fee_data_availability_mode", tx.get("fee_data_availability_mode")));
    }

    private static InvokeTransaction.Bounds bounds(String name, JsonNode node) throws RpcError {
        if (node == null || !node.isObject()) {
            throw RpcError.invalidParams("resource_bounds." + name + " must be {max_amount, max_price_per_unit}");
        }
        return new InvokeTransaction.Bounds(RpcParams.felt(name + ".max_amount", node.get("max_amount")),
                RpcParams.felt(name + ".max_price_per_unit", node.get("max_price_per_unit")));
    }

    private static DAMode daMode(String name, JsonNode node) throws RpcError {
        if (node == null) {
            return DAMode.L1;
        }
        switch (node.asText()) {
            case "L1": return DAMode.L1;
            case "L2": return DAMode.L2;
            default: throw RpcError.invalidParams(name + " must be L1 or L2, got " + node);
        }
    }
}
