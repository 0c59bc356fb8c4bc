package io.smainer.cli.relayer;

import com.fasterxml.jackson.databind.JsonNode;
import io.smainer.protocol.Limits;
import io.smainer.protocol.ProtocolException;
import io.smainer.protocol.json.ProtocolJson;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * A relayer's REST API ({@code /api/v1}, PROTOCOL.md §1) over {@code java.net.http}. Sends the key as
 * {@code Authorization: Bearer}; every failure becomes a {@link RelayerApiException} whose message names
 * the URL, the status and the relayer's {@code detail} — never the key, never a payload.
 */
public final class RelayerApi {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final ApiKey key;
    private final HttpClient http;
    private final ProtocolJson json = new ProtocolJson();

    /** @param key null when none is configured (only {@code /health} and {@code /stats} work then) */
    public RelayerApi(URI base, ApiKey key) {
        this.base = URI.create(base.toString().replaceAll("/+$", ""));
        this.key = key;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public URI base() {
        return base;
    }

    public boolean hasKey() {
        return key != null;
    }

    /** {@code POST /tasks} → the new task id. */
    public String submit(byte[] body) {
        JsonNode answer = send("POST", "/tasks", body);
        JsonNode id = answer.get("task_id");
        if (id == null || !id.isTextual() || id.asText().isEmpty()) {
            throw new RelayerApiException(RelayerApiException.Kind.BAD_RESPONSE, 201,
                    "the relayer at " + base + " accepted the task but its answer has no task_id; check that --relayer-api "
                            + "points at a Smainer relayer's /api/v1", null);
        }
        return id.asText();
    }

    /** {@code GET /tasks/{id}}. */
    public JsonNode task(String taskId) {
        return send("GET", "/tasks/" + encode(taskId), null);
    }

    /** {@code GET /tasks?status=&limit=&cursor=} (nulls are left out). */
    public JsonNode tasks(String status, Integer limit, String cursor) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("status", status);
        q.put("limit", limit == null ? null : limit.toString());
        q.put("cursor", cursor);
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        q.forEach((k, v) -> {
            if (v != null) {
                query.add(k + "=" + encode(v));
            }
        });
        return send("GET", "/tasks" + query, null);
    }

    /** {@code GET /nodes/{node_id}}. */
    public JsonNode node(String nodeId) {
        return send("GET", "/nodes/" + encode(nodeId), null);
    }

    /** What {@code GET /health} answered, with the relayer's clock ({@code Date} header, else the body's timestamp). */
    public record Health(JsonNode body, Optional<Instant> dateHeader, Optional<Instant> bodyTimestamp) {}

    /** {@code GET /health} (no API key needed). */
    public Health health() {
        HttpResponse<byte[]> r = exchange("GET", "/health", null);
        JsonNode body = check("GET", "/health", r);
        Optional<Instant> date = r.headers().firstValue("Date").flatMap(RelayerApi::httpDate);
        Optional<Instant> stamp = Optional.ofNullable(body.get("timestamp")).filter(JsonNode::isTextual).flatMap(t -> {
            try {
                return Optional.of(io.smainer.protocol.wire.Frames.parseTimestamp("timestamp", t.asText()));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        });
        return new Health(body, date, stamp);
    }

    private JsonNode send(String method, String path, byte[] body) {
        return check(method, path, exchange(method, path, body));
    }

    private HttpResponse<byte[]> exchange(String method, String path, byte[] body) {
        URI url = URI.create(base + path);
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT).header("Accept", "application/json");
        if (key != null) {
            b.header("Authorization", key.bearer());
        }
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            throw unavailable(url, "no connection within " + CONNECT_TIMEOUT.toSeconds() + " s", e);
        } catch (HttpTimeoutException e) {
            throw unavailable(url, "no answer within " + REQUEST_TIMEOUT.toSeconds() + " s", e);
        } catch (ConnectException e) {
            throw unavailable(url, "connection refused", e);
        } catch (IOException e) {
            throw unavailable(url, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(url, "interrupted", e);
        }
    }

    private static RelayerApiException unavailable(URI url, String why, Throwable cause) {
        return new RelayerApiException(RelayerApiException.Kind.UNAVAILABLE, 0, "cannot reach the relayer at " + url + " ("
                + why + "): start it (bin/smainer-relayer-lite) or point --relayer-api / SMAINER_RELAYER_API at a running one",
                cause);
    }

    private JsonNode check(String method, String path, HttpResponse<byte[]> r) {
        int status = r.statusCode();
        String where = method + " " + base + path;
        if (status >= 200 && status < 300) {
            try {
                return json.readTree(r.body());
            } catch (ProtocolException e) {
                throw new RelayerApiException(RelayerApiException.Kind.BAD_RESPONSE, status, where + " answered HTTP " + status
                        + " but not with JSON (" + e.getMessage() + "); check that --relayer-api ends in /api/v1", e);
            }
        }
        String detail = detail(r.body());
        if (status == 401 || status == 403) {
            String msg = key == null
                    ? where + " needs an API key (HTTP " + status + ": " + detail + "): pass --api-key-file FILE or set SMAINER_API_KEY"
                    : "API key rejected by the relayer at " + base + " (HTTP " + status + ": " + detail
                            + "); check --api-key-file or SMAINER_API_KEY";
            throw new RelayerApiException(RelayerApiException.Kind.UNAUTHORIZED, status, scrub(msg), null);
        }
        if (status == 404) {
            throw new RelayerApiException(RelayerApiException.Kind.NOT_FOUND, status,
                    scrub(where + " answered 404 (" + detail + "): check the id"), null);
        }
        if (status >= 500 || status == 408 || status == 429) {
            throw new RelayerApiException(RelayerApiException.Kind.UNAVAILABLE, status,
                    scrub(where + " answered HTTP " + status + " (" + detail + "): the relayer is unavailable, try again later"), null);
        }
        throw new RelayerApiException(RelayerApiException.Kind.REJECTED, status,
                scrub(where + " refused the request with HTTP " + status + ": " + detail), null);
    }

    /** The relayer's {@code detail}: a string, or FastAPI's list of {@code {loc, msg}}. */
    private String detail(byte[] body) {
        try {
            JsonNode d = json.readTree(body).get("detail");
            if (d == null) {
                return "no detail";
            }
            if (d.isArray()) {
                StringJoiner j = new StringJoiner("; ");
                d.forEach(v -> {
                    StringJoiner loc = new StringJoiner(".");
                    v.path("loc").forEach(l -> loc.add(l.asText()));
                    j.add(loc + ": " + v.path("msg").asText());
                });
                return j.toString();
            }
            return Limits.clip(d.asText(), 500);
        } catch (ProtocolException e) {
            return body.length == 0 ? "empty body" : "non-JSON body of " + body.length + " bytes";
        }
    }

    private String scrub(String message) {
        return key != null && key.occursIn(message) ? message.replace(key.bearer().substring(7), "<redacted>") : message;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Optional<Instant> httpDate(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
