package io.smainer.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smainer.protocol.ProtocolException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds generated documents to CPython's {@code json} module in one {@code python3} process and
 * requires {@link CanonicalJson} to produce the same bytes for every one. python3 is a test
 * requirement (CI installs it): without it this test fails, it never skips.
 *
 * <p>The seed is random per run and printed; rerun a failure with
 * {@code -Dsmainer.differential.seed=<seed>}.
 */
class CanonicalJsonPythonDifferentialTest {
    private static final int RANDOM_DOCUMENTS = 2_000;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** One document per line in, its canonical form per line out. */
    private static final String PYTHON = String.join("\n",
            "import json, sys",
            "sys.stderr.write('python ' + sys.version.split()[0] + '\\n')",
            "out = sys.stdout",
            "for line in sys.stdin:",
            "    out.write(json.dumps(json.loads(line), sort_keys=True, separators=(',', ':'), ensure_ascii=True))",
            "    out.write('\\n')");

    @TempDir
    Path dir;

    @Test
    void everyDocumentMatchesPythonByteForByte() throws Exception {
        long seed = Long.getLong("smainer.differential.seed", System.nanoTime());
        System.out.println("CanonicalJsonPythonDifferentialTest seed=" + seed
                + " (rerun with -Dsmainer.differential.seed=" + seed + ")");
        List<JsonNode> documents = new ArrayList<>(edgeDocuments());
        RandomJsonDocuments random = new RandomJsonDocuments(new Random(seed));
        for (int i = 0; i < RANDOM_DOCUMENTS; i++) {
            documents.add(random.document());
        }
        List<String> inputs = documents.stream().map(ExactJsonText::write).toList();

        List<String> python = runPython(inputs);

        assertThat(python).as("one Python output line per document (seed %d)", seed).hasSize(documents.size());
        int refusedKeys = 0;
        for (int i = 0; i < documents.size(); i++) {
            String expected = python.get(i);
            String input = inputs.get(i);
            assertThat(CanonicalJson.canonicalJson(documents.get(i)))
                    .as("document %d of seed %d, input %s", i, seed, clip(input))
                    .isEqualTo(expected);
            if (hasUnpairedSurrogateInKey(documents.get(i))) {
                // Documented difference: Jackson refuses such keys, json.loads does not.
                assertThatThrownBy(() -> CanonicalJson.parse(input)).isInstanceOf(ProtocolException.class);
                refusedKeys++;
                continue;
            }
            assertThat(CanonicalJson.canonicalJson(CanonicalJson.parse(input)))
                    .as("document %d of seed %d parsed from its exact text %s", i, seed, clip(input))
                    .isEqualTo(expected);
        }
        System.out.println("CanonicalJsonPythonDifferentialTest: " + documents.size() + " documents match Python; "
                + refusedKeys + " of them have a key with an unpaired surrogate, which parse() refuses");
    }

    private static boolean hasUnpairedSurrogateInKey(JsonNode node) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (hasUnpairedSurrogate(field.getKey()) || hasUnpairedSurrogateInKey(field.getValue())) {
                return true;
            }
        }
        for (JsonNode element : node) {
            if (node.isArray() && hasUnpairedSurrogateInKey(element)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Floats where Python's repr switches notation or Java 17 prints too many digits, and huge ints. */
    private static List<JsonNode> edgeDocuments() {
        double[] floats = {1e16, Math.nextDown(1e16), 1e15, 9999999999999998.0, 1e-5, 1e-4, Math.nextDown(1e-4),
            0.1 + 0.2, 0.1, 2.5, 5e-324, -5e-324, 1e-323, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL,
            Math.nextDown(Double.MIN_NORMAL), -0.0, 0.0, 1.0, 123456789012345.0, 1.2345678901234567e19, 1e22, 1e23,
            2e23, 8.41e21, 2e-3, 1125899906842624.25, 1125899906842624.75, 9007199254740992.0, 0x1p63, 1.5e300,
            1.0 / 3, 100.0, 4.35};
        ArrayNode floatArray = NODES.arrayNode();
        List<JsonNode> documents = new ArrayList<>();
        for (double f : floats) {
            floatArray.add(f);
            documents.add(NODES.numberNode(f));
        }
        documents.add(floatArray);

        BigInteger twoTo64 = BigInteger.TWO.pow(64);
        BigInteger[] integers = {twoTo64, twoTo64.add(BigInteger.ONE), twoTo64.negate(),
            twoTo64.negate().subtract(BigInteger.ONE), BigInteger.TEN.pow(50), BigInteger.TWO.pow(1000),
            BigInteger.TEN.pow(CanonicalJsonWriter.MAX_INT_DIGITS - 1),
            BigInteger.TEN.pow(CanonicalJsonWriter.MAX_INT_DIGITS - 1).negate(),
            BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE), BigInteger.valueOf(Long.MIN_VALUE)};
        ObjectNode integerObject = NODES.objectNode();
        for (BigInteger n : integers) {
            integerObject.set("i" + integerObject.size(), JsonTreeArbitraries.integerNode(n));
            documents.add(JsonTreeArbitraries.integerNode(n));
        }
        documents.add(integerObject);
        return documents;
    }

    private List<String> runPython(List<String> inputs) throws IOException, InterruptedException {
        Path in = dir.resolve("documents.jsonl");
        Path err = dir.resolve("python.err");
        Files.write(in, inputs, StandardCharsets.US_ASCII);
        Process process;
        try {
            process = new ProcessBuilder("python3", "-c", PYTHON)
                    .redirectInput(in.toFile())
                    .redirectError(err.toFile())
                    .start();
        } catch (IOException e) {
            return fail("python3 is required to run the canonical JSON differential test but could not be"
                    + " started (" + e.getMessage() + "). Install it (Debian: apt-get install -y python3);"
                    + " CI installs it in .ci/run.");
        }
        byte[] stdout = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return fail("python3 did not finish within 120 s");
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        System.out.print(stderr);
        assertThat(process.exitValue()).as("python3 exit status; stderr: %s", stderr).isZero();
        return new String(stdout, StandardCharsets.US_ASCII).lines().toList();
    }

    private static String clip(String s) {
        return s.length() <= 400 ? s : s.substring(0, 400) + "…";
    }
}
