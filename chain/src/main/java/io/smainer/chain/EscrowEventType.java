package io.smainer.chain;

import static io.smainer.chain.CairoType.ADDRESS;
import static io.smainer.chain.CairoType.FELT;
import static io.smainer.chain.CairoType.U256;
import static io.smainer.chain.CairoType.U64;
import static io.smainer.chain.CairoType.U8;

import com.swmansion.starknet.data.Selector;
import com.swmansion.starknet.data.types.Felt;
import java.util.List;
import java.util.Optional;

/**
 * The events payment truth is built from, with their layout: {@code #[key]} fields follow the event's
 * selector in {@code keys}, the rest are {@code data}. Must match contracts/src/escrow.cairo (checked by
 * {@code EscrowAbiConformanceTest}); {@link #TRANSFER} is the ERC-20's.
 */
public enum EscrowEventType {
    NODE_REGISTERED("NodeRegistered", key("node", ADDRESS), data("capability_tier", U8), data("public_key", FELT)),
    TASK_CREATED("TaskCreated", key("task_id", U256), key("creator", ADDRESS), data("token", ADDRESS),
            data("amount", U256), data("task_hash", FELT)),
    TASK_ASSIGNED("TaskAssigned", key("task_id", U256), key("provider", ADDRESS), data("assigned_at", U64),
            data("deadline", U64)),
    TASK_COMPLETED("TaskCompleted", key("task_id", U256), key("provider", ADDRESS), data("result_hash", FELT),
            data("message_hash", FELT), data("completed_at", U64)),
    PAYOUT_RELEASED("PayoutReleased", key("task_id", U256), key("provider", ADDRESS), data("token", ADDRESS),
            data("provider_payout", U256), data("gas_subsidy", U256)),
    FEE_COLLECTED("FeeCollected", key("task_id", U256), key("treasury", ADDRESS), data("token", ADDRESS),
            data("amount", U256)),
    TASK_CANCELLED("TaskCancelled", key("task_id", U256), key("creator", ADDRESS), data("token", ADDRESS),
            data("refund", U256)),
    TASK_REFUNDED("TaskRefunded", key("task_id", U256), key("creator", ADDRESS), data("token", ADDRESS),
            data("refund", U256)),
    /** OpenZeppelin ERC-20 {@code Transfer}: the token-side corroboration of every movement. */
    TRANSFER("Transfer", key("from", ADDRESS), key("to", ADDRESS), data("value", U256));

    /** One member of an event: its name, Cairo type and whether it is a {@code #[key]}. */
    public record Member(String name, CairoType type, boolean key) {}

    private final String eventName;
    private final List<Member> members;

    EscrowEventType(String eventName, Member... members) {
        this.eventName = eventName;
        this.members = List.of(members);
    }

    private static Member key(String name, CairoType type) {
        return new Member(name, type, true);
    }

    private static Member data(String name, CairoType type) {
        return new Member(name, type, false);
    }

    public String eventName() {
        return eventName;
    }

    public List<Member> members() {
        return members;
    }

    public Felt selector() {
        return Selector.selectorFromName(eventName);
    }

    public static Optional<EscrowEventType> bySelector(Felt selector) {
        for (EscrowEventType t : values()) {
            if (t.selector().equals(selector)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
