package io.smainer.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Writes a tree as JSON text that any correct reader turns back into exactly the same values, without
 * sharing code with {@link CanonicalJson}: doubles as their exact binary value in decimal (so no float
 * printing is trusted), every character outside printable ASCII as an upper-case
 * <code>&#92;uXXXX</code> escape, keys in insertion order. Used to hand documents to Python.
 */
final class ExactJsonText {
    private ExactJsonText() {}

    static String write(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            out.append('{');
            String separator = "";
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                out.append(separator);
                string(field.getKey(), out);
                out.append(": ");
                write(field.getValue(), out);
                separator = ", ";
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                write(node.get(i), out);
            }
            out.append(']');
        } else if (node.isTextual()) {
            string(node.textValue(), out);
        } else if (node.isIntegralNumber()) {
            out.append(node.bigIntegerValue());
        } else if (node.isDouble()) {
            exactDouble(node.doubleValue(), out);
        } else if (node.isBoolean() || node.isNull()) {
            out.append(node);
        } else {
            throw new IllegalArgumentException("unexpected node " + node.getNodeType());
        }
    }

    private static void exactDouble(double value, StringBuilder out) {
        if (value == 0) {
            out.append(Double.doubleToRawLongBits(value) < 0 ? "-0.0" : "0.0");
            return;
        }
        String exact = new BigDecimal(value).toString();
        out.append(exact);
        if (exact.indexOf('.') < 0 && exact.indexOf('E') < 0) {
            out.append(".0");
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                out.append(c);
            } else {
                out.append(String.format("\\u%04X", (int) c));
            }
        }
        out.append('"');
    }
}
