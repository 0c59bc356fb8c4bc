package io.smainer.protocol.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smainer.protocol.FieldViolation;
import io.smainer.protocol.Limits;
import io.smainer.protocol.ProtocolException;
import io.smainer.protocol.ProtocolException.Kind;
import io.smainer.protocol.wire.EventType;
import io.smainer.protocol.wire.WsMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The one JSON mapping of the protocol: snake_case names, unknown fields ignored, {@code event_type}
 * discriminator, integers as {@link BigInteger} (JSON number or decimal string, never a float), and
 * every size limit of {@link Limits} enforced before a record is built. Thread-safe; build one per app.
 */
public final class ProtocolJson {
    private final ObjectMapper mapper;

    public ProtocolJson() {
        SimpleModule integers = new SimpleModule("smainer-integers");
        integers.addDeserializer(BigInteger.class, new WeiAmountDeserializer());
        JsonMapper m = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .addModule(integers)
                .build();
        m.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(256)
                .maxStringLength(Limits.MAX_FRAME_BYTES)
                .maxNumberLength(100)
                .build());
        this.mapper = m;
    }

    /** The configured mapper, for callers that need trees (payloads, results). */
    public ObjectMapper mapper() {
        return mapper;
    }

    // ---- WebSocket frames (PROTOCOL.md §2) ----

    public WsMessage readFrame(String text) {
        return readFrame(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Parses one text frame. Unknown {@code event_type} → {@link Kind#UNKNOWN_EVENT_TYPE} carrying it;
     * invalid fields → {@link Kind#INVALID_FIELD} with the field path; over {@link Limits#MAX_FRAME_BYTES}
     * → {@link Kind#TOO_LARGE}.
     */
    public WsMessage readFrame(byte[] utf8) {
        if (utf8.length > Limits.MAX_FRAME_BYTES) {
            throw new ProtocolException(Kind.TOO_LARGE, "frame of " + utf8.length + " bytes exceeds the limit of "
                    + Limits.MAX_FRAME_BYTES + " bytes");
        }
        JsonNode tree = readTree(utf8);
        if (!tree.isObject()) {
            throw new ProtocolException(Kind.MALFORMED_JSON, "a frame must be a JSON object");
        }
        JsonNode type = tree.get("event_type");
        if (type == null || !type.isTextual()) {
            throw new ProtocolException(Kind.MISSING_FIELD, "event_type: field required", List.of("event_type"), null);
        }
        EventType eventType = EventType.fromWire(type.asText())
                .orElseThrow(() -> ProtocolException.unknownEventType(type.asText()));
        return convert(tree, eventType.type(), List.of());
    }

    /** Serializes a frame with {@code event_type} first. */
    public String writeFrame(WsMessage message) {
        ObjectNode out = mapper.createObjectNode();
        out.put("event_type", EventType.of(message).wireName());
        out.setAll((ObjectNode) mapper.valueToTree(message));
        try {
            return mapper.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + EventType.of(message).wireName(), e);
        }
    }

    // ---- REST bodies (PROTOCOL.md §1) ----

    /**
     * Parses a request body of at most {@link Limits#MAX_REQUEST_BODY_BYTES}; locations start with
     * {@code "body"} as FastAPI's do.
     */
    public <T> T readBody(byte[] body, Class<T> type) {
        if (body.length > Limits.MAX_REQUEST_BODY_BYTES) {
            throw new ProtocolException(Kind.TOO_LARGE, "request body of " + body.length
                    + " bytes exceeds the limit of " + Limits.MAX_REQUEST_BODY_BYTES + " bytes");
        }
        JsonNode tree = readTree(body);
        if (!tree.isObject()) {
            throw new ProtocolException(Kind.INVALID_FIELD, "body: must be a JSON object", List.of("body"), null);
        }
        return convert(tree, type, List.of("body"));
    }

    /** Reads any JSON value (a response body, a stored record) into {@code type}. */
    public <T> T read(byte[] json, Class<T> type) {
        return convert(readTree(json), type, List.of());
    }

    public byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    public String writeString(Object value) {
        return new String(write(value), StandardCharsets.UTF_8);
    }

    public JsonNode toTree(Object value) {
        return mapper.valueToTree(value);
    }

    public JsonNode readTree(byte[] utf8) {
        try {
            JsonNode tree = mapper.readTree(utf8);
            if (tree == null || tree.isMissingNode()) {
                throw new ProtocolException(Kind.MALFORMED_JSON, "empty JSON document");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new ProtocolException(Kind.MALFORMED_JSON, "invalid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public <T> T convert(JsonNode tree, Class<T> type, List<Object> prefix) {
        try (JsonParser parser = mapper.treeAsTokens(tree)) {
            return mapper.readValue(parser, type);
        } catch (ValueInstantiationException e) {
            List<Object> loc = path(prefix, e);
            if (e.getCause() instanceof FieldViolation v) {
                loc.add(v.field());
                return fail(v.isMissing() ? Kind.MISSING_FIELD : Kind.INVALID_FIELD, v.getMessage(), loc);
            }
            String why = e.getCause() == null ? e.getOriginalMessage() : e.getCause().getMessage();
            return fail(Kind.INVALID_FIELD, String.valueOf(why), loc);
        } catch (MismatchedInputException e) {
            List<Object> loc = path(prefix, e);
            return fail(Kind.INVALID_FIELD, String.join(".", loc.stream().map(String::valueOf).toList())
                    + ": " + firstLine(e.getOriginalMessage()), loc);
        } catch (JsonProcessingException e) {
            return fail(Kind.MALFORMED_JSON, firstLine(e.getOriginalMessage()), path(prefix, e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T fail(Kind kind, String message, List<Object> loc) {
        throw new ProtocolException(kind, message, loc, null);
    }

    private static List<Object> path(List<Object> prefix, JsonMappingException e) {
        List<Object> loc = new ArrayList<>(prefix);
        for (JsonMappingException.Reference r : e.getPath()) {
            loc.add(r.getFieldName() != null ? r.getFieldName() : (Object) r.getIndex());
        }
        return loc;
    }

    private static List<Object> path(List<Object> prefix, JsonProcessingException e) {
        return e instanceof JsonMappingException m ? path(prefix, m) : new ArrayList<>(prefix);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid value";
        }
        int nl = s.indexOf('\n');
        return Limits.clip(nl < 0 ? s : s.substring(0, nl), 300);
    }
}
