package io.smainer.cli.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smainer.chain.CairoType;
import io.smainer.chain.ChainEvent;
import io.smainer.chain.EventLog;
import io.smainer.chain.PaymentAudit;
import io.smainer.chain.RelayerRecord;
import io.smainer.chain.StarknetNetwork;
import io.smainer.chain.TaskAudit;
import io.smainer.cli.CliEnvironment;
import io.smainer.cli.CliException;
import io.smainer.cli.ExitCodes;
import io.smainer.cli.GlobalOptions;
import io.smainer.cli.chain.ChainOptions;
import io.smainer.cli.chain.Strk;
import io.smainer.cli.relayer.RelayerOptions;
import io.smainer.protocol.stark.Felts;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code smainer tasks verify}: the payment audit of PROTOCOL.md §4 "Payment truth". Reads the task's
 * {@code on_chain_task_id} and settlement claim from the relayer (or takes {@code --on-chain-id} alone),
 * rebuilds the money trail from escrow events with {@link PaymentAudit}, prints every amount to the wei
 * and every mismatch. Exit 0 when the events and the relayer agree and the fee split holds, else 1.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Audit a task's payment from escrow events (the relayer's records are compared, never trusted).",
            "Exit 0 when everything matches to the wei, 1 on any mismatch."})
public final class TasksVerifyCommand implements Callable<Integer> {
    private final CliEnvironment env;
    private final GlobalOptions global;

    @Mixin
    RelayerOptions relayer;

    @Mixin
    ChainOptions chain;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TASK", description = "The relayer's task id (omit with --on-chain-id).")
    String taskId;

    @Option(names = "--on-chain-id", paramLabel = "N", description = "Audit this escrow task id without asking a relayer.")
    String onChainId;

    public TasksVerifyCommand(CliEnvironment env, GlobalOptions global) {
        this.env = env;
        this.global = global;
    }

