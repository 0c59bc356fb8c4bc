package io.smainer.cli.doctor;

import io.smainer.protocol.json.ProtocolJson;
import io.smainer.protocol.wire.Ack;
import io.smainer.protocol.wire.ErrorFrame;
import io.smainer.protocol.wire.Frames;
import io.smainer.protocol.wire.NodeRegister;
import io.smainer.protocol.wire.TaskAssigned;
import io.smainer.protocol.wire.TaskErrorCode;
import io.smainer.protocol.wire.TaskFailed;
import io.smainer.protocol.wire.WsMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One real {@code node_register} round trip over {@code java.net.http.WebSocket} (PROTOCOL.md §2):
 * connect, send the signed registration, wait for the {@code ack} that answers it, close. The session
 * takes no work: a {@code task_assigned} that races in is answered with {@code task_failed CAPACITY}, which
 * the relayer retries on another node.
 */
public final class NodeRegisterProbe {
    /** What the relayer answered: {@code accepted} with its message and features, or why not. */
    public record Outcome(boolean accepted, String message, java.util.List<String> features) {}

    private final ProtocolJson json = new ProtocolJson();
    private final Duration timeout;

    public NodeRegisterProbe(Duration timeout) {
        this.timeout = timeout;
    }

    /** @throws ProbeException when no connection or no answer came (the message says which) */
    public Outcome register(URI wsUrl, NodeRegister frame) {
        BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
        WebSocket ws;
        try {
            ws = HttpClient.newBuilder().connectTimeout(timeout).build().newWebSocketBuilder().connectTimeout(timeout)
                    .buildAsync(wsUrl, new Listener(inbox)).get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            throw new ProbeException("WebSocket handshake with " + wsUrl + " failed: " + c.getClass().getSimpleName()
                    + (c.getMessage() == null ? "" : " " + c.getMessage()));
        } catch (TimeoutException e) {
            throw new ProbeException("WebSocket handshake with " + wsUrl + " got no answer within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProbeException("interrupted");
        }
        try {
            ws.sendText(json.writeFrame(frame), true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            long deadline = System.nanoTime() + timeout.toNanos();
            String lastError = null;
            while (true) {
                Object m = inbox.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (m == null) {
                    throw new ProbeException("no ack to node_register from " + wsUrl + " within " + timeout.toSeconds() + " s"
                            + (lastError == null ? "" : " (last error frame: " + lastError + ")"));
                }
                if (m instanceof Closed c) {
                    throw new ProbeException("the relayer closed the WebSocket before acking node_register (code " + c.code()
                            + (c.reason().isEmpty() ? "" : ", " + c.reason()) + ")");
                }
                WsMessage msg = (WsMessage) m;
                if (msg instanceof Ack a && a.ackEventId().equals(frame.eventId())) {
                    return new Outcome(a.success(), a.message() == null ? (lastError == null ? "" : lastError) : a.message(), a.features());
                } else if (msg instanceof ErrorFrame e) {
                    lastError = e.errorCode() + ": " + e.errorMessage();
                } else if (msg instanceof TaskAssigned t) {
                    ws.sendText(json.writeFrame(new TaskFailed(Frames.newEventId(), Frames.now(), t.taskId(),
                            TaskErrorCode.CAPACITY.name(), "diagnostic session of smainer doctor takes no work", null)), true);
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new ProbeException("cannot send node_register to " + wsUrl + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProbeException("interrupted");
        } finally {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "smainer doctor done").orTimeout(2, TimeUnit.SECONDS)
                    .exceptionally(t -> null);
        }
    }

    /** No connection or no answer (as opposed to an answer that says no). */
    public static final class ProbeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ProbeException(String message) {
            super(message);
        }
    }

    private record Closed(int code, String reason) {}

    /** Collects whole text messages into the inbox; parse failures are skipped (unknown frames are not ours). */
    private final class Listener implements WebSocket.Listener {
        private final BlockingQueue<Object> inbox;
        private final StringBuilder partial = new StringBuilder();

        Listener(BlockingQueue<Object> inbox) {
            this.inbox = inbox;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    inbox.add(json.readFrame(text));
                } catch (RuntimeException e) {
                    // a frame this client does not know is not an answer to our registration
                }
            }
            ws.request(1);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            inbox.add(new Closed(statusCode, reason == null ? "" : reason));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            inbox.add(new Closed(-1, error.getClass().getSimpleName() + (error.getMessage() == null ? "" : " " + error.getMessage())));
        }
    }
}
