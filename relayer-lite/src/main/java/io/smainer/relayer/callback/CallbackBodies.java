package io.smainer.relayer.callback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smainer.protocol.api.CallbackPayload;
import io.smainer.protocol.api.StreamCallback;
import io.smainer.protocol.json.CanonicalJson;
import java.math.BigInteger;

/**
 * Callback bodies as the bytes that are signed and sent: {@code canonical_json(payload)}
 * (PROTOCOL.md §3). {@code meta} is the {@code chat_id}/{@code message_id}/{@code model} object copied
 * from the payload at submission.
 */
public final class CallbackBodies {
    private final ObjectMapper mapper;

    public CallbackBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public byte[] assigned(String taskId, JsonNode meta, BigInteger onChainTaskId) {
        return body(new CallbackPayload(taskId, "assigned", null, null, null, field(meta, "chat_id"),
                field(meta, "message_id"), onChainTaskId, text(meta, "model")));
    }

    public byte[] finalBody(String taskId, String status, JsonNode result, String error, Double executionTime,
                            JsonNode meta, BigInteger onChainTaskId) {
        return body(new CallbackPayload(taskId, status, result, error, executionTime, field(meta, "chat_id"),
                field(meta, "message_id"), onChainTaskId, text(meta, "model")));
    }

    public byte[] stream(String taskId, String chunk, boolean done) {
        return CanonicalJson.canonicalBytes(mapper.valueToTree(new StreamCallback(taskId, chunk, done)));
    }

    private byte[] body(CallbackPayload payload) {
        return CanonicalJson.canonicalBytes(mapper.valueToTree(payload));
    }

    private static JsonNode field(JsonNode meta, String name) {
        return meta == null ? null : meta.get(name);
    }

    private static String text(JsonNode meta, String name) {
        JsonNode n = field(meta, name);
        return n == null || !n.isTextual() ? null : n.asText();
    }
}
