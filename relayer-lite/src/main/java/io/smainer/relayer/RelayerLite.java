package io.smainer.relayer;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultEventExecutor;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.smainer.protocol.callback.CallbackSecret;
import io.smainer.protocol.callback.CallbackSignature;
import io.smainer.protocol.json.ProtocolJson;
import io.smainer.protocol.stark.NodeAuth;
import io.smainer.protocol.stark.ResultProof;
import io.smainer.relayer.api.ApiAuth;
import io.smainer.relayer.api.ApiErrors;
import io.smainer.relayer.api.ApiRoutes;
import io.smainer.relayer.api.CallbackRoutes;
import io.smainer.relayer.api.ChainRoutes;
import io.smainer.relayer.api.HttpApiHandler;
import io.smainer.relayer.api.NodeRoutes;
import io.smainer.relayer.api.StatusRoutes;
import io.smainer.relayer.api.TaskRoutes;
import io.smainer.relayer.callback.CallbackBodies;
import io.smainer.relayer.callback.CallbackDispatcher;
import io.smainer.relayer.callback.CallbackUrlPolicy;
import io.smainer.relayer.callback.NettyCallbackClient;
import io.smainer.relayer.callback.OutboxRecovery;
import io.smainer.relayer.callback.RetryPolicy;
import io.smainer.relayer.config.DataDirectory;
import io.smainer.relayer.config.RelayerConfig;
import io.smainer.relayer.config.Secret;
import io.smainer.relayer.schedule.CompletionWindow;
import io.smainer.relayer.schedule.NodeOutcomes;
import io.smainer.relayer.schedule.NodeViews;
import io.smainer.relayer.schedule.Scheduler;
import io.smainer.relayer.schedule.SchedulerSettings;
import io.smainer.relayer.schedule.TaskRecovery;
import io.smainer.relayer.schedule.TimeoutSweep;
import io.smainer.relayer.store.SqliteTaskStore;
import io.smainer.relayer.ws.NodeAuthenticator;
import io.smainer.relayer.ws.NodeFrames;
import io.smainer.relayer.ws.RelayChannelInitializer;
import io.smainer.relayer.ws.ResultIntake;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Composition root of smainer-relayer-lite: {@link #start} builds the whole object graph with
 * constructors, in dependency order, and opens the port. The command line is {@link RelayerLiteCommand}.
 */
public final class RelayerLite {
    private static final Logger log = LoggerFactory.getLogger(RelayerLite.class);
    /** A node must send an accepted {@code node_register} this soon after the handshake (PROTOCOL.md §2: 30 s). */
    static final Duration REGISTRATION_TIMEOUT = Duration.ofSeconds(30);
    /** Dropped payloads and results leave the store files within this time. */
    static final long COMPACT_MILLIS = 1000;

    private RelayerLite() {}

    public static RunningRelayer start(RelayerConfig config, RelayerPlugins plugins) throws InterruptedException {
        DataDirectory dataDir = DataDirectory.lock(config.dataDir());
        try {
            return start(config, plugins, dataDir);
        } catch (RuntimeException | InterruptedException e) {
            dataDir.close();
            throw e;
        }
    }

    private static RunningRelayer start(RelayerConfig config, RelayerPlugins plugins, DataDirectory dataDir)
            throws InterruptedException {
        Secret apiKey = config.apiKey() != null ? config.apiKey() : generatedApiKey(config, dataDir, plugins.out());
        Secret callbackSecret = config.callbackSecret() != null ? config.callbackSecret()
                : dataDir.secretFile(DataDirectory.CALLBACK_SECRET);
        ProtocolJson json = new ProtocolJson();
        SqliteTaskStore store = SqliteTaskStore.open(dataDir.path(), COMPACT_MILLIS);
        ChainComponents chain;
        try {
            chain = ChainComponents.of(config, dataDir.path(), plugins.crypto(), plugins.clock(), store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        DefaultEventExecutor loop = new DefaultEventExecutor(new DefaultThreadFactory("scheduler"));
        ExecutorService verifyPool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
                new DefaultThreadFactory("verify", true));

        CallbackBodies bodies = new CallbackBodies(json.mapper());
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        CallbackDispatcher callbacks = new CallbackDispatcher(
                new NettyCallbackClient(new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("callback-io", true), io),
                        epoll ? EpollSocketChannel.class : NioSocketChannel.class, Duration.ofSeconds(5),
                        CallbackDispatcher.REQUEST_TIMEOUT),
                new CallbackSignature(CallbackSecret.of(callbackSecret.reveal()), plugins.clock()), store,
                RetryPolicy.standard(), plugins.clock(), config.resultTtl(),
                Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("callbacks", true)));
        CompletionWindow completions = new CompletionWindow();
        Scheduler scheduler = new Scheduler(store, callbacks, bodies, chain.settlement(), plugins.clock(), loop,
                new SchedulerSettings(config.heartbeatTimeout(), config.assignmentTimeout(), config.maxAttempts(),
                        config.resultTtl()), completions);
        loop.submit(() -> new TaskRecovery(store, json, scheduler).run()).syncUninterruptibly();
        new OutboxRecovery(store, bodies, callbacks).run();
        loop.scheduleAtFixedRate(new TimeoutSweep(scheduler), 1, 1, TimeUnit.SECONDS);
        loop.scheduleAtFixedRate(() -> store.dropExpiredResults(plugins.clock().millis()), 1, 1, TimeUnit.SECONDS);

        NodeFrames frames = new NodeFrames(scheduler,
                new NodeAuthenticator(new NodeAuth(plugins.crypto()), chain.keyPolicy, store, plugins.clock(), verifyPool),
                new ResultIntake(scheduler, new NodeOutcomes(scheduler), new ResultProof(plugins.crypto()), store, loop,
                        verifyPool),
                callbacks, bodies, plugins.clock(), loop);
        CallbackUrlPolicy urls = CallbackUrlPolicy.system(config.devnet());
        HttpApiHandler api = new HttpApiHandler(new ApiRoutes(new ApiAuth(apiKey),
                new TaskRoutes(json, urls, chain.payments, store, scheduler, loop, plugins.clock()),
                new CallbackRoutes(json, urls, store, callbacks, bodies, scheduler, loop, plugins.clock()),
                new NodeRoutes(json, new NodeViews(scheduler), loop),
                new StatusRoutes(json, store, scheduler, completions, plugins.clock(), chain.healthDetail()),
                new ChainRoutes(json, chain.gateway, chain.devnetThread)), new ApiErrors(json));

        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("accept"), io);
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory("io"), io);
        Class<? extends ServerChannel> channelType = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        Channel server;
        try {
            server = new ServerBootstrap().group(boss, workers).channel(channelType)
                    .option(ChannelOption.SO_BACKLOG, 4096)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new RelayChannelInitializer(json, frames, api, REGISTRATION_TIMEOUT))
                    .bind(config.host(), config.port()).sync().channel();
        } catch (Exception e) {
            if (e instanceof InterruptedException ie) {
                throw ie;
            }
            boss.shutdownGracefully();
            workers.shutdownGracefully();
            loop.shutdownGracefully();
            chain.close();
            store.close();
            throw new ServiceUnavailableException("cannot listen on " + config.host() + ":" + config.port() + ": "
                    + e.getMessage() + " (is another process using the port? choose --port, or 0 for a free one)", e);
        }
        int port = ((InetSocketAddress) server.localAddress()).getPort();
        chain.started(config.host(), port);
        chain.printDevnetAccounts(plugins.out());
        dataDir.writeEndpoint(config.host(), port);
        log.info("relayer-lite listening: http=http://{}:{}{} ws=ws://{}:{} data-dir={} devnet={} chain={}"
                        + " require-payment={} onchain-key={}", config.host(), port, ApiRoutes.BASE, config.host(), port,
                dataDir.path(), config.devnet(), config.chain(), config.requirePayment(), config.enforceOnchainKey());
        return new RunningRelayer(server, boss, workers, loop, verifyPool, callbacks, store, chain, dataDir, apiKey,
                callbackSecret, port);
    }

    private static Secret generatedApiKey(RelayerConfig config, DataDirectory dataDir, java.io.PrintStream out) {
        java.nio.file.Path file = dataDir.path().resolve(DataDirectory.API_KEY);
        if (!config.devnet() && !java.nio.file.Files.exists(file)) {
            throw new io.smainer.relayer.config.ConfigException("--api-key or SMAINER_API_KEY is required with"
                    + " --devnet=false (or put a key of at least 16 characters into " + file + ", mode 0600)");
        }
        Secret key = dataDir.secretFile(DataDirectory.API_KEY);
        out.println("API key file: " + file.toAbsolutePath() + " (send it as Authorization: Bearer <key>)");
        return key;
    }

    public static void main(String[] args) {
        System.exit(RelayerLiteCommand.commandLine(System.out, System.err, System.getenv()).execute(args));
    }
}
