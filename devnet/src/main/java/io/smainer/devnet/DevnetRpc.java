package io.smainer.devnet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smainer.devnet.rpc.RpcError;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The devnet's JSON-RPC 2.0 endpoint, independent of any transport: {@link #handle(byte[])} takes a
 * request body (single or batch) and returns the response body (empty for notifications only).
 * Mount it on HTTP POST (relayer-lite serves it at {@code /rpc}).
 */
public final class DevnetRpc {
    private static final Logger LOG = LoggerFactory.getLogger(DevnetRpc.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] EMPTY = new byte[0];

    private final StarknetMethods methods;

    DevnetRpc(Devnet devnet) {
        this.methods = new StarknetMethods(devnet);
    }

    public byte[] handle(byte[] requestJson) {
        JsonNode request;
        try {
            request = JSON.readTree(requestJson);
        } catch (IOException e) {
            return write(error(null, RpcError.parseError("request body is not JSON: " + e.getMessage())));
        }
        if (request == null) {
            return write(error(null, RpcError.invalidRequest("empty request body")));
        }
        if (request.isArray()) {
            if (request.isEmpty()) {
                return write(error(null, RpcError.invalidRequest("empty batch")));
            }
            ArrayNode out = JSON.createArrayNode();
            for (JsonNode r : request) {
                ObjectNode response = handleOne(r);
                if (response != null) {
                    out.add(response);
                }
            }
            return out.isEmpty() ? EMPTY : write(out);
        }
        ObjectNode response = handleOne(request);
        return response == null ? EMPTY : write(response);
    }

    private ObjectNode handleOne(JsonNode request) {
        if (!request.isObject() || !request.path("method").isTextual()) {
            return error(request.isObject() ? request.get("id") : null,
                    RpcError.invalidRequest("a request is an object with \"jsonrpc\":\"2.0\", \"method\" and \"id\""));
        }
        JsonNode id = request.get("id");
        String method = request.get("method").asText();
        long started = System.nanoTime();
        try {
            JsonNode result = methods.dispatch(method, request.get("params"));
            LOG.debug("rpc {} ok in {} µs", method, (System.nanoTime() - started) / 1000);
            if (id == null) {
                return null;
            }
            ObjectNode response = JSON.createObjectNode();
            response.put("jsonrpc", "2.0");
            response.set("id", id);
            response.set("result", result);
            return response;
        } catch (RpcError e) {
            LOG.debug("rpc {} error {} in {} µs", method, e.code(), (System.nanoTime() - started) / 1000);
            return id == null ? null : error(id, e);
        } catch (RuntimeException e) {
            LOG.error("rpc {} failed unexpectedly", method, e);
            return id == null ? null : error(id, RpcError.unexpected(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    private static ObjectNode error(JsonNode id, RpcError e) {
        ObjectNode response = JSON.createObjectNode();
        response.put("jsonrpc", "2.0");
        response.set("id", id);
        ObjectNode err = response.putObject("error");
        err.put("code", e.code());
        err.put("message", e.getMessage());
        if (e.data() != null) {
            err.set("data", e.data());
        }
        return response;
    }

    private static byte[] write(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a JSON tree", e);
        }
    }
}
