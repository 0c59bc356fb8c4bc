package io.smainer.relayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import io.netty.util.ReferenceCountUtil;
import io.smainer.protocol.callback.CallbackSecret;
import io.smainer.protocol.callback.CallbackSignature;
import io.smainer.relayer.callback.NettyCallbackClient;
import io.smainer.testkit.CallbackReceiver;
import io.smainer.relayer.testkit.InProcessRelayer;
import io.smainer.relayer.testkit.RelayerProcess;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link NettyCallbackClient} against a real HTTP receiver on loopback. */
class NettyCallbackClientIT {
    final NettyCallbackClient client = new NettyCallbackClient(new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory()),
            NioSocketChannel.class, Duration.ofSeconds(2), Duration.ofSeconds(5));

    @AfterEach
    void close() {
        client.close();
    }

    static Map<String, String> signed(byte[] body) {
        var s = new CallbackSignature(CallbackSecret.of(InProcessRelayer.CALLBACK_SECRET), Clock.systemUTC()).sign(body);
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        h.put(CallbackSignature.TIMESTAMP_HEADER, s.timestamp());
        h.put(CallbackSignature.SIGNATURE_HEADER, s.signature());
        h.put(CallbackSignature.EVENT_ID_HEADER, "evt-1");
        h.put(CallbackSignature.DELIVERY_ATTEMPT_HEADER, "1");
        return h;
    }

    @Test
    void postsSignedBodiesOverKeptAliveConnections() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver(InProcessRelayer.CALLBACK_SECRET)) {
            for (int i = 0; i < 20; i++) {
                byte[] body = ("{\"task_id\":\"t-" + i + "\",\"status\":\"completed\"}").getBytes(StandardCharsets.UTF_8);
                assertThat(client.post(URI.create(receiver.url("/cb?x=1")), signed(body), body).get(10, TimeUnit.SECONDS))
                        .isEqualTo(200);
            }
            assertThat(receiver.received).hasSize(20).allSatisfy(r -> {
                assertThat(r.verdict().accepted()).isTrue();
                assertThat(r.path()).isEqualTo("/cb");
                assertThat(r.eventId()).isEqualTo("evt-1");
            });
        }
    }

    @Test
    void passesTheReceiversStatusOn() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver(InProcessRelayer.CALLBACK_SECRET).answering(n -> n == 1 ? 503 : 200)) {
            byte[] body = "{\"status\":\"completed\"}".getBytes(StandardCharsets.UTF_8);
            assertThat(client.post(URI.create(receiver.url("/cb")), signed(body), body).get(10, TimeUnit.SECONDS)).isEqualTo(503);
            assertThat(client.post(URI.create(receiver.url("/cb")), signed(body), body).get(10, TimeUnit.SECONDS)).isEqualTo(200);
            Map<String, String> unsigned = new LinkedHashMap<>(signed(body));
            unsigned.put(CallbackSignature.SIGNATURE_HEADER, "v1=00");
            assertThat(client.post(URI.create(receiver.url("/cb")), unsigned, body).get(10, TimeUnit.SECONDS)).isEqualTo(401);
        }
    }

    @Test
    void aClosedPortFailsWithAConnectError() throws Exception {
        int port = RelayerProcess.freePort();
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        CompletableFuture<Integer> f = client.post(URI.create("http://127.0.0.1:" + port + "/cb"), signed(body), body);
        Throwable e = f.handle((v, t) -> t).get(10, TimeUnit.SECONDS);
        assertThat(e).isInstanceOf(ConnectException.class);
    }

    /** https is TLS with certificate checks: a self-signed receiver is refused, no request reaches it. */
    @Test
    void httpsRefusesAnUntrustedCertificate() throws Exception {
        SelfSignedCertificate cert = new SelfSignedCertificate("localhost");
        SslContext serverTls = SslContextBuilder
                .forServer(cert.certificate(), cert.privateKey()).build();
        AtomicInteger requests = new AtomicInteger();
        var group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            Channel server = new ServerBootstrap().group(group)
                    .channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            ch.pipeline().addLast(serverTls.newHandler(ch.alloc()), new HttpServerCodec(),
                                    new ChannelInboundHandlerAdapter() {
                                        @Override
                                        public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                            requests.incrementAndGet();
                                            ReferenceCountUtil.release(msg);
                                        }
                                    });
                        }
                    }).bind("127.0.0.1", 0).sync().channel();
            int port = ((InetSocketAddress) server.localAddress()).getPort();
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            Throwable e = client.post(URI.create("https://localhost:" + port + "/cb"), signed(body), body)
                    .handle((v, t) -> t).get(10, TimeUnit.SECONDS);
            assertThat(e).isNotNull();
            assertThat(e).isInstanceOfAny(SSLException.class, DecoderException.class);
            assertThat(requests).hasValue(0);
            server.close().sync();
        } finally {
            group.shutdownGracefully();
            cert.delete();
        }
    }

    @Test
    void aReceiverThatRestartedBetweenRequestsIsReachedOnANewConnection() throws Exception {
        byte[] body = "{\"status\":\"completed\"}".getBytes(StandardCharsets.UTF_8);
        int port;
        try (CallbackReceiver first = new CallbackReceiver(InProcessRelayer.CALLBACK_SECRET)) {
            port = URI.create(first.url("/")).getPort();
            assertThat(client.post(URI.create(first.url("/cb")), signed(body), body).get(10, TimeUnit.SECONDS)).isEqualTo(200);
        } // the pooled connection is now closed by the receiver
        Throwable e = client.post(URI.create("http://127.0.0.1:" + port + "/cb"), signed(body), body)
                .handle((v, t) -> t).get(10, TimeUnit.SECONDS);
        assertThat(e).as("no receiver on the port any more: a connect error, not a stale-connection error")
                .isInstanceOf(ConnectException.class);
    }
}
