package io.smainer.daemon.relay;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.smainer.daemon.task.OutboxEntry;
import io.smainer.daemon.task.ResultLink;
import io.smainer.protocol.wire.Ack;
import io.smainer.protocol.wire.WsMessage;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The currently registered relay connection, as the task side sees it. Results written while no
 * connection is registered stay in the outbox and go out after the next registration.
 */
public final class RelayLink implements ResultLink {
    private static final Logger log = LoggerFactory.getLogger(RelayLink.class);

    private final Consumer<String> onSent;
    private volatile Channel registered;
    private volatile List<String> features = List.of();
    private volatile java.time.Instant registeredAt;

    /** @param onSent called with the event id once a result frame was written to the socket */
    public RelayLink(Consumer<String> onSent) {
        this.onSent = onSent;
    }

    public void registered(Channel channel, List<String> features) {
        this.features = List.copyOf(features);
        this.registeredAt = java.time.Instant.now();
        this.registered = channel;
    }

    /** How long {@code channel} was registered; zero when it never was. */
    java.time.Duration registeredFor(Channel channel) {
        java.time.Instant at = registeredAt;
        return registered == channel && at != null ? java.time.Duration.between(at, java.time.Instant.now())
                : java.time.Duration.ZERO;
    }

    public void disconnected(Channel channel) {
        if (registered == channel) {
            registered = null;
        }
    }

    public Channel channel() {
        return registered;
    }

    @Override
    public void send(OutboxEntry entry) {
        Channel ch = registered;
        if (ch == null || !ch.isActive()) {
            log.debug("relay: result of task {} waits in the outbox for a connection", entry.taskId());
            return;
        }
        ch.writeAndFlush(new TextWebSocketFrame(entry.frame())).addListener(f -> {
            if (f.isSuccess()) {
                log.info("relay: sent {} of task {} (event_id={})", entry.eventType(), entry.taskId(), entry.eventId());
                onSent.accept(entry.eventId());
            } else {
                log.info("relay: sending the result of task {} failed; it stays in the outbox", entry.taskId());
            }
        });
    }

    @Override
    public boolean sendNow(WsMessage message) {
        Channel ch = registered;
        if (ch == null || !ch.isActive()) {
            return false;
        }
        ch.writeAndFlush(message);
        return true;
    }

    @Override
    public boolean supports(String feature) {
        return registered != null && features.contains(feature);
    }

    @Override
    public boolean relayerAcksResults() {
        return features.contains(Ack.FEATURE_RESULT_ACK);
    }
}
