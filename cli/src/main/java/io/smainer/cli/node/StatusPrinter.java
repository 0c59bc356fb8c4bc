package io.smainer.cli.node;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;

/** Text form of the {@code smainer status} report (the JSON form is the report itself). */
final class StatusPrinter {
    private StatusPrinter() {}

    static void print(PrintWriter out, JsonNode r) {
        out.println("node:     " + or(r.get("node_id"), "(none)") + "  account " + or(r.get("address"), "(none)"));
        JsonNode d = r.path("daemon");
        if (d.path("reachable").asBoolean()) {
            JsonNode s = d.path("status");
            out.println("daemon:   " + s.path("connection_state").asText("?") + " — " + d.path("url").asText()
                    + ", version " + s.path("version").asText("?"));
            line(out, "relayer", s.get("relayer_url"));
            line(out, "registered", s.get("registered_at"));
            line(out, "last ack", s.get("last_heartbeat_ack"));
            JsonNode t = s.path("tasks");
            out.println("  tasks:        " + t.path("active").asInt() + " active, " + t.path("completed").asLong() + " completed, "
                    + t.path("failed").asLong() + " failed, " + t.path("rejected").asLong() + " rejected");
            out.println("  outbox:       " + s.path("outbox_depth").asInt() + " result(s) waiting for the relayer");
            line(out, "drain", s.get("drain_state"));
            if (s.hasNonNull("last_disconnect_reason")) {
                line(out, "last drop", s.get("last_disconnect_reason"));
            }
        } else {
            out.println("daemon:   DOWN — " + d.path("url").asText() + " " + d.path("error").asText());
        }
        JsonNode rl = r.path("relayer");
        String state = rl.path("state").asText();
        if (state.equals("connected")) {
            JsonNode n = rl.path("node");
            out.println("relayer:  connected — " + rl.path("api").asText());
            line(out, "status", n.get("status"));
            line(out, "connected", n.get("connected_at"));
            line(out, "heartbeat", n.get("last_heartbeat"));
            out.println("  tasks:        " + n.path("active_tasks").asInt() + "/" + n.path("max_concurrent_tasks").asInt()
                    + " active, " + n.path("completed_tasks").asLong() + " completed, " + n.path("failed_tasks").asLong() + " failed");
            line(out, "tier", n.path("hardware_spec").get("node_tier"));
        } else {
            out.println("relayer:  " + state.toUpperCase(java.util.Locale.ROOT).replace('_', ' ') + " — "
                    + rl.path("api").asText("") + " " + rl.path("error").asText(""));
        }
        JsonNode c = r.path("chain");
        if (c.path("state").asText().equals("up")) {
            out.println("chain:    node " + c.path("node_status").asText() + ", tier " + or(c.get("tier"), "none") + " — "
                    + c.path("rpc").asText() + " escrow " + c.path("escrow").asText());
            line(out, "public key", c.get("public_key"));
            out.println("  earnings:     " + c.path("earnings").asText() + " (" + c.path("earnings_wei").asText() + " wei)");
        } else {
            out.println("chain:    " + c.path("state").asText().toUpperCase(java.util.Locale.ROOT) + " — " + c.path("rpc").asText("")
                    + " " + c.path("error").asText(""));
        }
    }

    private static void line(PrintWriter out, String label, JsonNode v) {
        out.printf("  %-13s %s%n", label + ":", v == null || v.isNull() ? "-" : v.asText());
    }

    private static String or(JsonNode v, String fallback) {
        return v == null || v.isNull() ? fallback : v.asText();
    }
}
