package io.smainer.relayer.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.smainer.protocol.json.ProtocolJson;
import io.smainer.protocol.wire.ErrorFrame;
import io.smainer.protocol.wire.Frames;
import io.smainer.protocol.wire.NodeHeartbeat;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Frame handling before registration, without sockets: the paths that never reach the scheduler. */
class NodeSessionHandlerTest {
    final ProtocolJson json = new ProtocolJson();
    EmbeddedChannel ch;

    @BeforeEach
    void handshake() {
        ch = new EmbeddedChannel(new NodeSessionHandler(json, null, Duration.ofSeconds(30)));
        ch.attr(NodeSessionHandler.NODE_ID).set("node-1");
        ch.pipeline().fireUserEventTriggered(new WebSocketServerProtocolHandler.HandshakeComplete("/ws/node-1",
                new DefaultHttpHeaders(), null));
    }

    ErrorFrame nextError() {
        ch.runPendingTasks();
        TextWebSocketFrame f = ch.readOutbound();
        assertThat(f).as("an error frame").isNotNull();
        try {
            return (ErrorFrame) json.readFrame(f.text());
        } finally {
            f.release();
        }
    }

    @Test
    void unknownEventTypesAndMalformedFramesGetErrorFramesAndTheChannelStaysOpen() {
        ch.writeInbound(new TextWebSocketFrame("{\"event_type\":\"warp\",\"event_id\":\"e\",\"timestamp\":\"" + Frames.now() + "\"}"));
        assertThat(nextError().errorCode()).isEqualTo("unknown_event_type");
        ch.writeInbound(new TextWebSocketFrame("[1,2"));
        assertThat(nextError().errorCode()).isEqualTo("malformed_json");
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void framesBeforeRegistrationAreRefused() {
        ch.writeInbound(new TextWebSocketFrame(json.writeFrame(new NodeHeartbeat(Frames.newEventId(), Frames.now(), "node-1",
                1, 1, 0, null, false))));
        ErrorFrame e = nextError();
        assertThat(e.errorCode()).isEqualTo("not_registered");
        assertThat(e.errorMessage()).contains("node_register");
    }

    @Test
    void aConnectionThatNeverRegistersIsClosedAfterTheRegistrationTimeout() {
        ch.advanceTimeBy(29, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        ch.runPendingTasks();
        assertThat((Object) ch.readOutbound()).isNull();
        ch.advanceTimeBy(2, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        ch.runPendingTasks();
        CloseWebSocketFrame close = ch.readOutbound();
        assertThat(close.statusCode()).isEqualTo(1008);
        close.release();
        assertThat(ch.isOpen()).isFalse();
    }
}
