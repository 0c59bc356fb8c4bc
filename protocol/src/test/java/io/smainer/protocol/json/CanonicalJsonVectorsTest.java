package io.smainer.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smainer.protocol.Vectors;
import io.smainer.protocol.stark.Felts;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** vectors.json {@code canonical_json} and {@code sha256_mod_P} (PROTOCOL.md §2). */
class CanonicalJsonVectorsTest {

    static Stream<Arguments> canonicalVectors() {
        List<Arguments> args = new ArrayList<>();
        for (JsonNode v : Vectors.get("canonical_json")) {
            args.add(Arguments.of(v.get("input_description").asText(), v.get("canonical").asText(),
                    Vectors.big(v.get("result_hash"))));
        }
        return args.stream();
    }

    static Stream<Arguments> sha256Vectors() {
        List<Arguments> args = new ArrayList<>();
        for (JsonNode v : Vectors.get("sha256_mod_P")) {
            args.add(Arguments.of(v.get("utf8").asText(), Vectors.big(v.get("felt"))));
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("canonicalVectors")
    void canonicalTextReproducesItselfByteForByte(String description, String canonical, BigInteger hash) {
        JsonNode tree = CanonicalJson.parse(canonical);

        assertThat(CanonicalJson.canonicalBytes(tree)).isEqualTo(canonical.getBytes(StandardCharsets.US_ASCII));
        assertThat(CanonicalJson.canonicalJson(tree)).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("canonicalVectors")
    void resultHashMatches(String description, String canonical, BigInteger hash) {
        JsonNode tree = CanonicalJson.parse(canonical);

        assertThat(CanonicalJson.sha256ModP(tree)).isEqualTo(hash);
        assertThat(Felts.toHex(CanonicalJson.sha256ModP(tree))).isEqualTo(Felts.toHex(hash));
    }

    /**
     * The same document written the non-canonical way (keys reversed, pretty-printed, raw UTF-8
     * instead of escapes, floats as Java prints them) canonicalises to the vector.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("canonicalVectors")
    void reorderedPrettyUnescapedFormCanonicalisesToTheVector(String description, String canonical,
                                                               BigInteger hash) throws Exception {
        ObjectMapper pretty = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        String messy = pretty.writeValueAsString(reverseKeys(CanonicalJson.parse(canonical)));
        assertThat(messy).isNotEqualTo(canonical);

        JsonNode reparsed = CanonicalJson.parse(messy.getBytes(StandardCharsets.UTF_8));

        assertThat(CanonicalJson.canonicalJson(reparsed)).isEqualTo(canonical);
        assertThat(CanonicalJson.sha256ModP(reparsed)).isEqualTo(hash);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sha256Vectors")
    void sha256ModPOfUtf8(String utf8, BigInteger felt) {
        assertThat(Felts.sha256ModP(utf8)).isEqualTo(felt);
        assertThat(Felts.sha256ModP(utf8.getBytes(StandardCharsets.UTF_8))).isEqualTo(felt);
    }

    private static JsonNode reverseKeys(JsonNode node) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
            Collections.reverse(fields);
            ObjectNode out = ((ObjectNode) node).objectNode();
            fields.forEach(f -> out.set(f.getKey(), reverseKeys(f.getValue())));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = ((ArrayNode) node).arrayNode();
            node.forEach(e -> out.add(reverseKeys(e)));
            return out;
        }
        return node;
    }
}
