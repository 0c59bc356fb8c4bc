package io.smainer.cli.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smainer.cli.chain.Strk;
import java.io.PrintWriter;
import java.math.BigInteger;

/**
 * Prints a relayer task view ({@code GET /tasks/{id}}). Results are sensitive user data: without
 * {@code --show-result} the JSON form drops {@code result} and says {@code "result_hidden": true}, and the
 * text form says a result exists.
 */
final class TaskPrinter {
    private TaskPrinter() {}

    /** The view as printed with --json: result removed unless asked for. */
    static JsonNode forJson(JsonNode view, boolean showResult) {
        ObjectNode copy = view.deepCopy();
        if (!showResult && copy.hasNonNull("result")) {
            copy.remove("result");
            copy.put("result_hidden", true);
        }
        return copy;
    }

    static void text(PrintWriter out, JsonNode v, boolean showResult) {
        row(out, "task", v.path("task_id").asText());
        row(out, "status", v.path("status").asText());
        optional(out, "node", v.get("assigned_node_id"));
        row(out, "attempts", v.path("attempts").asText("0"));
        optional(out, "created", v.get("created_at"));
        optional(out, "assigned", v.get("assigned_at"));
        optional(out, "completed", v.get("completion_time"));
        if (v.hasNonNull("execution_time")) {
            row(out, "execution", new java.math.BigDecimal(v.get("execution_time").asText()).toPlainString() + " s");
        }
        BigInteger amount = wei(v.get("token_amount"));
        if (amount != null && amount.signum() > 0) {
            row(out, "amount", Strk.format(amount) + " (" + amount + " wei)");
        }
        optional(out, "on-chain id", v.get("on_chain_task_id"));
        JsonNode s = v.get("settlement");
        if (s != null && s.isObject()) {
            StringBuilder line = new StringBuilder(s.path("status").asText("none"));
            if (s.hasNonNull("tx_hash")) {
                line.append("  tx ").append(s.get("tx_hash").asText());
            }
            for (String f : new String[] {"provider_payout", "gas_subsidy", "treasury_fee"}) {
                BigInteger w = wei(s.get(f));
                if (w != null) {
                    line.append("  ").append(f.replace('_', ' ')).append(' ').append(w).append(" wei");
                }
            }
            row(out, "settlement", line.toString());
        }
        optional(out, "error", v.get("error_message"));
        JsonNode result = v.get("result");
        if (result != null && !result.isNull()) {
            if (showResult) {
                out.println("result:");
                out.println(result.toPrettyString());
            } else {
                row(out, "result", "present, not shown (results are sensitive: add --show-result)");
            }
        }
    }

    /** One line of {@code tasks list}. */
    static void listLine(PrintWriter out, JsonNode v) {
        BigInteger amount = wei(v.get("token_amount"));
        out.printf("%-36s  %-11s  %-32s  %-24s  %s%n", v.path("task_id").asText(), v.path("status").asText(),
                v.path("created_at").asText(""), v.hasNonNull("assigned_node_id") ? v.get("assigned_node_id").asText() : "-",
                amount == null || amount.signum() == 0 ? "-" : Strk.format(amount));
    }

    static BigInteger wei(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isIntegralNumber()) {
            return n.bigIntegerValue();
        }
        String t = n.asText();
        try {
            return t.startsWith("0x") ? new BigInteger(t.substring(2), 16) : new BigInteger(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void optional(PrintWriter out, String label, JsonNode n) {
        if (n != null && !n.isNull() && !n.asText().isEmpty()) {
            row(out, label, n.asText());
        }
    }

    private static void row(PrintWriter out, String label, String value) {
        out.printf("%-12s %s%n", label + ":", value);
    }
}
