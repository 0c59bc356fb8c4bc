package io.smainer.relayer.callback;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** One HTTP POST of a callback: completes with the receiver's status code, or exceptionally on a network error or timeout. */
public interface CallbackTransport extends AutoCloseable {

    /** POSTs {@code body} to {@code url} with {@code headers} (Host and Content-Length are added); never follows redirects. */
    CompletableFuture<Integer> post(URI url, Map<String, String> headers, byte[] body);

    @Override
    void close();
}
