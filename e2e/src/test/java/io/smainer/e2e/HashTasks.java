package io.smainer.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smainer.protocol.json.CanonicalJson;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code n} HASH tasks ({@code {"task_type":"HASH","data":"<prefix><i>"}}) and what a correct result of one of them
 * is: the daemon's HASH runner answers {@code {"algorithm":"sha256","hash":<hex of sha256(utf8 data)>,"input_bytes"}}.
 * Every {@code invalidEvery}-th task carries a number as {@code data}, which the daemon refuses ({@code INVALID_PAYLOAD},
 * not retried): a task that must fail, and must not be paid.
 */
final class HashTasks {
    private final List<ObjectNode> payloads = new ArrayList<>();
    private final List<String> sha256Hex = new ArrayList<>();

    private final int invalidEvery;

    HashTasks(int n, String prefix, int invalidEvery) {
        this.invalidEvery = invalidEvery;
        for (int i = 0; i < n; i++) {
            String data = prefix + i;
            ObjectNode payload = RelayerLite.JSON.createObjectNode().put("task_type", "HASH");
            payloads.add(valid(i) ? payload.put("data", data) : payload.put("data", i));
            byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
            sha256Hex.add(sha256Hex(bytes));
        }
    }

    /** Whether task {@code i} has a payload the daemon can run. */
    boolean valid(int i) {
        return i % invalidEvery != invalidEvery - 1;
    }

    /** Payload {@code i}, a fresh copy (callers add callback URLs). */
    ObjectNode payload(int i) {
        return payloads.get(i).deepCopy();
    }

    /** The escrows' {@code task_hash} of every payload, in order (PROTOCOL.md §2 hashing, without callback URLs). */
    List<BigInteger> taskHashes() {
        return payloads.stream().map(CanonicalJson::sha256ModP).toList();
    }

    /** Null when {@code result} is the correct result of task {@code i}, else why not. */
    String wrongResult(int i, JsonNode result) {
        if (!valid(i)) {
            return "task " + i + " has an invalid payload: there is no correct result";
        }
        String data = payloads.get(i).get("data").asText();
        boolean right = "sha256".equals(result.path("algorithm").asText()) && sha256Hex.get(i).equals(result.path("hash").asText())
                && result.path("input_bytes").asInt() == data.getBytes(StandardCharsets.UTF_8).length;
        return right ? null : "not the HASH of '" + data + "': " + result;
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
