package io.smainer.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of {@link CanonicalJson} and {@link PythonFloatRepr} over generated trees and doubles. */
class CanonicalJsonPropertyTest {
    private static final Pattern POSITIONAL = Pattern.compile("-?(0|[1-9][0-9]*)\\.(0|[0-9]*[1-9])");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(\\\\.|[^\"\\\\])*\"");
    private static final Pattern EXPONENT = Pattern.compile("-?[1-9](\\.[0-9]*[1-9])?e[+-][0-9]{2,3}");

    @Provide
    Arbitrary<JsonNode> documents() {
        return JsonTreeArbitraries.documents();
    }

    @Provide
    Arbitrary<Double> doubles() {
        return JsonTreeArbitraries.doubles();
    }

    @Property
    void canonicalTextParsesBackToAnEqualTree(@ForAll("documents") JsonNode tree) {
        assertThat(CanonicalJson.parse(CanonicalJson.canonicalJson(tree))).isEqualTo(tree);
    }

    @Property
    void canonicalisationIsIdempotent(@ForAll("documents") JsonNode tree) {
        String once = CanonicalJson.canonicalJson(tree);

        assertThat(CanonicalJson.canonicalJson(CanonicalJson.parse(once))).isEqualTo(once);
        assertThat(CanonicalJson.canonicalBytes(tree)).isEqualTo(once.getBytes(StandardCharsets.US_ASCII));
    }

    @Property
    void outputIsPrintableAsciiWithNoWhitespaceOutsideStrings(@ForAll("documents") JsonNode tree) {
        String canonical = CanonicalJson.canonicalJson(tree);

        assertThat(canonical.chars()).allMatch(c -> c >= 0x20 && c <= 0x7e);
        String withoutStrings = STRING_LITERAL.matcher(canonical).replaceAll("\"\"");
        assertThat(withoutStrings).doesNotContain(" ");
    }

    @Property
    void keysAreInStrictCodePointOrderAtEveryLevel(@ForAll("documents") JsonNode tree) throws IOException {
        String canonical = CanonicalJson.canonicalJson(tree);
        Deque<List<String>> openObjects = new ArrayDeque<>();
        try (JsonParser parser = new ObjectMapper().createParser(canonical)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                switch (token) {
                    case START_OBJECT -> openObjects.push(new ArrayList<>());
                    case FIELD_NAME -> openObjects.peek().add(parser.currentName());
                    case END_OBJECT -> assertStrictlyIncreasingByCodePoint(openObjects.pop());
                    default -> { }
                }
            }
        }
    }

    /** Against String.codePoints(), which pairs surrogates exactly where json.loads does. */
    @Property(tries = 5000)
    void keyComparisonIsCodePointOrderEvenWithUnpairedSurrogates(@ForAll("surrogateHeavy") String a,
                                                                 @ForAll("surrogateHeavy") String b) {
        int expected = Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());

        assertThat(Integer.signum(CanonicalJsonWriter.compareCodePoints(a, b))).isEqualTo(Integer.signum(expected));
    }

    @Provide
    Arbitrary<String> surrogateHeavy() {
        return Arbitraries.of('a', '\u0100', '\ud7ff', '\ud800', '\ud83d', '\udbff', '\udc00', '\ude00',
                        '\udfff', '\ue000', '\uffff')
                .list().ofMaxSize(6)
                .map(chars -> chars.stream().map(String::valueOf).collect(Collectors.joining()));
    }

    @Property(tries = 5000)
    void floatReprReadsBackToTheSameDouble(@ForAll("doubles") double value) {
        String repr = PythonFloatRepr.repr(value);

        assertThat(Double.doubleToRawLongBits(Double.parseDouble(repr))).isEqualTo(Double.doubleToRawLongBits(value));
    }

    @Property(tries = 3000)
    void floatReprIsTheShortestNearestDecimal(@ForAll("doubles") double value) {
        String repr = PythonFloatRepr.repr(value);
        double magnitude = Math.abs(value);

        if (magnitude == 0) {
            assertThat(repr).isEqualTo(Double.doubleToRawLongBits(value) < 0 ? "-0.0" : "0.0");
        } else {
            BigDecimal expected = ShortestRoundTripOracle.shortest(magnitude);
            assertThat(new BigDecimal(repr).abs()).isEqualByComparingTo(expected);
            assertThat(new BigDecimal(repr).stripTrailingZeros().precision()).isEqualTo(expected.stripTrailingZeros().precision());
        }
    }

    /** Positional notation exactly when Python's decimal-point position is in (-4, 16]. */
    @Property(tries = 5000)
    void floatReprLayoutFollowsPython(@ForAll("doubles") double value) {
        String repr = PythonFloatRepr.repr(value);
        assertThat(repr.startsWith("-")).isEqualTo(Double.doubleToRawLongBits(value) < 0);
        if (value == 0) {
            return;
        }
        BigDecimal decimal = new BigDecimal(repr).stripTrailingZeros();
        int decpt = decimal.precision() - decimal.scale();
        if (decpt > -4 && decpt <= 16) {
            assertThat(repr).matches(POSITIONAL);
        } else {
            assertThat(repr).matches(EXPONENT);
            assertThat(Integer.parseInt(repr.substring(repr.indexOf('e') + 1))).isEqualTo(decpt - 1);
        }
    }

    private static void assertStrictlyIncreasingByCodePoint(List<String> keys) {
        for (int i = 1; i < keys.size(); i++) {
            assertThat(Arrays.compare(keys.get(i - 1).codePoints().toArray(), keys.get(i).codePoints().toArray()))
                    .as("key %s after %s", escape(keys.get(i)), escape(keys.get(i - 1)))
                    .isNegative();
        }
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        s.chars().forEach(c -> sb.append(String.format("\\u%04x", c)));
        return sb.toString();
    }
}
