package io.smainer.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.smainer.protocol.Limits;
import io.smainer.protocol.ProtocolException;
import io.smainer.protocol.wire.EventType;
import io.smainer.protocol.wire.NodeRegister;
import io.smainer.protocol.wire.Samples;
import io.smainer.protocol.wire.TaskAssigned;
import io.smainer.protocol.wire.TaskCompleted;
import io.smainer.protocol.wire.WsMessage;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProtocolJsonFramesTest {
    private final ProtocolJson json = new ProtocolJson();

    static java.util.List<WsMessage> frames() {
        return Samples.everyFrame();
    }

    @ParameterizedTest
    @MethodSource("frames")
    void everyFrameRoundTrips(WsMessage message) {
        String text = json.writeFrame(message);
        assertThat(text).startsWith("{\"event_type\":\"" + EventType.of(message).wireName() + "\"");
        WsMessage back = json.readFrame(text);
        assertThat(back).isEqualTo(message);
        assertThat(json.writeFrame(back)).isEqualTo(text);
    }

    @Test
    void samplesCoverEveryEventType() {
        Set<EventType> seen = EnumSet.noneOf(EventType.class);
        Samples.everyFrame().forEach(m -> seen.add(EventType.of(m)));
        assertThat(seen).containsExactlyInAnyOrder(EventType.values());
    }

    @Test
    void unknownEventTypeCarriesTheType() {
        assertThatThrownBy(() -> json.readFrame("{\"event_type\":\"node_explode\",\"event_id\":\"x\",\"timestamp\":\"" + Samples.TS + "\"}"))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProtocolException.Kind.UNKNOWN_EVENT_TYPE);
                    assertThat(e.eventType()).isEqualTo("node_explode");
                });
    }

    @Test
    void unknownFieldsAreIgnored() {
        WsMessage ping = json.readFrame("{\"event_type\":\"ping\",\"event_id\":\"x\",\"timestamp\":\"" + Samples.TS
                + "\",\"future_field\":{\"a\":[1,2]}}");
        assertThat(ping.eventId()).isEqualTo("x");
    }

    @Test
    void missingEventType() {
        assertThatThrownBy(() -> json.readFrame("{\"event_id\":\"x\"}"))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProtocolException.Kind.MISSING_FIELD));
    }

    @Test
    void malformedJsonAndNonObjects() {
        for (String bad : new String[] {"{", "[1,2]", "\"x\"", "", "{\"event_type\":\"ping\",}"}) {
            assertThatThrownBy(() -> json.readFrame(bad)).as(bad).isInstanceOf(ProtocolException.class);
        }
    }

    @Test
    void oversizedFrameIsRejectedBeforeParsing() {
        byte[] big = new byte[Limits.MAX_FRAME_BYTES + 1];
        Arrays.fill(big, (byte) ' ');
        assertThatThrownBy(() -> json.readFrame(big))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.kind()).isEqualTo(ProtocolException.Kind.TOO_LARGE));
    }

    @Test
    void invalidNodeIdNamesTheField() {
        String frame = json.writeFrame(Samples.everyFrame().get(0)).replace("\"node_id\":\"node-001\"", "\"node_id\":\"bad id!\"");
        assertThatThrownBy(() -> json.readFrame(frame))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProtocolException.Kind.INVALID_FIELD);
                    assertThat(e.location()).endsWith("node_id");
                    assertThat(e.getMessage()).contains("node_id");
                });
    }

    @Test
    void missingRequiredFieldIsReportedAsMissing() {
        String frame = "{\"event_type\":\"task_cancel\",\"event_id\":\"x\",\"timestamp\":\"" + Samples.TS + "\"}";
        assertThatThrownBy(() -> json.readFrame(frame))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProtocolException.Kind.MISSING_FIELD);
                    assertThat(e.location()).containsExactly("task_id");
                });
    }

    @Test
    void registerAcceptsCapabilitiesUnderEitherName() {
        String frame = json.writeFrame(Samples.everyFrame().get(0));
        JsonNode tree = json.readTree(frame.getBytes(StandardCharsets.UTF_8));
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree).remove("capability_contract");
        NodeRegister onlyCapabilities = (NodeRegister) json.readFrame(tree.toString());
        assertThat(onlyCapabilities.capabilityContract()).isEqualTo(Samples.capabilities());
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree).remove("capabilities");
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree).set("capability_contract", json.toTree(Samples.capabilities()));
        NodeRegister onlyContract = (NodeRegister) json.readFrame(tree.toString());
        assertThat(onlyContract.capabilities()).isEqualTo(Samples.capabilities());
        assertThat(frame).contains("\"is_wsl2\":false");
    }

    @Test
    void amountsAcceptNumbersAndDecimalStringsButNotFloats() {
        String base = json.writeFrame(Samples.everyFrame().get(3));
        assertThat(base).contains("\"token_amount\":100000000000000000");
        TaskAssigned fromString = (TaskAssigned) json.readFrame(base.replace("\"token_amount\":100000000000000000",
                "\"token_amount\":\"100000000000000000000000000000\""));
        assertThat(fromString.tokenAmount()).isEqualTo(new BigInteger("100000000000000000000000000000"));
        assertThatThrownBy(() -> json.readFrame(base.replace("\"token_amount\":100000000000000000", "\"token_amount\":1.0e17")))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.location()).containsExactly("token_amount");
                    assertThat(e.getMessage()).contains("float");
                });
    }

    @Test
    void signaturePartsAreHexAndAcceptDecimal() {
        String frame = json.writeFrame(Samples.everyFrame().get(4));
        assertThat(frame).contains("\"r\":\"0xe8275ead").contains("\"result_hash\":\"0x491b6e33");
        TaskCompleted decimal = (TaskCompleted) json.readFrame(frame.replace("\"r\":\"" + Samples.SIG.rHex() + "\"",
                "\"r\":\"" + Samples.SIG.r() + "\""));
        assertThat(decimal.signature()).isEqualTo(Samples.SIG);
    }

    @Test
    void toStringNeverPrintsPayloadOrResult() {
        for (WsMessage m : Samples.everyFrame()) {
            assertThat(m.toString()).doesNotContain("secret prompt text").doesNotContain("secret result text")
                    .doesNotContain("partial text");
        }
    }

    @Test
    void effortMetricBoundsAreEnforced() {
        String frame = json.writeFrame(Samples.everyFrame().get(4)).replace("\"tokens_input\":10", "\"tokens_input\":200000");
        assertThatThrownBy(() -> json.readFrame(frame))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.location()).containsExactly("effort_metrics", "tokens_input"));
    }
}
