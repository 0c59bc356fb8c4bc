package io.smainer.relayer;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import io.smainer.relayer.callback.CallbackDispatcher;
import io.smainer.relayer.config.DataDirectory;
import io.smainer.relayer.config.Secret;
import io.smainer.relayer.store.SqliteTaskStore;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A started relayer and its ordered shutdown: stop accepting, close node connections (their tasks are
 * re-queued durably), drain the scheduler, stop settling (open settlements resume from the store) and
 * the embedded devnet, stop callbacks (the outbox keeps what is undelivered), commit and close the store, remove {@code endpoint.json}, release the data-dir lock.
 */
public final class RunningRelayer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RunningRelayer.class);

    private final Channel server;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final EventExecutor loop;
    private final ExecutorService verifyPool;
    private final CallbackDispatcher callbacks;
    private final SqliteTaskStore store;
    private final ChainComponents chain;
    private final DataDirectory dataDir;
    private final Secret apiKey;
    private final Secret callbackSecret;
    private final int port;
    private final CountDownLatch closed = new CountDownLatch(1);
    private boolean closing;

    RunningRelayer(Channel server, EventLoopGroup boss, EventLoopGroup workers, EventExecutor loop, ExecutorService verifyPool,
                   CallbackDispatcher callbacks, SqliteTaskStore store, ChainComponents chain, DataDirectory dataDir, Secret apiKey,
                   Secret callbackSecret, int port) {
        this.server = server;
        this.boss = boss;
        this.workers = workers;
        this.loop = loop;
        this.verifyPool = verifyPool;
        this.callbacks = callbacks;
        this.store = store;
        this.chain = chain;
        this.dataDir = dataDir;
        this.apiKey = apiKey;
        this.callbackSecret = callbackSecret;
        this.port = port;
    }

    public int port() {
        return port;
    }

    public Secret apiKey() {
        return apiKey;
    }

    public Secret callbackSecret() {
        return callbackSecret;
    }

    public Path dataDir() {
        return dataDir.path();
    }

    /** The chain connection, or null when no chain is configured (tests read devnet addresses from it). */
    public io.smainer.relayer.chain.ChainGateway chain() {
        return chain.gateway;
    }

    public SqliteTaskStore store() {
        return store;
    }

    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
        }
        long started = System.nanoTime();
        try {
            server.close().syncUninterruptibly();
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            loop.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            verifyPool.shutdown();
            verifyPool.awaitTermination(5, TimeUnit.SECONDS);
            chain.close();
            callbacks.close();
            store.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            dataDir.deleteEndpoint();
            dataDir.close();
            log.info("relayer-lite stopped in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            closed.countDown();
        }
    }
}
