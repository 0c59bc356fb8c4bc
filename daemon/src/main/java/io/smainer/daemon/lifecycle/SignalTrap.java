package io.smainer.daemon.lifecycle;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM/SIGINT handling: the first signal asks for a graceful drain, the second for an immediate
 * stop. A JVM shutdown hook cannot tell a second SIGTERM apart, so this installs signal handlers
 * ({@code sun.misc.Signal}, module jdk.unsupported) instead.
 */
public final class SignalTrap {
    private static final Logger log = LoggerFactory.getLogger(SignalTrap.class);

    private final CountDownLatch first = new CountDownLatch(1);
    private final CountDownLatch second = new CountDownLatch(1);
    private final AtomicInteger count = new AtomicInteger();

    public void install() {
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), s -> signal("SIG" + name));
        }
    }

    /** Also what tests call instead of sending a real signal. */
    public void signal(String name) {
        int n = count.incrementAndGet();
        if (n == 1) {
            log.info("{} received: draining (a second signal stops at once)", name);
            first.countDown();
        } else {
            log.warn("{} received again: cancelling running tasks and stopping now", name);
            second.countDown();
        }
    }

    public void awaitFirst() throws InterruptedException {
        first.await();
    }

    /** Waits up to {@code ms} for a second signal; true when it came. */
    public boolean awaitSecond(long ms) throws InterruptedException {
        return second.await(ms, TimeUnit.MILLISECONDS);
    }

    public boolean secondReceived() {
        return second.getCount() == 0;
    }
}
