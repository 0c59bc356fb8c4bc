package io.smainer.protocol.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.smainer.protocol.ProtocolException;
import io.smainer.protocol.ProtocolException.Kind;
import io.smainer.protocol.stark.Felts;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * {@code canonical_json} of PROTOCOL.md §2: byte-identical to CPython's
 * {@code json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True)}, the bytes that
 * {@code result_hash} and callback signatures cover. Keys sort by code point; only printable ASCII is
 * written raw, so DEL (0x7f) and everything above becomes a lowercase <code>&#92;uXXXX</code> escape
 * (astral characters a surrogate pair of them); floats print as Python {@code repr}
 * ({@link PythonFloatRepr}); integers print exactly.
 *
 * <p>Where Python would not produce a canonical form we refuse with {@link ProtocolException}
 * ({@link Kind#INVALID_FIELD}, located at the offending value): NaN and ±Infinity (Python would print
 * the non-JSON {@code NaN}/{@code Infinity}; PROTOCOL.md rejects them), integers of more than 4,300
 * digits (CPython 3.11+ refuses to print them), and nesting deeper than 1,000 levels (Python's own
 * recursion limit is about the same).
 *
 * <p>{@link #parse} reads JSON text the way {@code json.loads} does, so that a parsed tree canonicalises
 * to what Python would print for the same text: integers stay exact ({@code int}/{@code long}/
 * {@link BigInteger} nodes), every number with a fraction or exponent becomes the correctly rounded
 * double, and when a key repeats the last value wins. It is stricter than {@code json.loads} in four
 * places: the literals {@code NaN}/{@code Infinity} are rejected; a number longer than 4,300 characters
 * is rejected ({@link Kind#TOO_LARGE}; Python accepts such a float); nesting is limited to 1,000; and a
 * key holding an unpaired surrogate escape is rejected, because Jackson refuses those in field names
 * (unpaired surrogates in string values are read and printed as Python does). Text such as
 * {@code 1e400} parses to Infinity, as in Python, and is then refused by {@link #canonicalJson}.
 *
 * <p>Stateless and thread-safe; the one shared reader is configured once and never changed.
 */
public final class CanonicalJson {
    /** Longest number text accepted by {@link #parse}: CPython's {@code int} digit limit. */
    static final int MAX_NUMBER_CHARS = CanonicalJsonWriter.MAX_INT_DIGITS;

    private static final ObjectMapper READER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNumberLength(MAX_NUMBER_CHARS)
                            .maxNestingDepth(CanonicalJsonWriter.MAX_DEPTH)
                            .build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // Python's dict keeps the last value of a repeated key.
            .disable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private CanonicalJson() {}

    /** The canonical text; pure ASCII. */
    public static String canonicalJson(JsonNode node) {
        Objects.requireNonNull(node, "node");
        StringBuilder out = new StringBuilder(256);
        new CanonicalJsonWriter(out).write(node);
        return out.toString();
    }

    /** The canonical text as bytes (ASCII, hence also UTF-8): what is hashed, signed and sent. */
    public static byte[] canonicalBytes(JsonNode node) {
        return canonicalJson(node).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * {@code int(SHA-256(canonical_json(node))) mod P}: the {@code result_hash} of PROTOCOL.md §2 when
     * {@code node} is a task's {@code result_data}.
     */
    public static BigInteger sha256ModP(JsonNode node) {
        return Felts.sha256ModP(canonicalBytes(node));
    }

    /** Parses JSON text like {@code json.loads} (see the class comment for the differences). */
    public static JsonNode parse(String json) {
        Objects.requireNonNull(json, "json");
        try {
            return requireDocument(READER.readTree(json));
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    /** Parses UTF-8 (or UTF-16/32, detected like {@code json.loads} does for bytes) JSON text. */
    public static JsonNode parse(byte[] json) {
        Objects.requireNonNull(json, "json");
        try {
            return requireDocument(READER.readTree(json));
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    private static JsonNode requireDocument(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            throw new ProtocolException(Kind.MALFORMED_JSON, "malformed JSON: the document is empty");
        }
        return node;
    }

    /** Names the failure and where it happened; never echoes the input, which may be a payload. */
    private static ProtocolException malformed(IOException e) {
        if (hasCause(e, StreamConstraintsException.class)) {
            return new ProtocolException(Kind.TOO_LARGE, "JSON exceeds a parser limit (numbers of at most "
                    + MAX_NUMBER_CHARS + " characters, nesting of at most " + CanonicalJsonWriter.MAX_DEPTH
                    + " levels)");
        }
        String where = "";
        if (e instanceof JsonProcessingException jpe && jpe.getLocation() != null) {
            JsonLocation location = jpe.getLocation();
            where = " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        }
        return new ProtocolException(Kind.MALFORMED_JSON,
                "malformed JSON (" + e.getClass().getSimpleName() + ")" + where);
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
