package io.smainer.relayer.callback;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The per-connection response handling of {@link NettyCallbackClient}, without sockets. */
class CallbackResponseHandlerTest {
    final CallbackResponseHandler handler = new CallbackResponseHandler();
    final AtomicInteger reusable = new AtomicInteger();
    EmbeddedChannel ch;

    @BeforeEach
    void channel() {
        ch = new EmbeddedChannel(handler);
        ch.freezeTime();
    }

    CompletableFuture<Integer> begin(boolean reused) {
        CompletableFuture<Integer> f = new CompletableFuture<>();
        handler.begin(f, reused, Duration.ofSeconds(10), reusable::incrementAndGet);
        return f;
    }

    static FullHttpResponse response(HttpResponseStatus status, boolean close) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer("{\"ok\":true}", StandardCharsets.UTF_8));
        if (close) {
            r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return r;
    }

    @Test
    void statusCompletesAtTheHeadAndTheConnectionIsReusedAfterTheBody() {
        CompletableFuture<Integer> f = begin(false);
        ch.writeInbound(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        assertThat(f).isCompletedWithValue(200);
        assertThat(reusable).hasValue(0);
        ch.writeInbound(new DefaultLastHttpContent(Unpooled.copiedBuffer("{}", StandardCharsets.UTF_8)));
        assertThat(reusable).hasValue(1);
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void nonSuccessStatusIsAnAnswerToo() {
        CompletableFuture<Integer> f = begin(false);
        ch.writeInbound(response(HttpResponseStatus.SERVICE_UNAVAILABLE, false));
        assertThat(f).isCompletedWithValue(503);
        assertThat(reusable).hasValue(1);
    }

    @Test
    void connectionCloseFromTheReceiverIsHonoured() {
        CompletableFuture<Integer> f = begin(false);
        ch.writeInbound(response(HttpResponseStatus.OK, true));
        assertThat(f).isCompletedWithValue(200);
        assertThat(reusable).hasValue(0);
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void closeBeforeTheHeadFailsTheRequest() {
        CompletableFuture<Integer> f = begin(false);
        ch.close();
        assertThat(f).isCompletedExceptionally();
        assertThat(f.handle((v, e) -> e).join()).isNotInstanceOf(NettyCallbackClient.StaleConnectionException.class);
    }

    @Test
    void aPooledConnectionClosedBeforeTheHeadIsStale() {
        CompletableFuture<Integer> f = begin(true);
        ch.close();
        assertThat(f.handle((v, e) -> e).join()).isInstanceOf(NettyCallbackClient.StaleConnectionException.class);
    }

    @Test
    void timeoutFailsTheRequestAndClosesTheConnection() {
        CompletableFuture<Integer> f = begin(false);
        ch.advanceTimeBy(9, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        assertThat(f).isNotDone();
        ch.advanceTimeBy(2, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        assertThat(f.handle((v, e) -> e).join()).isInstanceOf(SocketTimeoutException.class);
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void aCompletedRequestDoesNotTimeOutLater() {
        CompletableFuture<Integer> f = begin(false);
        ch.writeInbound(response(HttpResponseStatus.OK, false));
        ch.advanceTimeBy(20, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        assertThat(f).isCompletedWithValue(200);
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void aResponseNobodyAskedForClosesTheConnection() {
        ch.writeInbound(response(HttpResponseStatus.OK, false));
        assertThat(ch.isOpen()).isFalse();
    }
}
