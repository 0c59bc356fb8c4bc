package io.smainer.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.swmansion.starknet.data.Selector;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java side calls only what the compiled contract has: every {@link EscrowFunction} of the escrow
 * exists in the compiled ABI with the same input types (so calldata lengths match), its
 * {@code selectorFromName} is an EXTERNAL entry point of the Sierra class, and every
 * {@link EscrowEventType} of the escrow has the same members, types and key/data split.
 * contracts/target is written by contracts/test.sh, which the build runs before these tests.
 */
class EscrowAbiConformanceTest {
    private static JsonNode abi;
    private static Set<BigInteger> externalSelectors;

    @BeforeAll
    static void load() throws IOException {
        Path target = Path.of("..", "contracts", "target");
        Path classFile = target.resolve("escrow.contract_class.json");
        assertThat(classFile).as("compiled escrow class; build it with: bash contracts/test.sh").exists();
        JsonNode cls = new ObjectMapper().readTree(Files.readAllBytes(classFile));
        abi = cls.get("abi").isTextual() ? new ObjectMapper().readTree(cls.get("abi").asText()) : cls.get("abi");
        externalSelectors = new HashSet<>();
        cls.get("entry_points_by_type").get("EXTERNAL")
                .forEach(e -> externalSelectors.add(new BigInteger(e.get("selector").asText().substring(2), 16)));
    }

    private static Map<String, JsonNode> functions() {
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode entry : abi) {
            if (entry.get("type").asText().equals("interface")) {
                entry.get("items").forEach(f -> out.put(f.get("name").asText(), f));
            } else if (entry.get("type").asText().equals("function")) {
                out.put(entry.get("name").asText(), entry);
            }
        }
        return out;
    }

    @Test
    void everyEscrowFunctionExistsWithTheSameInputTypes() {
        Map<String, JsonNode> fns = functions();
        for (EscrowFunction f : EscrowFunction.values()) {
            if (f.isErc20()) {
                continue;
            }
            JsonNode abiFn = fns.get(f.entryPoint());
            assertThat(abiFn).as("%s in the compiled ABI", f.entryPoint()).isNotNull();
            List<String> abiTypes = new ArrayList<>();
            abiFn.get("inputs").forEach(i -> abiTypes.add(i.get("type").asText()));
            assertThat(abiTypes).as("inputs of %s", f.entryPoint())
                    .containsExactlyElementsOf(f.inputs().stream().map(CairoType::abiName).toList());
            assertThat(externalSelectors).as("selector of %s", f.entryPoint()).contains(f.selector().getValue());
            assertThat(Selector.selectorFromName(f.entryPoint())).isEqualTo(f.selector());
        }
    }

    @Test
    void calldataLengthsMatchTheAbiTypes() {
        for (EscrowFunction f : EscrowFunction.values()) {
            BigInteger[] args = new BigInteger[f.inputs().size()];
            java.util.Arrays.fill(args, BigInteger.ONE);
            assertThat(f.call(new com.swmansion.starknet.data.types.Felt(1), args)
                    .getCalldata()).as(f.entryPoint()).hasSize(f.calldataLength());
        }
    }

    @Test
    void everyEscrowEventHasTheSameLayout() {
        Map<String, JsonNode> events = new HashMap<>();
        for (JsonNode entry : abi) {
            if (entry.get("type").asText().equals("event") && entry.get("kind").asText().equals("struct")) {
                String name = entry.get("name").asText();
                events.put(name.substring(name.lastIndexOf(':') + 1), entry);
            }
        }
        for (EscrowEventType t : EscrowEventType.values()) {
            if (t == EscrowEventType.TRANSFER) {
                continue;
            }
            JsonNode e = events.get(t.eventName());
            assertThat(e).as("event %s in the compiled ABI", t.eventName()).isNotNull();
            List<String> actual = new ArrayList<>();
            e.get("members").forEach(m -> actual.add(m.get("name").asText() + ":" + m.get("type").asText() + ":" + m.get("kind").asText()));
            assertThat(actual).as("members of %s", t.eventName()).containsExactlyElementsOf(t.members().stream()
                    .map(m -> m.name() + ":" + m.type().abiName() + ":" + (m.key() ? "key" : "data")).toList());
        }
    }
}
