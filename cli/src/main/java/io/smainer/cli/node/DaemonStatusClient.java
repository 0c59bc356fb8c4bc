package io.smainer.cli.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Finds and asks the daemon's local status endpoint. The daemon writes {@code <state_dir>/status.json}
 * ({@code {"url","port","pid"}}, daemon/…/health/StatusServer.java) after binding, so an ephemeral port
 * is found; without that file the config's {@code status_host}/{@code status_port} (default
 * 127.0.0.1:9465, daemon ConfigKey) are used. {@code GET /status} field names are pinned in the daemon's
 * StatusSnapshot.
 */
public final class DaemonStatusClient {
    /** Defaults of the daemon's config keys state_dir, status_host, status_port (daemon ConfigKey). */
    static final String DEFAULT_STATE_DIR = "/var/lib/smainer";
    static final String DEFAULT_STATUS_HOST = "127.0.0.1";
    static final String DEFAULT_STATUS_PORT = "9465";
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    /** What the daemon answered ({@code status} non-null) or why it did not ({@code error}). */
    public record Answer(URI url, String foundVia, JsonNode status, String error) {
        public boolean reachable() {
            return status != null;
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** The status URL: {@code explicit}, else status.json in the state dir, else host and port from the config. */
    public Answer ask(URI explicit, JsonNode config) {
        URI base;
        String via;
        if (explicit != null) {
            base = explicit;
            via = "--status-url";
        } else {
            Path stateDir = Path.of(text(config, "state_dir", DEFAULT_STATE_DIR));
            Path file = stateDir.resolve("status.json");
            Optional<URI> fromFile = readStatusFile(file);
            if (fromFile.isPresent()) {
                base = fromFile.get();
                via = file.toString();
            } else {
                String host = text(config, "status_host", DEFAULT_STATUS_HOST);
                base = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
                        + text(config, "status_port", DEFAULT_STATUS_PORT));
                via = "status_host/status_port of the config (no " + file + ")";
            }
        }
        URI url = URI.create(base.toString().replaceAll("/+$", "") + "/status");
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                return new Answer(url, via, null, "answered HTTP " + r.statusCode() + ": is that port the smainer daemon's?");
            }
            return new Answer(url, via, json.readTree(r.body()), null);
        } catch (IOException e) {
            String why = e instanceof java.net.ConnectException ? "connection refused" : e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return new Answer(url, via, null, "no answer (" + why + "): is smainer-daemon running? (systemctl status smainer-provider)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(url, via, null, "interrupted");
        }
    }

    private Optional<URI> readStatusFile(Path file) {
        try {
            JsonNode n = json.readTree(Files.readAllBytes(file));
            return n.hasNonNull("url") ? Optional.of(URI.create(n.get("url").asText())) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String text(JsonNode config, String key, String fallback) {
        JsonNode v = config.get(key);
        return v == null || v.asText().isEmpty() ? fallback : v.asText();
    }
}
