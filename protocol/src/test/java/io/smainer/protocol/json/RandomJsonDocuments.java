package io.smainer.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.Random;

/**
 * Seeded random JSON trees for the Python differential test, drawn independently of the jqwik
 * generators so the two suites do not share blind spots.
 */
final class RandomJsonDocuments {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] KEY_PIECES = {"a", "b", "B", "z", "_", "0", "\u00e9", "\u00ff", "\u0100",
        "\ud7ff", "\ue000", "\uffff", "\uD800\uDC00", "\uD83D\uDE00", "\uDBFF\uDFFF", "\ud83d", "\udc00",
        "\u0000", "\u001f", "\u007f", "\"", "\\", " "};

    private final Random random;

    RandomJsonDocuments(Random random) {
        this.random = random;
    }

    JsonNode document() {
        return random.nextInt(4) == 0 ? scalar() : container(1 + random.nextInt(4));
    }

    private JsonNode value(int depthLeft) {
        return depthLeft > 0 && random.nextInt(3) == 0 ? container(depthLeft) : scalar();
    }

    private JsonNode container(int depthLeft) {
        int size = random.nextInt(7);
        if (random.nextBoolean()) {
            ArrayNode array = NODES.arrayNode();
            for (int i = 0; i < size; i++) {
                array.add(value(depthLeft - 1));
            }
            return array;
        }
        ObjectNode object = NODES.objectNode();
        for (int i = 0; i < size; i++) {
            object.set(key(), value(depthLeft - 1));
        }
        return object;
    }

    private String key() {
        if (random.nextInt(4) == 0) {
            // Jackson refuses keys with unpaired surrogates (Python does not), so keep them rare.
            return string(random.nextInt(8) == 0);
        }
        StringBuilder key = new StringBuilder();
        int pieces = random.nextInt(4);
        for (int i = 0; i < pieces; i++) {
            key.append(KEY_PIECES[random.nextInt(KEY_PIECES.length)]);
        }
        return key.toString();
    }

    private JsonNode scalar() {
        return switch (random.nextInt(10)) {
            case 0, 1, 2 -> NODES.textNode(string(true));
            case 3, 4 -> JsonTreeArbitraries.integerNode(integer());
            case 5, 6, 7, 8 -> NODES.numberNode(finiteDouble());
            default -> random.nextBoolean() ? NODES.nullNode() : NODES.booleanNode(random.nextBoolean());
        };
    }

    String string(boolean unpairedSurrogates) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(16);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            int codePoint = switch (kind) {
                case 0 -> random.nextInt(0x20);
                case 1 -> 0x7f;
                case 2 -> 0x80 + random.nextInt(0x10000 - 0x80);
                case 3 -> unpairedSurrogates ? 0xd800 + random.nextInt(0x800) : 0x4e00 + random.nextInt(0x100);
                case 4, 5 -> 0x10000 + random.nextInt(0x110000 - 0x10000);
                default -> 0x20 + random.nextInt(0x7f - 0x20);
            };
            s.appendCodePoint(codePoint);
        }
        return s.toString();
    }

    BigInteger integer() {
        return switch (random.nextInt(5)) {
            case 0 -> BigInteger.valueOf(random.nextInt(2001) - 1000);
            case 1 -> BigInteger.valueOf(random.nextInt());
            case 2 -> BigInteger.valueOf(random.nextLong());
            case 3 -> new BigInteger(64 + random.nextInt(200), random).multiply(BigInteger.valueOf(random.nextBoolean() ? 1 : -1));
            default -> BigInteger.TWO.pow(random.nextInt(130)).add(BigInteger.valueOf(random.nextInt(3) - 1))
                    .multiply(BigInteger.valueOf(random.nextBoolean() ? 1 : -1));
        };
    }

    double finiteDouble() {
        while (true) {
            double d = switch (random.nextInt(7)) {
                case 0, 1 -> Double.longBitsToDouble(random.nextLong());
                case 2 -> Double.longBitsToDouble(random.nextLong() & ((1L << 52) - 1) | (random.nextBoolean() ? Long.MIN_VALUE : 0));
                case 3 -> (random.nextInt(2_000_001) - 1_000_000) / Math.pow(10, random.nextInt(12));
                case 4 -> (random.nextInt(2_000_001) - 1_000_000) * Math.pow(10, random.nextInt(60) - 30);
                case 5 -> Math.pow(10, random.nextInt(50) - 25) * (random.nextBoolean() ? 1 : Math.nextUp(1.0));
                default -> random.nextDouble() * Math.pow(2, random.nextInt(2000) - 1000);
            };
            if (Double.isFinite(d)) {
                return d;
            }
        }
    }
}
