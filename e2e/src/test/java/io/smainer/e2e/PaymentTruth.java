package io.smainer.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smainer.chain.ChainEvent;
import io.smainer.chain.EscrowClient;
import io.smainer.chain.EscrowEventType;
import io.smainer.chain.EventLog;
import io.smainer.chain.PaymentAudit;
import io.smainer.chain.RelayerRecord;
import io.smainer.chain.StarknetNetwork;
import io.smainer.chain.TaskAudit;
import io.smainer.protocol.json.CanonicalJson;
import io.smainer.protocol.stark.Felts;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The money side of a run, from escrow events alone (PROTOCOL.md §4 "payment truth"), checked against the relayer's
 * task views: no escrow settled twice, every payout backed by a result the relayer verified and the demander received,
 * everything unpaid still the demander's (cancellable while CREATED, refundable once an ASSIGNED escrow's claim window
 * passed) — and then actually taken back.
 */
final class PaymentTruth {
    private final StarknetNetwork network;
    private final BigInteger amount;

    /** @param amount what each escrow holds */
    PaymentTruth(StarknetNetwork network, BigInteger amount) {
        this.network = network;
        this.amount = amount;
    }

    /** {@link PaymentAudit} of every escrow against the relayer's record in {@code views}; no mismatch allowed. */
    Map<BigInteger, TaskAudit> audit(Map<BigInteger, JsonNode> viewsByEscrow) {
        PaymentAudit audit = new PaymentAudit(new EventLog(network.provider()), network.escrow());
        Map<BigInteger, TaskAudit> out = new LinkedHashMap<>();
        viewsByEscrow.forEach((id, view) -> {
            TaskAudit a = audit.auditTask(id, record(view));
            assertThat(a.mismatches()).as("payment audit of escrow " + id + " (task " + view.path("task_id").asText()
                    + ", at most one settlement, fee split, token transfers, relayer record)").isEmpty();
            assertThat(a.amount()).isEqualTo(amount);
            out.put(id, a);
        });
        return out;
    }

    /**
     * A paid escrow: the relayer's task is settled with a result whose hash is the {@code result_hash} the escrow paid
     * for, the same result reached the demander in its verified final callback, and the payee is the provider whose node
     * ran the task.
     */
    static void assertPaidForVerifiedResult(TaskAudit a, JsonNode view, JsonNode finalCallback,
                                            Map<String, BigInteger> providerByNode, Function<JsonNode, String> correctness) {
        String what = "paid escrow " + a.taskId() + " (task " + view.path("task_id").asText() + ")";
        assertThat(view.path("status").asText()).as(what).isEqualTo("settled");
        ChainEvent completed = a.trail().stream().filter(e -> e.type() == EscrowEventType.TASK_COMPLETED).findFirst().orElseThrow();
        JsonNode result = view.get("result");
        assertThat(result).as(what + ": the relayer's verified result").isNotNull();
        assertThat(result.isNull()).as(what + ": the relayer's verified result").isFalse();
        assertThat(CanonicalJson.sha256ModP(result)).as(what + ": result_hash paid for").isEqualTo(completed.get("result_hash"));
        assertThat(correctness.apply(result)).as(what + ": the result is right").isNull();
        assertThat(finalCallback).as(what + ": final callback").isNotNull();
        assertThat(finalCallback.path("status").asText()).as(what).isEqualTo("completed");
        assertThat(CanonicalJson.sha256ModP(finalCallback.get("result"))).as(what + ": the demander got the paid result")
                .isEqualTo(completed.get("result_hash"));
        assertThat(a.provider()).as(what + ": payee is the provider of node " + view.path("assigned_node_id").asText())
                .isEqualTo(providerByNode.get(view.path("assigned_node_id").asText()));
    }

    /** An unpaid escrow: no money moved out of it, it is the demander's to take back, and the relayer does not say settled. */
    static void assertUnpaid(TaskAudit a, JsonNode view) {
        String what = "unpaid escrow " + a.taskId() + " (task " + view.path("task_id").asText() + ", " + view.path("status").asText()
                + ", settlement " + view.at("/settlement/status").asText() + ")";
        assertThat(a.outcome()).as(what).isIn(TaskAudit.Outcome.ESCROWED, TaskAudit.Outcome.ASSIGNED);
        assertThat(a.providerPayout().add(a.gasSubsidy()).add(a.treasuryFee()).add(a.refund())).as(what).isZero();
        assertThat(view.path("status").asText()).as(what).isNotEqualTo("settled");
        assertThat(view.at("/settlement/status").asText()).as(what).isNotEqualTo("settled");
    }

