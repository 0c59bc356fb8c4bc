package io.smainer.daemon.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.ssl.SslContextBuilder;
import io.smainer.daemon.health.DaemonMetrics;
import io.smainer.daemon.health.DaemonState;
import io.smainer.protocol.json.ProtocolJson;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The initializer builds exactly {@link HandlerNames#ORDER} (TLS first for wss). */
class HandlerOrderTest {

    private List<String> namesFor(URI uri, boolean tls) throws Exception {
        RelayChannelInitializer init = new RelayChannelInitializer(uri,
                tls ? SslContextBuilder.forClient().build() : null, new ProtocolJson(), new DaemonMetrics(),
                new DaemonState(Clock.systemUTC()), () -> null, () -> null, new RecordingListener(),
                Duration.ofSeconds(30), Duration.ofSeconds(30));
        // initChannel wants a SocketChannel (EmbeddedChannel is not one): an unregistered NIO channel
        // is enough to build the pipeline, nothing connects
        java.lang.reflect.Method m = RelayChannelInitializer.class.getDeclaredMethod("initChannel",
                io.netty.channel.socket.SocketChannel.class);
        m.setAccessible(true);
        io.netty.channel.socket.nio.NioSocketChannel sc = new io.netty.channel.socket.nio.NioSocketChannel();
        m.invoke(init, sc);
        List<String> names = new ArrayList<>(sc.pipeline().names());
        names.removeIf(n -> n.startsWith("DefaultChannelPipeline$TailContext"));
        sc.unsafe().closeForcibly();
        return names;
    }

    @Test
    void plainPipelineOrder() throws Exception {
        assertThat(namesFor(URI.create("ws://127.0.0.1:8000/ws/n"), false)).containsExactlyElementsOf(HandlerNames.ORDER);
    }

    @Test
    void tlsComesFirst() throws Exception {
        List<String> expected = new ArrayList<>(List.of(HandlerNames.TLS));
        expected.addAll(HandlerNames.ORDER);
        assertThat(namesFor(URI.create("wss://relay.example/ws/n"), true)).containsExactlyElementsOf(expected);
    }
}
