package io.smainer.relayer.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.smainer.protocol.json.CanonicalJson;
import io.smainer.protocol.json.ProtocolJson;
import io.smainer.protocol.stark.Felts;
import io.smainer.protocol.stark.NodeAuth;
import io.smainer.protocol.stark.ResultProof;
import io.smainer.protocol.stark.StarkPrivateKey;
import io.smainer.protocol.stark.StarkSignature;
import io.smainer.protocol.wire.Ack;
import io.smainer.protocol.wire.CapabilityContract;
import io.smainer.protocol.wire.Frames;
import io.smainer.protocol.wire.HardwareSpec;
import io.smainer.protocol.wire.NodeHeartbeat;
import io.smainer.protocol.wire.NodeRegister;
import io.smainer.protocol.wire.Ping;
import io.smainer.protocol.wire.Pong;
import io.smainer.protocol.wire.TaskAssigned;
import io.smainer.protocol.wire.TaskCompleted;
import io.smainer.protocol.wire.WsMessage;
import java.math.BigInteger;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A simulated provider node over a real socket (Netty WebSocket client): registers with a real Stark
 * signature, answers pings, and either completes every assignment at once with a valid signed result
 * ({@code autoComplete}) or leaves assignments in {@link #inbox} for the test.
 */
public final class SimNode implements AutoCloseable {
    private final String nodeId;
    private final String address;
    private final StarkPrivateKey key;
    private final ProtocolJson json;
    private final ResultProof proof = new ResultProof(TestKeys.CRYPTO);
    private final NodeAuth auth = new NodeAuth(TestKeys.CRYPTO);
    private final Map<String, CompletableFuture<Ack>> acks = new ConcurrentHashMap<>();
    public final BlockingQueue<WsMessage> inbox = new LinkedBlockingQueue<>();
    public final CompletableFuture<Integer> closedWith = new CompletableFuture<>();
    private volatile boolean autoComplete;
    private volatile boolean silent;
    private volatile Consumer<TaskAssigned> onAssigned = t -> { };
    private Channel channel;

    public SimNode(String nodeId, String address, StarkPrivateKey key, ProtocolJson json) {
        this.nodeId = nodeId;
        this.address = address;
        this.key = key;
        this.json = json;
    }

    public static SimNode of(String nodeId) {
        return new SimNode(nodeId, TestKeys.ADDRESS, TestKeys.KEY, new ProtocolJson());
    }

    public String nodeId() {
        return nodeId;
    }

    public SimNode autoComplete(boolean on) {
        this.autoComplete = on;
        return this;
    }

    /** A hung node: reads frames but answers nothing, not even pings. */
    public SimNode silent(boolean on) {
        this.silent = on;
        return this;
    }

    public SimNode onAssigned(Consumer<TaskAssigned> listener) {
        this.onAssigned = listener;
        return this;
    }

    public SimNode connect(EventLoopGroup group, int port) throws InterruptedException {
        return connect(group, port, "/ws/" + nodeId);
    }

    public SimNode connect(EventLoopGroup group, int port, String path) throws InterruptedException {
        URI uri = URI.create("ws://127.0.0.1:" + port + path);
        CompletableFuture<Void> handshake = new CompletableFuture<>();
        channel = new Bootstrap().group(group).channel(NioSocketChannel.class).handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 20),
                        new WebSocketClientProtocolHandler(WebSocketClientHandshakerFactory.newHandshaker(uri,
                                WebSocketVersion.V13, null, false, new DefaultHttpHeaders(), 16 << 20), false),
                        new Reader(handshake));
            }
        }).connect(uri.getHost(), uri.getPort()).sync().channel();
        handshake.orTimeout(10, TimeUnit.SECONDS).join();
        return this;
    }

    public NodeRegister registerFrame(String timestamp, StarkPrivateKey signer, int maxConcurrent, List<String> models) {
        StarkSignature sig = auth.sign(signer, nodeId, address, timestamp);
        CapabilityContract caps = new CapabilityContract("1.0", models, List.of(), timestamp);
        HardwareSpec hw = new HardwareSpec(List.of(), 0, 16, 8, null, 100, false, null, "x86_64", "linux", false);
        return new NodeRegister(Frames.newEventId(), timestamp, nodeId, address, Felts.toHex(key.publicKey()), sig, hw,
                caps, null, maxConcurrent, "sim-0.1");
    }

    /** Registers with a fresh timestamp; completes with the relayer's ack. */
    public Ack register(int maxConcurrent) {
        return sendAndAwaitAck(registerFrame(Frames.now(), key, maxConcurrent, List.of("llama3.1:8b")));
    }

    public Ack sendAndAwaitAck(WsMessage m) {
        CompletableFuture<Ack> ack = new CompletableFuture<>();
        acks.put(m.eventId(), ack);
        send(m);
        return ack.orTimeout(15, TimeUnit.SECONDS).join();
    }

    public CompletableFuture<Ack> expectAck(String eventId) {
        return acks.computeIfAbsent(eventId, k -> new CompletableFuture<>());
    }

    public void send(WsMessage m) {
        sendRaw(json.writeFrame(m));
    }

    public void sendRaw(String text) {
        channel.writeAndFlush(new TextWebSocketFrame(text));
    }

    public void heartbeat() {
        send(new NodeHeartbeat(Frames.newEventId(), Frames.now(), nodeId, 1.0, 10.0, 0, null, false));
    }

    /** A valid result frame for an assignment: result hash over canonical JSON, signed proof. */
    public TaskCompleted completion(TaskAssigned t, JsonNode result) {
        BigInteger hash = CanonicalJson.sha256ModP(result);
        StarkSignature sig = proof.sign(key, ResultProof.taskIdFelt(t.taskId(), t.onChainTaskId()),
                Felts.parse("address", address), hash);
        return new TaskCompleted(Frames.newEventId(), Frames.now(), t.taskId(), result, 0.01, hash, sig, null);
    }

    public JsonNode resultFor(TaskAssigned t) {
        ObjectNode r = json.mapper().createObjectNode();
        r.put("status", "success").put("echo", t.taskId());
        return r;
    }

    public <T extends WsMessage> T next(Class<T> type, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            WsMessage m = inbox.poll(50, TimeUnit.MILLISECONDS);
            if (type.isInstance(m)) {
                return type.cast(m);
            }
        }
        throw new AssertionError(nodeId + ": no " + type.getSimpleName() + " within " + seconds + " s");
    }

    public boolean isOpen() {
        return channel != null && channel.isActive();
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.close().syncUninterruptibly();
        }
    }

    private final class Reader extends SimpleChannelInboundHandler<WebSocketFrame> {
        private final CompletableFuture<Void> handshake;

        Reader(CompletableFuture<Void> handshake) {
            this.handshake = handshake;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                handshake.complete(null);
            }
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof CloseWebSocketFrame c) {
                closedWith.complete(c.statusCode());
                return;
            }
            if (!(frame instanceof TextWebSocketFrame text)) {
                return;
            }
            WsMessage m = json.readFrame(text.text());
            if (m instanceof Ping p) {
                if (silent) {
                    return;
                }
                send(new Pong(Frames.newEventId(), Frames.now(), p.timestamp()));
                return;
            }
            if (m instanceof Ack a) {
                acks.computeIfAbsent(a.ackEventId(), k -> new CompletableFuture<>()).complete(a);
            }
            if (m instanceof TaskAssigned t) {
                onAssigned.accept(t);
                if (autoComplete) {
                    send(completion(t, resultFor(t)));
                    return;
                }
            }
            inbox.add(m);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            handshake.completeExceptionally(new IllegalStateException("closed before the handshake"));
            closedWith.complete(-1);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            handshake.completeExceptionally(cause);
            ctx.close();
        }
    }
}
