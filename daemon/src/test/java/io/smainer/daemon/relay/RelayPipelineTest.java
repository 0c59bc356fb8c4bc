package io.smainer.daemon.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.buffer.Unpooled;
import io.smainer.daemon.health.DaemonMetrics;
import io.smainer.daemon.health.DaemonState;
import io.smainer.protocol.json.ProtocolJson;
import io.smainer.protocol.wire.Ack;
import io.smainer.protocol.wire.ErrorFrame;
import io.smainer.protocol.wire.Frames;
import io.smainer.protocol.wire.NodeHeartbeat;
import io.smainer.protocol.wire.NodeRegister;
import io.smainer.protocol.wire.Ping;
import io.smainer.protocol.wire.Pong;
import io.smainer.protocol.wire.Samples;
import io.smainer.protocol.wire.TaskAssigned;
import io.smainer.protocol.wire.TaskCancel;
import io.smainer.protocol.wire.WsMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The application half of the relay pipeline on an {@link EmbeddedChannel}: no sockets, no sleeps. */
class RelayPipelineTest {
    static final Duration INTERVAL = Duration.ofSeconds(30);
    static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    final ProtocolJson json = new ProtocolJson();
    final DaemonMetrics metrics = new DaemonMetrics();
    final DaemonState state = new DaemonState(Clock.systemUTC());
    final RecordingListener listener = new RecordingListener();
    EmbeddedChannel ch;
    int heartbeatsBuilt;

    @BeforeEach
    void setUp() {
        RegisterSource register = () -> {
            NodeRegister s = (NodeRegister) Samples.everyFrame().get(0);
            return new NodeRegister(Frames.newEventId(), Frames.now(), s.nodeId(), s.starknetAddress(), s.starknetPublicKey(),
                    s.authSignature(), s.hardwareSpec(), s.capabilityContract(), s.capabilities(), 2, "0.1.0");
        };
        HeartbeatSource heartbeat = () -> {
            heartbeatsBuilt++;
            return new NodeHeartbeat(Frames.newEventId(), Frames.now(), "node-001", 1.0, 2.0, 0, null, false);
        };
        ch = new EmbeddedChannel(new RelayFrameCodec(json, metrics), new RegistrationHandler(register, ACK_TIMEOUT),
                new HeartbeatHandler(heartbeat, INTERVAL, metrics), new RelayDispatchHandler(listener, state),
                new RelayExceptionHandler());
        ch.freezeTime();
    }

    private List<Object> outbound() {
        List<Object> out = new ArrayList<>();
        Object o;
        while ((o = ch.readOutbound()) != null) {
            out.add(o instanceof TextWebSocketFrame t ? json.readFrame(t.text()) : o);
        }
        return out;
    }

    private void inbound(WsMessage m) {
        ch.writeInbound(new TextWebSocketFrame(json.writeFrame(m)));
    }

    private NodeRegister handshakeAndRegister() {
        ch.pipeline().fireUserEventTriggered(ClientHandshakeStateEvent.HANDSHAKE_COMPLETE);
        List<Object> out = outbound();
        assertThat(out).hasSize(1).first().isInstanceOf(NodeRegister.class);
        return (NodeRegister) out.get(0);
    }

