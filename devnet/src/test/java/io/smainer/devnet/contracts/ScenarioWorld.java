package io.smainer.devnet.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import io.smainer.devnet.exec.BlockContext;
import io.smainer.devnet.exec.CallExecutor;
import io.smainer.devnet.exec.CallOutcome;
import io.smainer.devnet.exec.CairoSerde;
import io.smainer.devnet.exec.Selectors;
import io.smainer.devnet.state.StateOverlay;
import io.smainer.devnet.state.WorldState;
import io.smainer.protocol.stark.Felts;
import io.smainer.protocol.stark.StarkCrypto;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * contracts/scenarios/world.json deployed on the Java model: tokens (native ERC-20s) with their
 * balances, then the escrow with its constructor — the same order as the generated Cairo setup.
 * Values resolve like gen-tests.mjs: actor names, {@code escrow}, token names or 0x literals.
 */
final class ScenarioWorld {
    static final BigInteger ESCROW = BigInteger.valueOf(0xE5C0);
    private static final BigInteger FIRST_TOKEN = BigInteger.valueOf(0x70C0);

    final JsonNode world;
    final CallExecutor executor;
    final Map<String, BigInteger> tokens = new LinkedHashMap<>();
    long timestamp;
    long blockNumber = 1;

    ScenarioWorld(JsonNode world, StarkCrypto crypto) {
        this.world = world;
        this.executor = new CallExecutor(new WorldState(), crypto, List.of(new Erc20Token("Token", "TKN", 18), new SmainerEscrow()));
        this.timestamp = world.get("start_timestamp").asLong();
        WorldState state = executor.state();
        StateOverlay overlay = new StateOverlay(state);
        BigInteger next = FIRST_TOKEN;
        for (var it = world.get("tokens").fields(); it.hasNext(); ) {
            var token = it.next();
            BigInteger address = next;
            next = next.add(BigInteger.ONE);
            tokens.put(token.getKey(), address);
            state.deploy(address, Erc20Token.CLASS_HASH);
            for (var b = token.getValue().path("balances").fields(); b.hasNext(); ) {
                var holder = b.next();
                BigInteger to = address(holder.getKey());
                BigInteger amount = number(holder.getValue());
                executor.runAs(overlay, address, BigInteger.ZERO, block(), ctx -> Erc20Token.mint(ctx, to, amount));
            }
        }
        state.deploy(ESCROW, SmainerEscrow.CLASS_HASH);
        JsonNode ctor = world.get("escrow").get("constructor");
        List<BigInteger> allowed = new ArrayList<>();
        ctor.get("allowed_tokens").forEach(t -> allowed.add(address(t.asText())));
        executor.runAs(overlay, ESCROW, BigInteger.ZERO, block(), ctx -> SmainerEscrow.construct(ctx,
                address(ctor.get("owner").asText()), address(ctor.get("relayer").asText()),
                address(ctor.get("treasury").asText()), allowed));
        overlay.commit();
    }

    BlockContext block() {
        return new BlockContext(blockNumber, timestamp);
    }

    BigInteger address(String name) {
        if (name.equals("escrow")) {
            return ESCROW;
        }
        if (tokens.containsKey(name)) {
            return tokens.get(name);
        }
        if (name.startsWith("0x")) {
            return Felts.parse("address", name);
        }
        JsonNode actor = world.get("actors").get(name);
        if (actor == null) {
            throw new IllegalArgumentException("unknown actor '" + name + "' (not in world.json actors, not escrow or a token)");
        }
        return Felts.parse("actor " + name, actor.get("address").asText());
    }

    JsonNode actor(String name) {
        JsonNode actor = world.get("actors").get(name);
        if (actor == null) {
            throw new IllegalArgumentException("unknown actor '" + name + "'");
        }
        return actor;
    }

    static BigInteger number(JsonNode v) {
        return v.isNumber() ? v.bigIntegerValue() : Felts.parse("scenario number", v.asText());
    }

    /** Cairo serde of one scenario value of ABI {@code type}. */
    List<BigInteger> encode(String type, JsonNode value) {
        switch (type) {
            case "address": return List.of(address(value.asText()));
            case "u256": return CairoSerde.u256(number(value));
            case "bool":
                if (!value.isBoolean()) {
                    throw new IllegalArgumentException("bool expected (JSON true/false), got " + value);
                }
                return List.of(CairoSerde.bool(value.asBoolean()));
            case "felt": case "class_hash": case "u8": case "u64": return List.of(number(value));
            case "status": return List.of(BigInteger.valueOf(TaskStatusName.valueOf(value.asText()).ordinal()));
            case "Span<address>": {
                List<BigInteger> out = new ArrayList<>();
                out.add(BigInteger.valueOf(value.size()));
                value.forEach(v -> out.add(address(v.asText())));
                return out;
            }
            default: throw new IllegalArgumentException("unsupported ABI type " + type);
        }
    }

    CallOutcome invoke(BigInteger caller, BigInteger to, String entryPoint, List<BigInteger> calldata) {
        return executor.invoke(caller, to, Selectors.of(entryPoint), calldata, block());
    }

    List<BigInteger> view(BigInteger to, String entryPoint, List<BigInteger> calldata) {
        CallOutcome outcome = executor.simulate(BigInteger.ZERO, to, Selectors.of(entryPoint), calldata, block());
        if (!outcome.succeeded()) {
            throw new AssertionError("view " + entryPoint + " reverted: " + outcome.revert().reason());
        }
        return outcome.result();
    }

    /** PROTOCOL.md §4 task statuses by ordinal. */
    enum TaskStatusName { CREATED, ASSIGNED, COMPLETED, CANCELLED, SETTLED, REFUNDED }

    /** Node statuses by ordinal. */
    enum NodeStatusName { INACTIVE, ACTIVE, SUSPENDED }
}
