package io.smainer.relayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.smainer.relayer.testkit.ApiClient;
import io.smainer.relayer.config.ChainConfig;
import io.smainer.relayer.testkit.InProcessRelayer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** REST error answers (PROTOCOL.md §1): FastAPI shapes with a stable {@code code}; the server keeps serving. */
class ApiErrorPathsIT {
    @TempDir
    static Path dir;
    static InProcessRelayer r;

    @BeforeAll
    static void start() throws Exception {
        // No chain: these are the store's and the API's rules (escrow checks on the devnet: ChainSettlementIT).
        r = new InProcessRelayer(dir, b -> b.chain(ChainConfig.none()));
    }

    @AfterAll
    static void stop() {
        r.close();
    }

    static void assertError(ApiClient.Answer a, int status, String code) {
        assertThat(a.status()).as(String.valueOf(a.body())).isEqualTo(status);
        assertThat(a.body().get("code").asText()).isEqualTo(code);
        assertThat(a.body().get("detail")).isNotNull();
    }

    HttpRequest.Builder raw(String path) {
        return HttpRequest.newBuilder(URI.create(r.api.base() + path));
    }

    @Test
    void authIsRequiredAndComparedExactly() {
        assertError(r.api.send(raw("/tasks").GET()), 401, "not_authenticated");
        assertError(r.api.send(raw("/tasks").header("Authorization", "Bearer wrong-key").GET()), 401, "invalid_api_key");
        assertError(r.api.send(raw("/tasks").header("X-API-Key", r.relayer.apiKey().reveal() + "x").GET()), 401,
                "invalid_api_key");
        assertThat(r.api.send(raw("/tasks").header("X-API-Key", r.relayer.apiKey().reveal()).GET()).status()).isEqualTo(200);
        assertThat(r.api.send(raw("/health").GET()).status()).as("health needs no key").isEqualTo(200);
        assertThat(r.api.send(raw("/stats").GET()).status()).as("stats needs no key").isEqualTo(200);
    }

    @Test
    void invalidBodiesAre422WithFieldLocations() {
        ApiClient.Answer a = r.api.post("/tasks", "{\"payload\":{\"type\":\"HASH\"},\"requirements\":{\"cpu_threads\":0}}");
        assertThat(a.status()).isEqualTo(422);
        assertThat(a.body().get("code").asText()).isEqualTo("validation_error");
        assertThat(a.body().get("detail").get(0).get("loc").toString()).isEqualTo("[\"body\",\"requirements\",\"cpu_threads\"]");
        assertThat(r.api.post("/tasks", "{\"payload\":{},\"token_amount\":1.5}").status()).isEqualTo(422);
        assertThat(r.api.post("/tasks", "{nope").status()).isEqualTo(422);
        assertThat(r.api.post("/tasks", "{\"token_amount\":1}").body().get("detail").get(0).get("loc").toString())
                .isEqualTo("[\"body\",\"payload\"]");
    }

    @Test
    void oversizedBodiesAre413() {
        String big = "{\"payload\":{\"prompt\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}}";
        ApiClient.Answer a = r.api.post("/tasks", big);
        assertError(a, 413, "payload_too_large");
        String bigPayload = "{\"payload\":{\"prompt\":\"" + "a".repeat(1024 * 1024 + 10) + "\"}}";
        assertError(r.api.post("/tasks", bigPayload), 413, "payload_too_large");
        assertThat(r.api.get("/tasks").status()).isEqualTo(200);
    }

    @Test
    void unsafeCallbackUrlsAreRefused() {
        for (String url : new String[] {"http://10.0.0.1/cb", "https://user:pw@127.0.0.1/cb", "ftp://127.0.0.1/cb",
                "http://169.254.169.254/latest"}) {
            ApiClient.Answer a = r.api.post("/tasks", "{\"payload\":{\"complete_callback_url\":\"" + url + "\"}}");
            assertThat(a.status()).as(url).isEqualTo(422);
            assertThat(a.body().get("detail").get(0).get("loc").toString())
                    .isEqualTo("[\"body\",\"payload\",\"complete_callback_url\"]");
        }
        String id = r.api.submit("p", null);
        assertThat(r.api.post("/tasks/" + id + "/callback", "{\"complete_callback_url\":\"http://192.168.1.1/x\"}").status())
                .isEqualTo(422);
    }

    @Test
    void unknownThingsAre404And405() {
        assertError(r.api.get("/tasks/does-not-exist"), 404, "not_found");
        assertError(r.api.get("/tasks/does-not-exist/callback"), 404, "not_found");
        assertError(r.api.post("/tasks/does-not-exist/callback", "{\"complete_callback_url\":\"http://127.0.0.1:1/x\"}"),
                404, "not_found");
        assertError(r.api.get("/nodes/nobody"), 404, "not_found");
        assertError(r.api.get("/nope"), 404, "not_found");
        assertError(r.api.send(raw("/health").DELETE()), 405, "method_not_allowed");
    }

    @Test
    void escrowIdsBackOneSubmissionOnly() {
        assertThat(r.api.post("/tasks", "{\"payload\":{},\"on_chain_task_id\":7}").status()).isEqualTo(201);
        assertError(r.api.post("/tasks", "{\"payload\":{},\"on_chain_task_id\":7}"), 409, "escrow_already_used");
    }

    @Test
    void listingPagesWithCursorAndStatusFilter() {
        for (int i = 0; i < 3; i++) {
            r.api.submit("list-" + i, null);
        }
        ApiClient.Answer first = r.api.get("/tasks?status=pending&limit=2");
        assertThat(first.body().get("tasks")).hasSize(2);
        String cursor = first.body().get("next_cursor").asText();
        ApiClient.Answer next = r.api.get("/tasks?status=pending&limit=2&cursor=" + cursor);
        assertThat(next.body().get("tasks").get(0).get("task_id").asText())
                .isNotEqualTo(first.body().get("tasks").get(0).get("task_id").asText());
        assertError(r.api.get("/tasks?status=bogus"), 422, "validation_error");
        assertError(r.api.get("/tasks?limit=0"), 422, "validation_error");
    }

    @Test
    void healthStatsAndNodesCarryTheProductionFields() {
        var h = r.api.get("/health").body();
        for (String f : new String[] {"status", "timestamp", "version", "uptime_seconds", "redis_connected", "active_nodes"}) {
            assertThat(h.has(f)).as(f).isTrue();
        }
        assertThat(h.get("components").get("websocket").has("connected_nodes")).isTrue();
        assertThat(h.get("redis_connected").asBoolean()).isTrue();
        var s = r.api.get("/stats").body();
        assertThat(s.get("tasks").has("per_minute")).isTrue();
        assertThat(s.get("settlement").has("treasury_fee")).isTrue();
        assertThat(r.api.get("/nodes").body().has("nodes")).isTrue();
        assertThat(r.api.get("/nodes/summary").body().has("by_tier")).isTrue();
    }
}