    @Test
    void registersOnHandshakeAndStartsHeartbeatsOnAck() {
        NodeRegister reg = handshakeAndRegister();
        inbound(new Ack(Frames.newEventId(), Frames.now(), reg.eventId(), true, "ok", List.of(Ack.FEATURE_RESULT_ACK)));
        assertThat(listener.registered).containsExactly(List.of(Ack.FEATURE_RESULT_ACK));
        assertThat(listener.acks).as("the registration ack is consumed").isEmpty();
        List<Object> first = outbound();
        assertThat(first).hasSize(3);
        assertThat(first.get(0)).isInstanceOf(NodeHeartbeat.class);
        assertThat(first.get(1)).isInstanceOf(PingWebSocketFrame.class);
        assertThat(first.get(2)).isInstanceOf(Ping.class);
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void heartbeatsFollowTheInterval() {
        NodeRegister reg = handshakeAndRegister();
        inbound(new Ack(Frames.newEventId(), Frames.now(), reg.eventId(), true, null, List.of()));
        outbound();
        ch.advanceTimeBy(INTERVAL.toMillis() - 1, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat(outbound()).isEmpty();
        ch.advanceTimeBy(1, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat(outbound()).hasSize(3).first().isInstanceOf(NodeHeartbeat.class);
        ch.advanceTimeBy(INTERVAL.toMillis() * 2, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat(heartbeatsBuilt).isGreaterThanOrEqualTo(3);
        ch.pipeline().fireUserEventTriggered(HeartbeatHandler.HEARTBEAT_NOW);
        assertThat(outbound()).filteredOn(NodeHeartbeat.class::isInstance).isNotEmpty();
    }

    @Test
    void noAckWithinTimeoutClosesWithReason() {
        handshakeAndRegister();
        ch.advanceTimeBy(ACK_TIMEOUT.toMillis() - 1, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat(ch.isOpen()).isTrue();
        ch.advanceTimeBy(1, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat(ch.isOpen()).isFalse();
        assertThat(CloseReason.of(ch)).contains("no ack of node_register");
        assertThat(listener.disconnects).hasSize(1);
        assertThat(heartbeatsBuilt).isZero();
    }

    @Test
    void refusedRegistrationCloses() {
        NodeRegister reg = handshakeAndRegister();
        inbound(new Ack(Frames.newEventId(), Frames.now(), reg.eventId(), false, "bad signature", List.of()));
        assertThat(ch.isOpen()).isFalse();
        assertThat(CloseReason.of(ch)).contains("refused").contains("bad signature");
        assertThat(listener.registered).isEmpty();
    }

    @Test
    void unknownEventTypeIsAnsweredWithErrorAndConnectionStays() {
        ch.writeInbound(new TextWebSocketFrame("{\"event_type\":\"galaxy_brain\",\"event_id\":\"x\",\"timestamp\":\"" + Frames.now() + "\"}"));
        List<Object> out = outbound();
        assertThat(out).hasSize(1);
        ErrorFrame e = (ErrorFrame) out.get(0);
        assertThat(e.errorCode()).isEqualTo("unknown_event_type");
        assertThat(e.errorMessage()).contains("galaxy_brain");
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void malformedInvalidAndBinaryFramesAreDroppedWithoutClosing() {
        ch.writeInbound(new TextWebSocketFrame("{not json"));
        ch.writeInbound(new TextWebSocketFrame("[1,2,3]"));
        ch.writeInbound(new TextWebSocketFrame("{\"event_type\":\"task_assigned\",\"event_id\":\"e\",\"timestamp\":\"now\"}"));
        ch.writeInbound(new BinaryWebSocketFrame(Unpooled.wrappedBuffer("x".getBytes(StandardCharsets.UTF_8))));
        assertThat(outbound()).isEmpty();
        assertThat(listener.tasks).isEmpty();
        assertThat(ch.isOpen()).isTrue();
        assertThat(metrics.scrape()).contains("smainer_daemon_relay_invalid_frames_total 4.0");
    }

    @Test
    void applicationPingIsAnsweredWithPong() {
        Ping ping = new Ping(Frames.newEventId(), "2026-01-01T00:00:00+00:00");
        inbound(ping);
        List<Object> out = outbound();
        assertThat(out).hasSize(1);
        assertThat(((Pong) out.get(0)).pingTimestamp()).isEqualTo(ping.timestamp());
    }

    @Test
    void tasksCancelsAndAcksReachTheListener() {
        TaskAssigned t = (TaskAssigned) Samples.everyFrame().get(3);
        inbound(t);
        inbound(new TaskCancel(Frames.newEventId(), Frames.now(), "task-1", "timeout"));
        inbound(new Ack(Frames.newEventId(), Frames.now(), "some-result-event", true, null, List.of()));
        inbound(new Pong(Frames.newEventId(), Frames.now(), Frames.now()));
        assertThat(listener.tasks).extracting(TaskAssigned::taskId).containsExactly("task-1");
        assertThat(listener.cancels).hasSize(1);
        assertThat(listener.acks).extracting(Ack::ackEventId).containsExactly("some-result-event");
        assertThat(state.lastHeartbeatAck()).isNotNull();
        assertThat(state.lastInbound()).isNotNull();
    }
}