    /**
     * Takes every unpaid escrow back as the demander: {@code cancel_task} while CREATED; for ASSIGNED ones the devnet
     * clock moves past the latest claim deadline (from the TaskAssigned events), then {@code refund_expired}. Returns
     * the audits afterwards: each CANCELLED or REFUNDED in full.
     */
    Map<BigInteger, TaskAudit> takeBack(RelayerLite relayer, Keys.Provider demander, List<TaskAudit> unpaid) throws Exception {
        List<BigInteger> created = new ArrayList<>();
        List<BigInteger> assigned = new ArrayList<>();
        long earliestAssigned = Long.MAX_VALUE;
        long latestDeadline = 0;
        for (TaskAudit a : unpaid) {
            if (a.outcome() == TaskAudit.Outcome.ESCROWED) {
                created.add(a.taskId());
            } else {
                assigned.add(a.taskId());
                ChainEvent e = a.trail().stream().filter(t -> t.type() == EscrowEventType.TASK_ASSIGNED).findFirst().orElseThrow();
                earliestAssigned = Math.min(earliestAssigned, e.get("assigned_at").longValueExact());
                latestDeadline = Math.max(latestDeadline, e.get("deadline").longValueExact());
            }
        }
        EscrowBatch demanderEscrows = new EscrowBatch(network, demander);
        if (!created.isEmpty()) {
            demanderEscrows.cancel(created);
        }
        if (!assigned.isEmpty()) {
            relayer.rpc("devnet_increaseTime", RelayerLite.JSON.createObjectNode().put("time", latestDeadline - earliestAssigned + 1));
            demanderEscrows.refundExpired(assigned);
        }
        PaymentAudit audit = new PaymentAudit(new EventLog(network.provider()), network.escrow());
        Map<BigInteger, TaskAudit> after = new LinkedHashMap<>();
        for (TaskAudit a : unpaid) {
            TaskAudit now = audit.auditTask(a.taskId(), null);
            assertThat(now.mismatches()).as("audit of escrow " + a.taskId() + " after taking it back").isEmpty();
            assertThat(now.outcome()).as("escrow " + a.taskId()).isEqualTo(a.outcome() == TaskAudit.Outcome.ESCROWED
                    ? TaskAudit.Outcome.CANCELLED : TaskAudit.Outcome.REFUNDED);
            assertThat(now.refund()).as("refund of escrow " + a.taskId()).isEqualTo(amount);
            assertThat(now.providerReceives().add(now.treasuryFee())).isZero();
            after.put(a.taskId(), now);
        }
        return after;
    }

    /** STRK balances of {@code accounts} now. */
    Map<BigInteger, BigInteger> balances(Set<BigInteger> accounts) {
        EscrowClient chain = network.escrowClient(network.provider());
        Map<BigInteger, BigInteger> out = new HashMap<>();
        accounts.forEach(a -> out.put(a, chain.balanceOf(network.strk(), a)));
        return out;
    }

    /** What each payee of settled escrows received from them: provider payout + gas subsidy, treasury fee. */
    static Map<BigInteger, BigInteger> payees(Collection<TaskAudit> settled) {
        Map<BigInteger, BigInteger> out = new HashMap<>();
        for (TaskAudit a : settled) {
            out.merge(a.provider(), a.providerReceives(), BigInteger::add);
            ChainEvent fee = a.trail().stream().filter(e -> e.type() == EscrowEventType.FEE_COLLECTED).findFirst().orElseThrow();
            out.merge(fee.get("treasury"), a.treasuryFee(), BigInteger::add);
        }
        return out;
    }

    /** Every account in {@code before} gained exactly what the events say it was paid: no transfer outside them. */
    void assertBalancesMoved(Map<BigInteger, BigInteger> before, Map<BigInteger, BigInteger> paid) {
        assertThat(before.keySet()).as("every payee is watched").containsAll(paid.keySet());
        balances(before.keySet()).forEach((who, now) -> assertThat(now.subtract(before.get(who)))
                .as("what " + Felts.toHex(who) + " received, to the wei").isEqualTo(paid.getOrDefault(who, BigInteger.ZERO)));
    }

    /** The escrow contract's own STRK balance: exactly {@code escrows} unpaid escrows' worth. */
    void assertEscrowHolds(int escrows) {
        assertThat(network.escrowClient(network.provider()).balanceOf(network.strk(), network.escrow()))
                .as("STRK held by the escrow contract (" + escrows + " unpaid escrows)")
                .isEqualTo(amount.multiply(BigInteger.valueOf(escrows)));
    }

    private static RelayerRecord record(JsonNode view) {
        JsonNode s = view.path("settlement");
        return new RelayerRecord(s.path("status").asText(), wei(s.get("provider_payout")), wei(s.get("gas_subsidy")),
                wei(s.get("treasury_fee")), s.hasNonNull("tx_hash") ? Felts.parse("tx_hash", s.get("tx_hash").asText()) : null);
    }

    private static BigInteger wei(JsonNode n) {
        return n == null || n.isNull() ? null : new BigInteger(n.asText());
    }
}
