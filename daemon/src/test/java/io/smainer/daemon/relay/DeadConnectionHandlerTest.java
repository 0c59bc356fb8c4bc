package io.smainer.daemon.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** No inbound traffic for 2 × the heartbeat interval → the connection is declared dead and closed. */
class DeadConnectionHandlerTest {
    static final Duration DEAD = Duration.ofSeconds(60);

    private EmbeddedChannel channel() {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.freezeTime();
        ch.pipeline().addLast(HandlerNames.IDLE, new IdleStateHandler(DEAD.toMillis(), 0, 0, TimeUnit.MILLISECONDS));
        ch.pipeline().addLast(HandlerNames.DEAD_CONNECTION, new DeadConnectionHandler(DEAD));
        return ch;
    }

    @Test
    void silentPathIsDeclaredDeadAfterTheLimit() {
        EmbeddedChannel ch = channel();
        ch.advanceTimeBy(DEAD.toMillis() - 1, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat(ch.isOpen()).isTrue();
        ch.advanceTimeBy(1, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat(ch.isOpen()).isFalse();
        assertThat(CloseReason.of(ch)).contains("no inbound traffic for 60000 ms");
    }

    @Test
    void inboundTrafficKeepsTheConnection() {
        EmbeddedChannel ch = channel();
        for (int i = 0; i < 5; i++) {
            ch.advanceTimeBy(DEAD.toMillis() / 2, TimeUnit.MILLISECONDS);
            ch.runScheduledPendingTasks();
            ch.writeInbound("traffic");
            ch.readInbound();
        }
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void outboundTrafficAloneDoesNotKeepItAlive() {
        EmbeddedChannel ch = channel();
        for (int i = 0; i < 2; i++) {
            ch.writeOutbound("heartbeat");
            ch.readOutbound();
            ch.advanceTimeBy(DEAD.toMillis() / 2, TimeUnit.MILLISECONDS);
            ch.runScheduledPendingTasks();
        }
        assertThat(ch.isOpen()).isFalse();
    }
}