    @Override
    public Integer call() {
        if ((taskId == null) == (onChainId == null)) {
            throw new CliException(ExitCodes.USAGE, "give a TASK id (the relayer is asked for its escrow id) or --on-chain-id N, not both");
        }
        BigInteger escrowTask;
        RelayerRecord record = null;
        if (taskId != null) {
            JsonNode view = relayer.api(env, Optional.empty()).task(taskId);
            escrowTask = TaskPrinter.wei(view.get("on_chain_task_id"));
            if (escrowTask == null) {
                throw new CliException(ExitCodes.FAILED, "task " + taskId + " has no on_chain_task_id: it was not paid through the"
                        + " escrow, so there is no payment to audit (submit with --pay to escrow a task)");
            }
            record = record(view.path("settlement"));
        } else {
            escrowTask = parseId(onChainId);
        }
        StarknetNetwork network = chain.network(env);
        TaskAudit audit = new PaymentAudit(new EventLog(network.provider()), network.escrow()).auditTask(escrowTask, record);
        if (global.json()) {
            env.out().println(json(audit, record, network));
        } else {
            text(env.out(), audit, record, network);
        }
        return audit.ok() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static BigInteger parseId(String text) {
        try {
            BigInteger v = text.startsWith("0x") ? new BigInteger(text.substring(2), 16) : new BigInteger(text);
            if (v.signum() <= 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new CliException(ExitCodes.USAGE, "--on-chain-id '" + text + "' is not a positive integer (escrow ids start at 1)");
        }
    }

    private static RelayerRecord record(JsonNode s) {
        BigInteger tx = null;
        if (s.hasNonNull("tx_hash")) {
            try {
                tx = Felts.parse("tx_hash", s.get("tx_hash").asText());
            } catch (IllegalArgumentException e) {
                tx = null;
            }
        }
        return new RelayerRecord(s.path("status").asText("none"), TaskPrinter.wei(s.get("provider_payout")),
                TaskPrinter.wei(s.get("gas_subsidy")), TaskPrinter.wei(s.get("treasury_fee")), tx);
    }

    private void text(PrintWriter out, TaskAudit a, RelayerRecord r, StarknetNetwork network) {
        out.println("escrow task " + a.taskId() + " on escrow " + Felts.toHex(network.escrow()) + " (" + network.rpcUrl() + ")");
        out.println("outcome:         " + a.outcome().name().toLowerCase(java.util.Locale.ROOT) + " (from events)");
        if (a.creator() != null) {
            out.println("creator:         " + Felts.toHex(a.creator()));
            out.println("token:           " + Felts.toHex(a.token()));
            out.println("escrowed:        " + money(a.amount()));
        }
        if (a.provider() != null) {
            out.println("provider:        " + Felts.toHex(a.provider()));
        }
        out.println("provider payout: " + money(a.providerPayout()));
        out.println("gas subsidy:     " + money(a.gasSubsidy()));
        out.println("treasury fee:    " + money(a.treasuryFee()));
        out.println("refund:          " + money(a.refund()));
        if (r != null) {
            out.println("relayer says:    task " + taskId + " settlement " + r.settlementStatus()
                    + (r.txHash() == null ? "" : " tx " + Felts.toHex(r.txHash()))
                    + (r.providerPayout() == null ? "" : ", payout/gas/fee " + r.providerPayout() + "/" + r.gasSubsidy() + "/"
                            + r.treasuryFee() + " wei"));
        }
        out.println("trail (" + a.trail().size() + " escrow events):");
        for (ChainEvent e : a.trail()) {
            StringBuilder line = new StringBuilder("  block ").append(e.blockNumber()).append("  ").append(e.type().eventName());
            // Addresses and felts in hex, integers (u256 amounts and ids, u64 times) in decimal, as explorers show them.
            e.type().members().forEach(m -> line.append("  ").append(m.name()).append('=').append(
                    m.type() == CairoType.ADDRESS || m.type() == CairoType.FELT ? Felts.toHex(e.get(m.name())) : e.get(m.name()).toString()));
            line.append("  tx ").append(Felts.toHex(e.transactionHash()));
            out.println(line);
        }
        if (a.ok()) {
            out.println("OK: the events account for every wei" + (r == null ? "" : " and agree with the relayer"));
        } else {
            out.println(a.mismatches().size() + " mismatch(es):");
            a.mismatches().forEach(m -> out.println("  MISMATCH " + m));
        }
    }

    private static String money(BigInteger wei) {
        return wei + " wei (" + Strk.format(wei) + ")";
    }

    private ObjectNode json(TaskAudit a, RelayerRecord r, StarknetNetwork network) {
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("ok", a.ok());
        o.put("task_id", taskId);
        o.put("on_chain_task_id", a.taskId().toString());
        o.put("escrow", Felts.toHex(network.escrow()));
        o.put("outcome", a.outcome().name().toLowerCase(java.util.Locale.ROOT));
        o.put("creator", a.creator() == null ? null : Felts.toHex(a.creator()));
        o.put("provider", a.provider() == null ? null : Felts.toHex(a.provider()));
        o.put("token", a.token() == null ? null : Felts.toHex(a.token()));
        o.put("amount_wei", a.amount().toString());
        o.put("provider_payout_wei", a.providerPayout().toString());
        o.put("gas_subsidy_wei", a.gasSubsidy().toString());
        o.put("treasury_fee_wei", a.treasuryFee().toString());
        o.put("refund_wei", a.refund().toString());
        if (r != null) {
            o.putObject("relayer").put("settlement_status", r.settlementStatus())
                    .put("tx_hash", r.txHash() == null ? null : Felts.toHex(r.txHash()));
        }
        ArrayNode trail = o.putArray("trail");
        for (ChainEvent e : a.trail()) {
            ObjectNode ev = trail.addObject().put("event", e.type().eventName()).put("block", e.blockNumber())
                    .put("tx_hash", Felts.toHex(e.transactionHash()));
            ObjectNode values = ev.putObject("values");
            e.values().forEach((k, v) -> values.put(k, v.toString()));
        }
        ArrayNode mismatches = o.putArray("mismatches");
        a.mismatches().forEach(mismatches::add);
        return o;
    }
}
