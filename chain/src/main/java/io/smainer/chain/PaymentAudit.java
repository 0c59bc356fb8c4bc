package io.smainer.chain;

import io.smainer.protocol.stark.FeeSplit;
import io.smainer.protocol.stark.Felts;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * "Payment truth" (PROTOCOL.md §4): rebuilds a task's money trail from escrow events alone —
 * TaskCreated → TaskAssigned → TaskCompleted + PayoutReleased + FeeCollected, or TaskCancelled /
 * TaskRefunded — checks the fee split to the wei, corroborates every movement with the token's
 * Transfer events in the same transaction, and reports each disagreement with the relayer's records.
 */
public final class PaymentAudit {
    private final EventLog log;
    private final BigInteger escrow;

    public PaymentAudit(EventLog log, BigInteger escrow) {
        this.log = log;
        this.escrow = escrow;
    }

    /** Audits one task; {@code relayer} may be null when there is no relayer record to compare. */
    public TaskAudit auditTask(BigInteger taskId, RelayerRecord relayer) {
        List<ChainEvent> trail = log.forTask(escrow, taskId);
        List<String> problems = new ArrayList<>();
        ChainEvent created = single(trail, EscrowEventType.TASK_CREATED, problems);
        if (created == null) {
            return new TaskAudit(taskId, TaskAudit.Outcome.NOT_FOUND, null, null, null, BigInteger.ZERO, BigInteger.ZERO,
                    BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, trail, problems.isEmpty()
                    ? List.of("no TaskCreated event for task " + taskId + " in escrow " + Felts.toHex(escrow)) : problems);
        }
        BigInteger creator = created.get("creator");
        BigInteger token = created.get("token");
        BigInteger amount = created.get("amount");
        corroborate(created, token, creator, escrow, amount, problems);

        ChainEvent assigned = single(trail, EscrowEventType.TASK_ASSIGNED, problems);
        BigInteger provider = assigned == null ? null : assigned.get("provider");
        ChainEvent completed = single(trail, EscrowEventType.TASK_COMPLETED, problems);
        ChainEvent payout = single(trail, EscrowEventType.PAYOUT_RELEASED, problems);
        ChainEvent fee = single(trail, EscrowEventType.FEE_COLLECTED, problems);
        ChainEvent cancelled = single(trail, EscrowEventType.TASK_CANCELLED, problems);
        ChainEvent refunded = single(trail, EscrowEventType.TASK_REFUNDED, problems);

        BigInteger paidPayout = BigInteger.ZERO;
        BigInteger paidGas = BigInteger.ZERO;
        BigInteger paidFee = BigInteger.ZERO;
        BigInteger refund = BigInteger.ZERO;
        TaskAudit.Outcome outcome = assigned == null ? TaskAudit.Outcome.ESCROWED : TaskAudit.Outcome.ASSIGNED;
        int endings = count(completed, cancelled, refunded);
        if (endings > 1) {
            problems.add("task " + taskId + " has " + endings + " final events (completed/cancelled/refunded): paid more than once");
        }
        if (completed != null || payout != null || fee != null) {
            outcome = TaskAudit.Outcome.SETTLED;
            if (completed == null || payout == null || fee == null || assigned == null) {
                problems.add("settlement of task " + taskId + " is incomplete: expected TaskAssigned, TaskCompleted, "
                        + "PayoutReleased and FeeCollected together");
            }
            if (payout != null) {
                paidPayout = payout.get("provider_payout");
                paidGas = payout.get("gas_subsidy");
                if (provider != null && !payout.get("provider").equals(provider)) {
                    problems.add("PayoutReleased paid " + Felts.toHex(payout.get("provider")) + " but the task was assigned to "
                            + Felts.toHex(provider));
                }
                corroborate(payout, token, escrow, payout.get("provider"), paidPayout.add(paidGas), problems);
            }
            if (fee != null) {
                paidFee = fee.get("amount");
                corroborate(fee, token, escrow, fee.get("treasury"), paidFee, problems);
            }
            FeeSplit expected = FeeSplit.of(amount);
            if (!paidPayout.equals(expected.providerPayout()) || !paidGas.equals(expected.gasSubsidy())
                    || !paidFee.equals(expected.treasury())) {
                problems.add("fee split of task " + taskId + " is payout " + paidPayout + " + gas " + paidGas + " + treasury "
                        + paidFee + " wei; the rule gives " + expected.providerPayout() + " + " + expected.gasSubsidy()
                        + " + " + expected.treasury() + " for " + amount + " wei");
            }
        }
        for (ChainEvent back : new ChainEvent[] {cancelled, refunded}) {
            if (back != null) {
                outcome = back == cancelled ? TaskAudit.Outcome.CANCELLED : TaskAudit.Outcome.REFUNDED;
                refund = back.get("refund");
                if (!refund.equals(amount)) {
                    problems.add(back.type().eventName() + " refunded " + refund + " wei of " + amount);
                }
                if (back == cancelled && assigned != null) {
                    problems.add("task " + taskId + " was cancelled after assignment (the contract must refuse this)");
                }
                corroborate(back, token, escrow, creator, refund, problems);
            }
        }
        if (relayer != null) {
            compare(taskId, outcome, paidPayout, paidGas, paidFee, relayer, problems);
        }
        return new TaskAudit(taskId, outcome, creator, provider, token, amount, paidPayout, paidGas, paidFee, refund,
                trail, problems);
    }

    private void compare(BigInteger taskId, TaskAudit.Outcome outcome, BigInteger payout, BigInteger gas, BigInteger fee,
                         RelayerRecord r, List<String> problems) {
        boolean relayerSaysSettled = "settled".equals(r.settlementStatus());
        if (relayerSaysSettled != (outcome == TaskAudit.Outcome.SETTLED)) {
            problems.add("relayer says settlement '" + r.settlementStatus() + "' for task " + taskId + " but the events say "
                    + outcome.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (relayerSaysSettled) {
            if (!payout.equals(r.providerPayout()) || !gas.equals(r.gasSubsidy()) || !fee.equals(r.treasuryFee())) {
                problems.add("relayer records payout/gas/fee " + r.providerPayout() + "/" + r.gasSubsidy() + "/"
                        + r.treasuryFee() + " wei but the events say " + payout + "/" + gas + "/" + fee);
            }
        }
    }

    /** Checks the token moved {@code value} from → to in the same transaction as {@code event}. */
    private void corroborate(ChainEvent event, BigInteger token, BigInteger from, BigInteger to, BigInteger value,
                             List<String> problems) {
        if (value.signum() == 0) {
            return;
        }
        boolean found = log.transfersIn(event.transactionHash(), token).stream().anyMatch(t ->
                t.get("from").equals(from) && t.get("to").equals(to) && t.get("value").equals(value));
        if (!found) {
            problems.add(event.type().eventName() + " in " + Felts.toHex(event.transactionHash()) + " has no token Transfer of "
                    + value + " wei from " + Felts.toHex(from) + " to " + Felts.toHex(to));
        }
    }

    private static ChainEvent single(List<ChainEvent> trail, EscrowEventType type, List<String> problems) {
        List<ChainEvent> of = trail.stream().filter(e -> e.type() == type).toList();
        if (of.size() > 1) {
            problems.add(of.size() + " " + type.eventName() + " events for one task");
        }
        return of.isEmpty() ? null : of.get(0);
    }

    private static int count(Object... events) {
        int n = 0;
        for (Object e : events) {
            if (e != null) {
                n++;
            }
        }
        return n;
    }
}
