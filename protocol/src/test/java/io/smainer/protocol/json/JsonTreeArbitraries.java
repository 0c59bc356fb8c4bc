package io.smainer.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * jqwik generators for JSON trees shaped like {@link CanonicalJson#parse} output: integers in the
 * narrowest node Jackson reads them into, floats as doubles, strings with control, non-ASCII, astral
 * and unpaired-surrogate characters, keys from a small alphabet so that sorting sees shared prefixes.
 */
final class JsonTreeArbitraries {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final BigInteger HUGE = BigInteger.TEN.pow(60);

    private JsonTreeArbitraries() {}

    static Arbitrary<JsonNode> documents() {
        return Arbitraries.recursive(JsonTreeArbitraries::scalars, JsonTreeArbitraries::containers, 0, 4);
    }

    static Arbitrary<JsonNode> containers(Arbitrary<JsonNode> inner) {
        Arbitrary<JsonNode> arrays = inner.list().ofMaxSize(5).map(JsonTreeArbitraries::arrayOf);
        Arbitrary<JsonNode> objects = Arbitraries.maps(keys(), inner).ofMaxSize(5).map(JsonTreeArbitraries::objectOf);
        return Arbitraries.oneOf(arrays, objects);
    }

    @SuppressWarnings("unchecked")
    static Arbitrary<JsonNode> scalars() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, strings().map(NODES::textNode)),
                Tuple.of(3, integers().map(JsonTreeArbitraries::integerNode)),
                Tuple.of(4, doubles().map(NODES::numberNode)),
                Tuple.of(1, Arbitraries.of(true, false).map(NODES::booleanNode)),
                Tuple.of(1, Arbitraries.just(NODES.nullNode())));
    }

    /** Code points from every class the escaper and the sorter treat differently. */
    static Arbitrary<String> strings() {
        return codePointStrings(true);
    }

    /**
     * Keys: shared-prefix combinations plus random strings, never with an unpaired surrogate, because
     * Jackson (unlike Python) refuses those in field names; {@code CanonicalJsonTest} covers them on
     * trees built directly.
     */
    static Arbitrary<String> keys() {
        Arbitrary<String> letters = Arbitraries.of("a", "b", "B", "\u00e9", "\ud7ff", "\ue000", "\uffff",
                "\uD800\uDC00", "\uD83D\uDE00", "\uDBFF\uDFFF", "\u0000", "\u007f", "\"", "\\");
        return Arbitraries.oneOf(letters.list().ofMaxSize(3).map(l -> String.join("", l)), codePointStrings(false));
    }

    private static Arbitrary<String> codePointStrings(boolean unpairedSurrogates) {
        List<Tuple.Tuple2<Integer, Arbitrary<Integer>>> classes = new ArrayList<>(List.of(
                Tuple.of(6, Arbitraries.integers().between(0x20, 0x7e)),
                Tuple.of(2, Arbitraries.integers().between(0, 0x1f)),
                Tuple.of(1, Arbitraries.just(0x7f)),
                Tuple.of(2, Arbitraries.integers().between(0x80, 0xffff)
                        .filter(c -> unpairedSurrogates || !Character.isSurrogate((char) (int) c))),
                Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10ffff))));
        if (unpairedSurrogates) {
            classes.add(Tuple.of(1, Arbitraries.integers().between(0xd800, 0xdfff)));
        }
        return Arbitraries.frequencyOf(classes).list().ofMaxSize(12).map(JsonTreeArbitraries::fromCodePoints);
    }

    /** Every finite double is reachable: raw bit patterns, subnormals, short decimals, edges. */
    @SuppressWarnings("unchecked")
    static Arbitrary<Double> doubles() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite)),
                Tuple.of(1, Arbitraries.longs().between(0, (1L << 52) - 1).map(Double::longBitsToDouble)),
                Tuple.of(2, Arbitraries.longs().between(-999_999, 999_999)
                        .flatMap(n -> Arbitraries.integers().between(-25, 25).map(e -> n * Math.pow(10, e)))),
                Tuple.of(1, Arbitraries.longs().between(-(1L << 53), 1L << 53).map(n -> (double) n)),
                Tuple.of(1, Arbitraries.of(-0.0, 0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE,
                        Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL), 1e16, Math.nextDown(1e16), 1e-5,
                        Math.nextDown(1e-4), 1e-4, 0.1 + 0.2, 1e22, 1e23, 9007199254740993.0, 1125899906842624.25)));
    }

    @SuppressWarnings("unchecked")
    static Arbitrary<BigInteger> integers() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().map(BigInteger::valueOf)),
                Tuple.of(2, Arbitraries.longs().map(BigInteger::valueOf)),
                Tuple.of(2, Arbitraries.bigIntegers().between(HUGE.negate(), HUGE)),
                Tuple.of(1, Arbitraries.of(BigInteger.TWO.pow(64), BigInteger.TWO.pow(64).negate(),
                        BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE),
                        BigInteger.valueOf(Long.MIN_VALUE).subtract(BigInteger.ONE))));
    }

    /** The node type Jackson's parser would produce for this integer. */
    static JsonNode integerNode(BigInteger value) {
        if (value.bitLength() < 32) {
            return NODES.numberNode(value.intValue());
        }
        if (value.bitLength() < 64) {
            return NODES.numberNode(value.longValue());
        }
        return NODES.numberNode(value);
    }

    static String fromCodePoints(List<Integer> codePoints) {
        StringBuilder sb = new StringBuilder();
        codePoints.forEach(sb::appendCodePoint);
        return sb.toString();
    }

    private static JsonNode arrayOf(List<JsonNode> elements) {
        ArrayNode array = NODES.arrayNode();
        elements.forEach(array::add);
        return array;
    }

    private static JsonNode objectOf(Map<String, JsonNode> fields) {
        ObjectNode object = NODES.objectNode();
        fields.forEach(object::set);
        return object;
    }
}
