package io.smainer.devnet.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.smainer.protocol.stark.Felts;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** A method's params, by name (object) or by position (array, mapped through the spec's parameter order). */
public final class RpcParams {
    private final String method;
    private final JsonNode params;
    private final List<String> order;

    public RpcParams(String method, JsonNode params, List<String> order) {
        this.method = method;
        this.params = params;
        this.order = order;
    }

    public JsonNode optional(String name) {
        if (params == null || params.isNull()) {
            return null;
        }
        if (params.isObject()) {
            JsonNode v = params.get(name);
            return v == null || v.isNull() ? null : v;
        }
        int i = order.indexOf(name);
        return i >= 0 && i < params.size() && !params.get(i).isNull() ? params.get(i) : null;
    }

    public JsonNode required(String name) throws RpcError {
        JsonNode v = optional(name);
        if (v == null) {
            throw RpcError.invalidParams(method + ": missing parameter '" + name + "'");
        }
        return v;
    }

    public BigInteger felt(String name) throws RpcError {
        return felt(method + " " + name, required(name));
    }

    public static BigInteger felt(String what, JsonNode node) throws RpcError {
        if (node == null || !node.isTextual()) {
            throw RpcError.invalidParams(what + " must be a 0x-prefixed hex string, got " + node);
        }
        String text = node.asText();
        if (!text.startsWith("0x") && !text.startsWith("0X")) {
            throw RpcError.invalidParams(what + " '" + text + "' must be 0x-prefixed hex");
        }
        try {
            return Felts.parse(what, text);
        } catch (IllegalArgumentException e) {
            throw RpcError.invalidParams(e.getMessage());
        }
    }

    public static List<BigInteger> felts(String what, JsonNode node) throws RpcError {
        if (node == null || !node.isArray()) {
            throw RpcError.invalidParams(what + " must be an array of 0x-prefixed hex strings, got " + node);
        }
        List<BigInteger> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(felt(what + "[" + i + "]", node.get(i)));
        }
        return out;
    }
}
