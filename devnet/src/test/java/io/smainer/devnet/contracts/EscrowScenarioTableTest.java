package io.smainer.devnet.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smainer.devnet.exec.CairoSerde;
import io.smainer.devnet.exec.CallOutcome;
import io.smainer.devnet.exec.EmittedEvent;
import io.smainer.devnet.exec.Selectors;
import io.smainer.protocol.stark.FeeSplit;
import io.smainer.protocol.stark.Felts;
import io.smainer.protocol.stark.ResultProof;
import io.smainer.protocol.stark.StarkCrypto;
import io.smainer.protocol.stark.StarkCryptos;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every scenario of contracts/scenarios/*.json (the table the Cairo tests are generated from by
 * contracts/scripts/gen-tests.mjs) against the Java escrow and ERC-20, through the same
 * {@code CallExecutor} dispatch the devnet's RPC uses. Same semantics as the generator: a step's
 * {@code events}/{@code token_events} are exactly the events that step emitted, a revert leaves no
 * events and no state change, views check the state after the step.
 */
class EscrowScenarioTableTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StarkCrypto CRYPTO = StarkCryptos.fast();

    private static final Map<String, EscrowAbi.Function> TOKEN_FUNCTIONS = Map.of(
            "approve", new EscrowAbi.Function("approve", List.of(m("spender", "address"), m("amount", "u256")), List.of("bool"), false),
            "transfer", new EscrowAbi.Function("transfer", List.of(m("recipient", "address"), m("amount", "u256")), List.of("bool"), false),
            "balance_of", new EscrowAbi.Function("balance_of", List.of(m("account", "address")), List.of("u256"), true),
            "allowance", new EscrowAbi.Function("allowance", List.of(m("owner", "address"), m("spender", "address")), List.of("u256"), true));
    private static final Map<String, List<EscrowAbi.Member>> TOKEN_EVENTS = Map.of(
            "Transfer", List.of(k("from", "address"), k("to", "address"), m("value", "u256")),
            "Approval", List.of(k("owner", "address"), k("spender", "address"), m("value", "u256")));
    private static final Map<String, String> TASK_FIELDS = Map.ofEntries(
            Map.entry("creator", "address"), Map.entry("provider", "address"), Map.entry("token", "address"),
            Map.entry("amount", "u256"), Map.entry("status", "status"), Map.entry("task_hash", "felt"),
            Map.entry("result_hash", "felt"), Map.entry("created_at", "u64"), Map.entry("assigned_at", "u64"),
            Map.entry("completed_at", "u64"), Map.entry("deadline", "u64"));

    static Path scenarioDir() {
        String dir = System.getProperty("smainer.contracts.dir", "../contracts");
        return Path.of(dir).resolve("scenarios");
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioOfTheSharedTable() throws IOException {
        Path dir = scenarioDir();
        assertThat(dir).as("the shared scenario table contracts/scenarios must exist").isDirectory();
        JsonNode world = JSON.readTree(dir.resolve("world.json").toFile());
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString().equals("world.json"))
                    .sorted().collect(Collectors.toList());
        }
        assertThat(files).as("scenario files in " + dir + " (besides world.json)").isNotEmpty();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files) {
            JsonNode doc = JSON.readTree(file.toFile());
            assertThat(doc.path("schema").asText()).as(file + " schema").isEqualTo("smainer-escrow-scenarios/1");
            for (JsonNode scenario : doc.path("scenarios")) {
                String name = file.getFileName() + " " + scenario.get("name").asText();
                tests.add(DynamicTest.dynamicTest(name, () -> run(world, name, scenario)));
            }
            if (doc.has("fee_split")) {
                tests.add(DynamicTest.dynamicTest(file.getFileName() + " fee_split vectors", () -> feeVectors(doc.get("fee_split"))));
            }
            if (doc.has("result_proof")) {
                tests.add(DynamicTest.dynamicTest(file.getFileName() + " result_proof vectors",
                        () -> proofVectors(world, doc.get("result_proof"))));
            }
        }
        assertThat(tests).as("scenarios in " + dir).isNotEmpty();
        return tests.stream();
    }

    private static void run(JsonNode worldJson, String name, JsonNode scenario) {
        ScenarioWorld w = new ScenarioWorld(worldJson, CRYPTO);
        List<JsonNode> steps = expand(worldJson, scenario.get("steps"), 0);
        for (int i = 0; i < steps.size(); i++) {
            JsonNode step = steps.get(i);
            String where = name + " step " + (i + 1) + " (" + step.path("contract").asText("escrow") + "." + step.get("call").asText()
                    + (step.has("caller") ? " by " + step.get("caller").asText() : "") + ")";
            runStep(w, step, where);
        }
    }

    static List<JsonNode> expand(JsonNode world, JsonNode steps, int depth) {
        if (depth > 8) {
            throw new IllegalArgumentException("fixtures nest too deeply");
        }
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode step : steps) {
            if (step.has("fixture")) {
                JsonNode fixture = world.path("fixtures").get(step.get("fixture").asText());
                if (fixture == null) {
                    throw new IllegalArgumentException("unknown fixture " + step.get("fixture"));
                }
                out.addAll(expand(world, fixture, depth + 1));
            } else {
                out.add(step);
            }
        }
        return out;
    }

    private static void runStep(ScenarioWorld w, JsonNode step, String where) {
        String contract = step.path("contract").asText("escrow");
        JsonNode expect = step.path("expect");
        if (contract.equals("env")) {
            assertThat(step.get("call").asText()).as(where).isEqualTo("set_block_timestamp");
            w.timestamp = ScenarioWorld.number(step.get("args").get("timestamp")).longValueExact();
            w.blockNumber++;
            return;
        }
        String call = step.get("call").asText();
        EscrowAbi.Function fn = contract.equals("escrow") ? EscrowAbi.FUNCTIONS.get(call) : TOKEN_FUNCTIONS.get(call);
        assertThat(fn).as(where + ": function not in the escrow ABI / token table").isNotNull();
        BigInteger target = contract.equals("escrow") ? ScenarioWorld.ESCROW : w.address(contract);
        JsonNode args = step.path("args");
        assertThat(iteratorToList(args.fieldNames())).as(where + " args").containsExactlyInAnyOrderElementsOf(
                fn.inputs().stream().map(EscrowAbi.Member::name).toList());
        List<BigInteger> calldata = new ArrayList<>();
        for (EscrowAbi.Member in : fn.inputs()) {
            calldata.addAll(w.encode(in.type(), args.get(in.name())));
        }
        if (step.has("signed")) {
            checkSignature(w, step.get("signed"), args, where);
        }
        CallOutcome outcome = w.invoke(w.address(step.get("caller").asText()), target, call, calldata);
        if (expect.has("revert")) {
            assertThat(outcome.succeeded()).as(where + ": expected revert '" + expect.get("revert").asText() + "'").isFalse();
            assertThat(outcome.revert().reason()).as(where + " revert reason").isEqualTo(expect.get("revert").asText());
        } else {
            assertThat(outcome.revert()).as(where + ": unexpected revert").isNull();
            if (expect.has("returns")) {
                checkReturns(w, fn.outputs().get(0), expect.get("returns"), outcome.result(), where);
            }
        }
        if (expect.has("events")) {
            assertThat(eventsFrom(outcome, ScenarioWorld.ESCROW)).as(where + " escrow events")
                    .containsExactlyElementsOf(expectedEvents(w, ScenarioWorld.ESCROW, EscrowAbi.EVENTS, expect.get("events"), where));
        }
        for (var it = expect.path("token_events").fields(); it.hasNext(); ) {
            var e = it.next();
            BigInteger token = w.address(e.getKey());
            assertThat(eventsFrom(outcome, token)).as(where + " " + e.getKey() + " events")
                    .containsExactlyElementsOf(expectedEvents(w, token, TOKEN_EVENTS, e.getValue(), where));
        }
        checkState(w, expect, where);
    }

    private static void checkState(ScenarioWorld w, JsonNode expect, String where) {
        for (var it = expect.path("balances").fields(); it.hasNext(); ) {
            var token = it.next();
            for (var h = token.getValue().fields(); h.hasNext(); ) {
                var holder = h.next();
                BigInteger actual = u256(w.view(w.address(token.getKey()), "balance_of", List.of(w.address(holder.getKey()))));
                assertThat(actual).as(where + " balance " + token.getKey() + " of " + holder.getKey())
                        .isEqualTo(ScenarioWorld.number(holder.getValue()));
            }
        }
        for (var it = expect.path("tasks").fields(); it.hasNext(); ) {
            var task = it.next();
            List<BigInteger> t = w.view(ScenarioWorld.ESCROW, "get_task", CairoSerde.u256(new BigInteger(task.getKey())));
            Map<String, BigInteger> actual = Map.ofEntries(Map.entry("creator", t.get(0)), Map.entry("provider", t.get(1)),
                    Map.entry("token", t.get(2)), Map.entry("amount", u256(t.subList(3, 5))), Map.entry("status", t.get(5)),
                    Map.entry("task_hash", t.get(6)), Map.entry("result_hash", t.get(7)), Map.entry("created_at", t.get(8)),
                    Map.entry("assigned_at", t.get(9)), Map.entry("completed_at", t.get(10)), Map.entry("deadline", t.get(11)));
            for (var f = task.getValue().fields(); f.hasNext(); ) {
                var field = f.next();
                String type = TASK_FIELDS.get(field.getKey());
                assertThat(type).as(where + " unknown task field " + field.getKey()).isNotNull();
                List<BigInteger> expected = w.encode(type, field.getValue());
                BigInteger exp = type.equals("u256") ? u256(expected) : expected.get(0);
                assertThat(actual.get(field.getKey())).as(where + " task " + task.getKey() + "." + field.getKey()).isEqualTo(exp);
            }
        }
        for (var it = expect.path("earnings").fields(); it.hasNext(); ) {
            var e = it.next();
            assertThat(u256(w.view(ScenarioWorld.ESCROW, "get_user_earnings", List.of(w.address(e.getKey())))))
                    .as(where + " earnings of " + e.getKey()).isEqualTo(ScenarioWorld.number(e.getValue()));
        }
        for (var it = expect.path("nodes").fields(); it.hasNext(); ) {
            var n = it.next();
            List<BigInteger> node = w.view(ScenarioWorld.ESCROW, "get_node", List.of(w.address(n.getKey())));
            for (var f = n.getValue().fields(); f.hasNext(); ) {
                var field = f.next();
                BigInteger exp;
                int index;
                switch (field.getKey()) {
                    case "status":
                        exp = BigInteger.valueOf(ScenarioWorld.NodeStatusName.valueOf(field.getValue().asText()).ordinal());
                        index = 0;
                        break;
                    case "tier": exp = ScenarioWorld.number(field.getValue()); index = 1; break;
                    case "public_key": exp = ScenarioWorld.number(field.getValue()); index = 2; break;
                    default: throw new AssertionError(where + ": unknown node field " + field.getKey());
                }
                assertThat(node.get(index)).as(where + " node " + n.getKey() + "." + field.getKey()).isEqualTo(exp);
            }
        }
    }

    private static void checkReturns(ScenarioWorld w, String type, JsonNode expected, List<BigInteger> result, String where) {
        switch (type) {
            case "u256": assertThat(u256(result)).as(where + " returns").isEqualTo(ScenarioWorld.number(expected)); break;
            case "bool": assertThat(result).as(where + " returns").containsExactly(CairoSerde.bool(expected.asBoolean())); break;
            default: assertThat(result).as(where + " returns").containsExactlyElementsOf(w.encode(type, expected));
        }
    }

    /**
     * The stored (sig_r, sig_s) must verify, with the Java crypto, over the message hash Java computes
     * for {@code signed} under the signer's key. (Nonces are not compared: @scure/starknet and
     * starknet-jvm derive different deterministic nonces, so both signatures are valid but differ.)
     */
    private static void checkSignature(ScenarioWorld w, JsonNode signed, JsonNode args, String where) {
        JsonNode signer = w.actor(signed.get("by").asText());
        BigInteger messageHash = new ResultProof(CRYPTO).messageHash(ScenarioWorld.number(signed.get("task_id")),
                w.address(signed.get("provider").asText()), ScenarioWorld.number(signed.get("result_hash")));
        BigInteger publicKey = CRYPTO.publicKey(Felts.parse("private_key", signer.get("private_key").asText()));
        assertThat(publicKey).as(where + " world.json public_key of " + signed.get("by").asText())
                .isEqualTo(ScenarioWorld.number(signer.get("public_key")));
        assertThat(CRYPTO.verify(publicKey, messageHash, ScenarioWorld.number(args.get("sig_r")), ScenarioWorld.number(args.get("sig_s"))))
                .as(where + ": sig_r/sig_s verify over the Java message hash " + Felts.toHex(messageHash)).isTrue();
    }

    private static List<EmittedEvent> eventsFrom(CallOutcome outcome, BigInteger address) {
        return outcome.events().stream().filter(e -> e.fromAddress().equals(address)).toList();
    }

    private static List<EmittedEvent> expectedEvents(ScenarioWorld w, BigInteger from, Map<String, List<EscrowAbi.Member>> table,
                                                     JsonNode list, String where) {
        List<EmittedEvent> out = new ArrayList<>();
        for (JsonNode e : list) {
            String name = e.get("event").asText();
            List<EscrowAbi.Member> members = table.get(name);
            assertThat(members).as(where + ": unknown event " + name).isNotNull();
            List<String> given = iteratorToList(e.fieldNames()).stream().filter(f -> !f.equals("event")).toList();
            assertThat(given).as(where + " event " + name + " fields")
                    .containsExactlyInAnyOrderElementsOf(members.stream().map(EscrowAbi.Member::name).toList());
            List<BigInteger> keys = new ArrayList<>(List.of(Selectors.of(name)));
            List<BigInteger> data = new ArrayList<>();
            for (EscrowAbi.Member m : members) {
                (m.key() ? keys : data).addAll(w.encode(m.type(), e.get(m.name())));
            }
            out.add(new EmittedEvent(from, keys, data));
        }
        return out;
    }

    private static void feeVectors(JsonNode vectors) {
        for (JsonNode v : vectors) {
            FeeSplit split = SmainerEscrow.feeSplit(ScenarioWorld.number(v.get("amount_wei")));
            assertThat(split.treasury()).as("treasury of " + v).isEqualTo(ScenarioWorld.number(v.get("treasury")));
            assertThat(split.gasSubsidy()).as("gas_subsidy of " + v).isEqualTo(ScenarioWorld.number(v.get("gas_subsidy")));
            assertThat(split.providerPayout()).as("provider_payout of " + v).isEqualTo(ScenarioWorld.number(v.get("provider_payout")));
            assertThat(split.providerReceives()).as("provider_receives of " + v).isEqualTo(ScenarioWorld.number(v.get("provider_receives")));
        }
    }

    private static void proofVectors(JsonNode world, JsonNode vectors) {
        ScenarioWorld w = new ScenarioWorld(world, CRYPTO);
        for (JsonNode v : vectors) {
            List<BigInteger> calldata = new ArrayList<>(CairoSerde.u256(ScenarioWorld.number(v.get("task_id_felt"))));
            calldata.add(ScenarioWorld.number(v.get("provider_address")));
            calldata.add(ScenarioWorld.number(v.get("result_hash")));
            BigInteger h = w.view(ScenarioWorld.ESCROW, "get_message_hash", calldata).get(0);
            assertThat(h).as("message_hash of " + v).isEqualTo(ScenarioWorld.number(v.get("message_hash")));
            BigInteger key = ScenarioWorld.number(v.get("public_key"));
            for (JsonNode s : v.get("valid_signatures")) {
                assertThat(CRYPTO.verify(key, h, ScenarioWorld.number(s.get("r")), ScenarioWorld.number(s.get("s"))))
                        .as("signature " + s + " over " + h).isTrue();
            }
        }
    }

    private static BigInteger u256(List<BigInteger> lowHigh) {
        return lowHigh.get(1).shiftLeft(128).or(lowHigh.get(0));
    }

    private static EscrowAbi.Member m(String name, String type) {
        return new EscrowAbi.Member(name, type, false);
    }

    private static EscrowAbi.Member k(String name, String type) {
        return new EscrowAbi.Member(name, type, true);
    }

    private static List<String> iteratorToList(Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
