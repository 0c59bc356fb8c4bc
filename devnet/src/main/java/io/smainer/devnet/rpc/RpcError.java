package io.smainer.devnet.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A JSON-RPC error answer. Starknet codes and messages are those of the RPC 0.10 specification
 * (starknet_api_openrpc.json / starknet_write_api.json); {@code data} adds the devnet's explanation.
 */
public final class RpcError extends Exception {
    private static final long serialVersionUID = 1L;

    private final int code;
    private final transient JsonNode data;

    public RpcError(int code, String message, JsonNode data) {
        super(message);
        this.code = code;
        this.data = data;
    }

    public int code() {
        return code;
    }

    public JsonNode data() {
        return data;
    }

    private static JsonNode text(String s) {
        return JsonNodeFactory.instance.textNode(s);
    }

    public static RpcError parseError(String detail) {
        return new RpcError(-32700, "Parse error", text(detail));
    }

    public static RpcError invalidRequest(String detail) {
        return new RpcError(-32600, "Invalid Request", text(detail));
    }

    public static RpcError methodNotFound(String method) {
        return new RpcError(-32601, "Method not found", text("the devnet does not implement '" + method
                + "'; see docs/devnet.md for the supported methods"));
    }

    public static RpcError invalidParams(String detail) {
        return new RpcError(-32602, "Invalid params", text(detail));
    }

    public static RpcError contractNotFound(String detail) {
        return new RpcError(20, "Contract not found", text(detail));
    }

    public static RpcError blockNotFound(String detail) {
        return new RpcError(24, "Block not found", text(detail));
    }

    public static RpcError txHashNotFound(String detail) {
        return new RpcError(29, "Transaction hash not found", text(detail));
    }

    public static RpcError pageSizeTooBig(String detail) {
        return new RpcError(31, "Requested page size is too big", text(detail));
    }

    public static RpcError invalidContinuationToken(String detail) {
        return new RpcError(33, "The supplied continuation token is invalid or unknown", text(detail));
    }

    /** 40 CONTRACT_ERROR: {@code data = {revert_error}}. */
    public static RpcError contractError(String revertError) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("revert_error", revertError);
        return new RpcError(40, "Contract error", data);
    }

    /** 41 TRANSACTION_EXECUTION_ERROR: {@code data = {transaction_index, execution_error}}. */
    public static RpcError transactionExecutionError(int index, String executionError) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("transaction_index", index);
        data.put("execution_error", executionError);
        return new RpcError(41, "Transaction execution error", data);
    }

    public static RpcError unexpected(String detail) {
        return new RpcError(63, "An unexpected error occurred", text(detail));
    }
}
