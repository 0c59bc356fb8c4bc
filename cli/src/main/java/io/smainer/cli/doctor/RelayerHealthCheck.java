package io.smainer.cli.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import io.smainer.cli.relayer.RelayerApi;

/** {@code GET /health} of the relayer answers, and says healthy (degraded: WARN, unhealthy: FAIL). */
public final class RelayerHealthCheck implements DoctorCheck {
    @Override
    public String name() {
        return "relayer";
    }

    @Override
    public CheckResult run(DoctorContext ctx) {
        RelayerApi api;
        try {
            api = ctx.relayerApi();
        } catch (RuntimeException e) {
            return CheckResult.fail(name(), e.getMessage(), "fix relayer_url in the config or pass --relayer-api URL");
        }
        RelayerApi.Health h;
        try {
            h = api.health();
        } catch (RuntimeException e) {
            return CheckResult.fail(name(), e.getMessage(), "start the relayer (bin/smainer-relayer-lite) or fix relayer_url / --relayer-api");
        }
        ctx.health(h);
        JsonNode b = h.body();
        String status = b.path("status").asText("unknown");
        String facts = api.base() + "/health: " + status + ", version " + b.path("version").asText("?") + ", "
                + b.path("active_nodes").asInt() + " active node(s)";
        return switch (status) {
            case "healthy" -> CheckResult.pass(name(), facts);
            case "degraded" -> CheckResult.warn(name(), facts + " (components: " + b.path("components") + ")",
                    "tell the relayer operator; tasks may be slow or unpaid until it is healthy");
            default -> CheckResult.fail(name(), facts + " (components: " + b.path("components") + ")",
                    "the relayer is not usable now: tell its operator, or use another relayer_url");
        };
    }
}
