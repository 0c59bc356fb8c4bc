package io.smainer.daemon.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny loopback WebSocket peer for protocol-level tests of the daemon's client (malformed,
 * oversized and unknown frames, missing acks). It is not a relayer: it acks {@code node_register}
 * when told to and otherwise only records and sends what the test says.
 */
public final class LoopbackRelayServer implements AutoCloseable {
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel server;
    private final ObjectMapper json = new ObjectMapper();
    private volatile boolean ackRegistration = true;
    public final List<JsonNode> received = new CopyOnWriteArrayList<>();
    public final List<Channel> connections = new CopyOnWriteArrayList<>();

    public LoopbackRelayServer() {
        this(null);
    }

    /** With {@code tls} non-null the peer speaks wss:// with that server context. */
    public LoopbackRelayServer(io.netty.handler.ssl.SslContext tls) {
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (tls != null) {
                            ch.pipeline().addLast(tls.newHandler(ch.alloc()));
                        }
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
                                new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                                        .websocketPath("/ws").checkStartsWith(true).maxFramePayloadLength(32 << 20).build()),
                                new Peer());
                    }
                }).bind("127.0.0.1", 0).syncUninterruptibly().channel();
    }

    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    public void ackRegistration(boolean ack) {
        ackRegistration = ack;
    }

    public Channel latest() {
        return connections.get(connections.size() - 1);
    }

    public void send(String text) {
        latest().writeAndFlush(new TextWebSocketFrame(text)).syncUninterruptibly();
    }

    /** Sends without waiting: the daemon may close the connection while it receives (oversized frames). */
    public void sendAndForget(String text) {
        latest().writeAndFlush(new TextWebSocketFrame(text));
    }

    public void send(WebSocketFrame frame) {
        latest().writeAndFlush(frame).syncUninterruptibly();
    }

    public long count(String eventType) {
        return received.stream().filter(n -> eventType.equals(n.path("event_type").asText())).count();
    }

    private final class Peer extends SimpleChannelInboundHandler<TextWebSocketFrame> {
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
                connections.add(ctx.channel());
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) throws Exception {
            JsonNode n = json.readTree(frame.text());
            received.add(n);
            if (ackRegistration && "node_register".equals(n.path("event_type").asText())) {
                ctx.writeAndFlush(new TextWebSocketFrame(json.createObjectNode().put("event_type", "ack")
                        .put("event_id", UUID.randomUUID().toString()).put("timestamp", "2026-01-01T00:00:00+00:00")
                        .put("ack_event_id", n.get("event_id").asText()).put("success", true).toString()));
            }
        }
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
