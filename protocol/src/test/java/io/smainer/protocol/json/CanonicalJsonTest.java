package io.smainer.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smainer.protocol.ProtocolException;
import io.smainer.protocol.ProtocolException.Kind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Examples of {@link CanonicalJson}; each expected string is what CPython 3.11 prints for
 * {@code json.dumps(json.loads(input), sort_keys=True, separators=(",", ":"), ensure_ascii=True)}.
 */
class CanonicalJsonTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static String canonical(String json) {
        return CanonicalJson.canonicalJson(CanonicalJson.parse(json));
    }

    @Test
    void everyControlCharacterIsEscapedLikePython() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            all.append(c);
        }
        String expected = "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r"
                + "\\u000e\\u000f\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001a"
                + "\\u001b\\u001c\\u001d\\u001e\\u001f\"";

        assertThat(CanonicalJson.canonicalJson(NODES.textNode(all.toString()))).isEqualTo(expected);
    }

    @Test
    void delAndEverythingAboveAsciiIsEscapedInLowercaseHex() {
        String text = "\u007f\u0080\u00ff\u0100\u2028\u2029\ufeff\uffff \"\\/";

        assertThat(CanonicalJson.canonicalJson(NODES.textNode(text)))
                .isEqualTo("\"\\u007f\\u0080\\u00ff\\u0100\\u2028\\u2029\\ufeff\\uffff \\\"\\\\/\"");
    }

    @Test
    void astralCharactersBecomeSurrogatePairEscapes() {
        assertThat(CanonicalJson.canonicalJson(NODES.textNode("h\u00e9llo \u2603 \uD83D\uDE00 \uDBFF\uDFFF")))
                .isEqualTo("\"h\\u00e9llo \\u2603 \\ud83d\\ude00 \\udbff\\udfff\"");
    }

    @Test
    void printableAsciiIsWrittenRaw() {
        StringBuilder printable = new StringBuilder();
        for (char c = ' '; c <= '~'; c++) {
            if (c != '"' && c != '\\') {
                printable.append(c);
            }
        }
        assertThat(CanonicalJson.canonicalJson(NODES.textNode(printable.toString())))
                .isEqualTo("\"" + printable + "\"");
    }

    @Test
    void keysSortByCodePointNotByUtf16Unit() {
        ObjectNode node = NODES.objectNode();
        node.put("\uffff", 1);
        node.put("\uD83D\uDE00", 2);
        node.put("\ue000", 3);
        node.put("\ud7ff", 4);
        node.put("z", 5);
        node.put("", 6);
        node.put("\uD800\uDC00", 7);

        assertThat(CanonicalJson.canonicalJson(node)).isEqualTo(
                "{\"\":6,\"z\":5,\"\\ud7ff\":4,\"\\ue000\":3,\"\\uffff\":1,\"\\ud800\\udc00\":7,\"\\ud83d\\ude00\":2}");
    }

    @Test
    void unpairedSurrogatesSortAsTheirOwnCodePoints() {
        ObjectNode node = NODES.objectNode();
        node.put("\ud800", 1);
        node.put("\ue000", 2);
        node.put("\ud83d\ude00", 3);
        node.put("\udc00", 4);
        node.put("\ud83d", 5);
        node.put("\ud83dx", 6);

        assertThat(CanonicalJson.canonicalJson(node)).isEqualTo(
                "{\"\\ud800\":1,\"\\ud83d\":5,\"\\ud83dx\":6,\"\\udc00\":4,\"\\ue000\":2,\"\\ud83d\\ude00\":3}");
    }

    @Test
    void unpairedSurrogatesInValuesParseAndPrintLikePython() {
        assertThat(canonical("[\"\\ud800\", \"\\udc00x\", \"\\udc00\\ud800\"]"))
                .isEqualTo("[\"\\ud800\",\"\\udc00x\",\"\\udc00\\ud800\"]");
    }

    /**
     * Known difference: json.loads accepts a key holding an unpaired surrogate escape; Jackson refuses
     * those in field names, so parse() reports malformed JSON (the relayer's frame parser, also
     * Jackson, refuses such a frame first).
     */
    @ParameterizedTest
    @ValueSource(strings = {"{\"\\ud800\":1}", "{\"\\udc00\":1}", "{\"\\ud83dx\":1}"})
    void unpairedSurrogatesInKeysAreNotParsed(String json) {
        assertThatThrownBy(() -> CanonicalJson.parse(json))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED_JSON));
    }

    @Test
    void nestedKeysAreSortedAndContainersCompact() {
        assertThat(canonical("{ \"b\" : [ 1 , { \"y\" : {}, \"x\" : [] } ], \"a\" : null, \"B\": true }"))
                .isEqualTo("{\"B\":true,\"a\":null,\"b\":[1,{\"x\":[],\"y\":{}}]}");
    }

    @Test
    void numbersKeepPythonsMeaning() {
        String json = "[1.0, 1e5, 1E5, -0, -0.0, 1.5e-7, 10000000000000000000000, -18446744073709551617, 1.0e+0, 0.1e1]";

        assertThat(canonical(json))
                .isEqualTo("[1.0,100000.0,100000.0,0,-0.0,1.5e-07,10000000000000000000000,-18446744073709551617,1.0,1.0]");
    }

    @Test
    void integersAreExactAtAnySizePythonPrints() {
        BigInteger big = BigInteger.TEN.pow(CanonicalJsonWriter.MAX_INT_DIGITS - 1).negate();
        ArrayNode node = NODES.arrayNode()
                .add(Long.MIN_VALUE).add(Long.MAX_VALUE)
                .add(BigInteger.TWO.pow(64).add(BigInteger.ONE))
                .add(big);

        assertThat(CanonicalJson.canonicalJson(node)).isEqualTo("[" + Long.MIN_VALUE + "," + Long.MAX_VALUE
                + ",18446744073709551617," + big + "]");
    }

    @Test
    void integersPythonRefusesToPrintAreRejectedWithTheirLocation() {
        ObjectNode node = NODES.objectNode();
        node.putArray("big").add(1).add(BigInteger.TEN.pow(CanonicalJsonWriter.MAX_INT_DIGITS));

        assertThatThrownBy(() -> CanonicalJson.canonicalJson(node))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INVALID_FIELD);
                    assertThat(e.location()).containsExactly("big", 1);
                })
                .hasMessageContaining("4300 digits");
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void nonFiniteFloatsAreRejectedWithTheirLocation(double value) {
        ObjectNode node = NODES.objectNode();
        node.putObject("resource_report").putArray("samples").add(1.5).add(value);

        assertThatThrownBy(() -> CanonicalJson.canonicalJson(node))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INVALID_FIELD);
                    assertThat(e.location()).containsExactly("resource_report", "samples", 1);
                })
                .hasMessageContaining("NaN or Infinity");
    }

    @Test
    void overflowingFloatTextParsesToInfinityLikePythonAndIsThenRefused() {
        JsonNode node = CanonicalJson.parse("{\"x\":1e400}");

        assertThat(node.get("x").doubleValue()).isInfinite();
        assertThatThrownBy(() -> CanonicalJson.canonicalJson(node)).isInstanceOf(ProtocolException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "[NaN]", "{\"a\":Infinity}"})
    void nonFiniteLiteralsAreNotParsed(String json) {
        assertThatThrownBy(() -> CanonicalJson.parse(json))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED_JSON));
    }

    @Test
    void repeatedKeysKeepTheLastValueLikePythonsDict() {
        assertThat(canonical("{\"a\":1,\"b\":0,\"a\":2}")).isEqualTo("{\"a\":2,\"b\":0}");
    }

    @Test
    void scalarsAtTheTopLevel() {
        assertThat(canonical("\"x\"")).isEqualTo("\"x\"");
        assertThat(canonical(" 7 ")).isEqualTo("7");
        assertThat(canonical("null")).isEqualTo("null");
        assertThat(canonical("false")).isEqualTo("false");
        assertThat(canonical("2.50")).isEqualTo("2.5");
    }

    @Test
    void floatAndDecimalNodesAreWrittenAsThePythonDoubleOfTheSameText() {
        ArrayNode node = NODES.arrayNode()
                .add(0.1f)
                .add(new BigDecimal("0.1"))
                .add(new BigDecimal("1E+2"))
                .add(new BigDecimal("3.000000000000000000000000000001"));

        assertThat(CanonicalJson.canonicalJson(node)).isEqualTo("[0.10000000149011612,0.1,100.0,3.0]");
    }

    @Test
    void nonJsonNodesAreRejected() {
        ArrayNode node = NODES.arrayNode().add(NODES.binaryNode(new byte[] {1, 2}));

        assertThatThrownBy(() -> CanonicalJson.canonicalJson(node))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.location()).containsExactly(0))
                .hasMessageContaining("BINARY");
        assertThatThrownBy(() -> CanonicalJson.canonicalJson(NODES.pojoNode(new Object())))
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> CanonicalJson.canonicalJson(NODES.missingNode()))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void nestingBeyondTheLimitIsRejected() {
        ArrayNode root = NODES.arrayNode();
        ArrayNode inner = root;
        for (int i = 0; i < CanonicalJsonWriter.MAX_DEPTH + 1; i++) {
            inner = inner.addArray();
        }
        assertThatThrownBy(() -> CanonicalJson.canonicalJson(root))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_FIELD))
                .hasMessageContaining("nesting");
    }

    @Test
    void nestingAtTheLimitIsWritten() {
        String deep = "[".repeat(CanonicalJsonWriter.MAX_DEPTH) + "]".repeat(CanonicalJsonWriter.MAX_DEPTH);

        assertThat(canonical(deep)).isEqualTo(deep);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{", "{\"a\":1} x", "{\"a\":1}{}", "[1,]", "{'a':1}", "01", "\"\u0001\"",
        "{\"a\" 1}", "// c\n1"})
    void malformedTextIsRejectedWithoutEchoingIt(String json) {
        assertThatThrownBy(() -> CanonicalJson.parse(json))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.MALFORMED_JSON);
                    assertThat(e.getMessage()).startsWith("malformed JSON");
                    assertThat(e.getMessage()).doesNotContain("'a'").doesNotContain("\"a\"");
                });
    }

    @Test
    void secretLookingPayloadNeverAppearsInParseErrors() {
        String payload = "{\"api_key\":\"sk-live-0123456789\", oops}";

        assertThatThrownBy(() -> CanonicalJson.parse(payload))
                .isInstanceOf(ProtocolException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("sk-live").doesNotContain("oops"));
    }

    @Test
    void numbersLongerThanPythonsIntLimitAreTooLarge() {
        String ok = "9".repeat(CanonicalJson.MAX_NUMBER_CHARS);
        String tooLong = "9".repeat(CanonicalJson.MAX_NUMBER_CHARS + 1);

        assertThat(canonical(ok)).isEqualTo(ok);
        assertThat(canonical("-" + ok)).isEqualTo("-" + ok);
        assertThatThrownBy(() -> CanonicalJson.parse(tooLong))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TOO_LARGE));
    }

    @Test
    void bytesAreParsedAsUtf8AndCanonicalBytesAreAscii() {
        byte[] utf8 = "{\"caf\u00e9\":\"\uD83D\uDE00\"}".getBytes(StandardCharsets.UTF_8);

        byte[] canonical = CanonicalJson.canonicalBytes(CanonicalJson.parse(utf8));

        assertThat(new String(canonical, StandardCharsets.US_ASCII)).isEqualTo("{\"caf\\u00e9\":\"\\ud83d\\ude00\"}");
        for (byte b : canonical) {
            assertThat(b).isBetween((byte) 0x20, (byte) 0x7e);
        }
    }

    @Test
    void invalidUtf8IsMalformed() {
        byte[] invalid = {'"', (byte) 0xff, (byte) 0xfe, '"'};

        assertThatThrownBy(() -> CanonicalJson.parse(invalid))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED_JSON));
    }

    /** The order CPython's sorted() gives these strings after json.loads (which pairs surrogate escapes). */
    @Test
    void codePointOrderHandlesPrefixesPairsAndUnpairedSurrogates() {
        List<String> sorted = List.of("", "a", "ab", "\ud7ff", "\ud800", "\ud800\ud800", "\ud83d", "\ud83dx",
                "\ud83d\u0100", "\ud83d\ud83d", "\ud83d\ud83d\u00ff", "\ud83d\ud83d\ude00", "\udc00",
                "\udc00\ud83d\ude00", "\ue000", "\uffff", "\uD800\uDC00", "\ud83d\udc00", "\uD83D\uDE00",
                "\uD83D\uDE00a", "\ud83d\ude00\ud83d", "\ud83d\ude00\udc00", "\uDBFF\uDFFF");
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = 0; j < sorted.size(); j++) {
                assertThat(Integer.signum(CanonicalJsonWriter.compareCodePoints(sorted.get(i), sorted.get(j))))
                        .as("%s vs %s", i, j)
                        .isEqualTo(Integer.signum(Integer.compare(i, j)));
            }
        }
    }
}
