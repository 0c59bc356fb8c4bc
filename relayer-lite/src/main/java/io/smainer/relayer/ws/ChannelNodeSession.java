package io.smainer.relayer.ws;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.channel.ChannelFutureListener;
import io.smainer.protocol.json.ProtocolJson;
import io.smainer.protocol.wire.Ack;
import io.smainer.protocol.wire.ErrorFrame;
import io.smainer.protocol.wire.Frames;
import io.smainer.protocol.wire.WsMessage;
import io.smainer.relayer.schedule.NodeSession;
import io.smainer.relayer.schedule.Verdict;
import java.util.List;

/**
 * A node's WebSocket channel. Frames are serialized on the channel's own event loop, so the scheduler
 * thread only hands over records. {@code registered} flips once {@code node_register} was accepted.
 */
public final class ChannelNodeSession implements NodeSession {
    /** What the relayer offers in the registration ack (PROTOCOL.md §2, ours). */
    public static final List<String> FEATURES = List.of(Ack.FEATURE_STREAM, Ack.FEATURE_TASK_CANCEL, Ack.FEATURE_RESULT_ACK);

    private final Channel channel;
    private final String nodeId;
    private final ProtocolJson json;
    private volatile boolean registered;
    private volatile boolean registering;

    public ChannelNodeSession(Channel channel, String nodeId, ProtocolJson json) {
        this.channel = channel;
        this.nodeId = nodeId;
        this.json = json;
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public void send(WsMessage message) {
        if (!channel.isActive()) {
            return;
        }
        channel.eventLoop().execute(() -> {
            if (channel.isActive()) {
                channel.writeAndFlush(new TextWebSocketFrame(json.writeFrame(message)));
            }
        });
    }

    public void ack(String ackEventId, Verdict verdict, List<String> features) {
        send(new Ack(Frames.newEventId(), Frames.now(), ackEventId, verdict.success(), verdict.message(), features));
    }

    public void error(WsErrorCode code, String message) {
        send(new ErrorFrame(Frames.newEventId(), Frames.now(), code.wireName(), message));
    }

    @Override
    public void close(int code, String reason) {
        channel.eventLoop().execute(() -> {
            if (channel.isActive()) {
                channel.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(ChannelFutureListener.CLOSE);
            }
        });
    }

    /** False once the connection closed (it never reopens). */
    boolean isOpen() {
        return channel.isActive();
    }

    boolean isRegistered() {
        return registered;
    }

    void markRegistered() {
        registered = true;
    }

    /** True for the one caller that may run a registration now. */
    synchronized boolean beginRegistration() {
        if (registered || registering) {
            return false;
        }
        registering = true;
        return true;
    }

    synchronized void endRegistration() {
        registering = false;
    }

    @Override
    public String toString() {
        return "NodeSession[" + nodeId + ", " + channel.remoteAddress() + "]";
    }
}
