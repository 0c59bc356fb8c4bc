package io.smainer.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;

/** Test access to vectors.json (PROTOCOL.md's acceptance vectors), copied from shared/spec. */
public final class Vectors {
    private static final JsonNode ROOT = load();

    private Vectors() {}

    public static JsonNode root() {
        return ROOT;
    }

    public static JsonNode get(String section) {
        JsonNode n = ROOT.get(section);
        if (n == null) {
            throw new IllegalStateException("vectors.json has no section " + section);
        }
        return n;
    }

    /** Parses a vector's hex or decimal integer. */
    public static BigInteger big(JsonNode n) {
        String s = n.asText();
        return s.startsWith("0x") ? new BigInteger(s.substring(2), 16) : new BigInteger(s);
    }

    private static JsonNode load() {
        try (InputStream in = Vectors.class.getResourceAsStream("/io/smainer/protocol/vectors.json")) {
            if (in == null) {
                throw new IllegalStateException("vectors.json missing from test resources");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
