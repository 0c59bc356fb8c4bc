package io.smainer.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.smainer.protocol.ProtocolException;
import io.smainer.protocol.ProtocolException.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One pass over a Jackson tree writing what CPython's C encoder writes for
 * {@code json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True)}. Not thread-safe;
 * one instance per document.
 */
final class CanonicalJsonWriter {
    /** Deepest nesting written; matches Jackson's default read limit so every parsed tree fits. */
    static final int MAX_DEPTH = 1000;
    /** CPython 3.11+ refuses to print (or parse) an int with more digits ({@code sys.int_info.default_max_str_digits}). */
    static final int MAX_INT_DIGITS = 4300;

    /** Python's {@code sorted()} on str compares code points, not UTF-16 units. */
    static final Comparator<String> CODE_POINT_ORDER = CanonicalJsonWriter::compareCodePoints;

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final Comparator<Map.Entry<String, JsonNode>> BY_KEY =
            Map.Entry.comparingByKey(CODE_POINT_ORDER);

    private final StringBuilder out;
    /** Keys and indexes from the root to the node being written, for error locations. */
    private final List<Object> path = new ArrayList<>();

    CanonicalJsonWriter(StringBuilder out) {
        this.out = out;
    }

    void write(JsonNode node) {
        if (path.size() > MAX_DEPTH) {
            throw invalid("nesting deeper than " + MAX_DEPTH + " levels");
        }
        switch (node.getNodeType()) {
            case OBJECT -> writeObject(node);
            case ARRAY -> writeArray(node);
            case STRING -> writeString(node.textValue());
            case NUMBER -> writeNumber(node);
            case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
            case NULL -> out.append("null");
            case BINARY, POJO, MISSING -> throw invalid(
                    "a " + node.getNodeType() + " node has no JSON text form; canonical JSON takes parsed JSON only");
            default -> throw invalid("unsupported node type " + node.getNodeType());
        }
    }

    private void writeObject(JsonNode node) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
        fields.sort(BY_KEY);
        out.append('{');
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String key = fields.get(i).getKey();
            writeString(key);
            out.append(':');
            path.add(key);
            write(fields.get(i).getValue());
            path.remove(path.size() - 1);
        }
        out.append('}');
    }

    private void writeArray(JsonNode node) {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            path.add(i);
            write(node.get(i));
            path.remove(path.size() - 1);
        }
        out.append(']');
    }

    private void writeNumber(JsonNode node) {
        if (node.isIntegralNumber()) {
            if (node.canConvertToLong()) {
                out.append(node.longValue());
                return;
            }
            String digits = node.bigIntegerValue().toString();
            if (digits.length() - (digits.charAt(0) == '-' ? 1 : 0) > MAX_INT_DIGITS) {
                throw invalid("integer with more than " + MAX_INT_DIGITS
                        + " digits (Python's json.dumps refuses to print it)");
            }
            out.append(digits);
            return;
        }
        // Python's json.loads reads every non-integer number as a double, so a BigDecimal or float
        // node is written as the double the same JSON text would have become.
        double value = node.isBigDecimal() ? Double.parseDouble(node.decimalValue().toString()) : node.doubleValue();
        if (!Double.isFinite(value)) {
            throw invalid("NaN or Infinity is not allowed in canonical JSON (PROTOCOL.md §2)");
        }
        PythonFloatRepr.append(out, value);
    }

    /** Escapes like CPython's {@code ascii_escape_unicode}: only {@code ' '..'~'} is written raw. */
    private void writeString(String s) {
        out.append('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= ' ' && c <= '~' && c != '"' && c != '\\') {
                out.append(c);
                continue;
            }
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                // Everything else, DEL (0x7f) and each half of a surrogate pair included, is a lowercase u-escape.
                default -> out.append("\\u")
                        .append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                        .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
            }
        }
        out.append('"');
    }

    /**
     * Code point order. An unpaired surrogate compares as its own value, as it does in a Python str
     * (where {@code json.loads} leaves it unpaired too).
     */
    static int compareCodePoints(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca == cb) {
                continue;
            }
            if (!Character.isSurrogate(ca) && !Character.isSurrogate(cb)) {
                return Character.compare(ca, cb);
            }
            // A shared high surrogate just before belongs to this code point if either side pairs it.
            boolean pairedBefore = i > 0 && Character.isHighSurrogate(a.charAt(i - 1))
                    && (Character.isLowSurrogate(ca) || Character.isLowSurrogate(cb));
            int start = pairedBefore ? i - 1 : i;
            return Integer.compare(a.codePointAt(start), b.codePointAt(start));
        }
        return Integer.compare(a.length(), b.length());
    }

    private ProtocolException invalid(String message) {
        return new ProtocolException(Kind.INVALID_FIELD, message, path, null);
    }
}
