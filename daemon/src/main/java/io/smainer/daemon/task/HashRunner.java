package io.smainer.daemon.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smainer.protocol.wire.TaskErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * HASH: {@code {"task_type":"HASH","data":"..."}} → {@code {"algorithm":"sha256","hash":"<hex>",
 * "input_bytes":n}}, the SHA-256 of the UTF-8 bytes of {@code data}. Input is bounded by the payload
 * limit of the protocol.
 */
public final class HashRunner implements TaskRunner {
    public static final String KIND = "HASH";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public boolean accepts(JsonNode payload) {
        return KIND.equals(payload.path("task_type").asText(null));
    }

    @Override
    public TaskOutcome run(TaskContext context) throws TaskRunException {
        JsonNode data = context.payload().get("data");
        if (data == null || !data.isTextual()) {
            throw new TaskRunException(TaskErrorCode.INVALID_PAYLOAD, "HASH payload needs a string field 'data'");
        }
        byte[] bytes = data.asText().getBytes(StandardCharsets.UTF_8);
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("algorithm", "sha256");
        result.put("hash", sha256Hex(bytes));
        result.put("input_bytes", bytes.length);
        return new TaskOutcome(result, null);
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
