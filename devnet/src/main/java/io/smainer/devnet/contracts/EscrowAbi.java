package io.smainer.devnet.contracts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The escrow's ABI as the Java model implements it: entry-point inputs/outputs and event layouts
 * (which members are {@code #[key]}). Must equal contracts/target/escrow.abi.json — compiled from
 * contracts/src/escrow.cairo — which EscrowAbiConformanceTest checks whenever that file exists.
 * Types use short names: felt, address, class_hash, u8, u64, u256, bool, Span<address>, Task, (u8,u8,felt).
 */
public final class EscrowAbi {
    /** One typed member (function input or event member). */
    public record Member(String name, String type, boolean key) {}

    /** One external function. */
    public record Function(String name, List<Member> inputs, List<String> outputs, boolean view) {}

    public static final Map<String, Function> FUNCTIONS = new LinkedHashMap<>();
    public static final Map<String, List<Member>> EVENTS = new LinkedHashMap<>();
    public static final List<Member> CONSTRUCTOR = List.of(in("owner", "address"), in("relayer", "address"),
            in("treasury", "address"), in("allowed_tokens", "Span<address>"));

    static {
        fn("register_node", false, List.of(), in("capability_tier", "u8"), in("public_key", "felt"));
        fn("create_task", false, List.of("u256"), in("token", "address"), in("amount", "u256"), in("task_hash", "felt"));
        fn("assign_task", false, List.of(), in("task_id", "u256"), in("provider", "address"));
        fn("submit_proof_and_claim", false, List.of(), in("task_id", "u256"), in("result_hash", "felt"),
                in("sig_r", "felt"), in("sig_s", "felt"));
        fn("cancel_task", false, List.of(), in("task_id", "u256"));
        fn("refund_expired", false, List.of(), in("task_id", "u256"));
        fn("get_task", true, List.of("Task"), in("task_id", "u256"));
        fn("get_user_earnings", true, List.of("u256"), in("user", "address"));
        fn("get_node", true, List.of("(u8,u8,felt)"), in("node", "address"));
        fn("get_message_hash", true, List.of("felt"), in("task_id", "u256"), in("provider", "address"),
                in("result_hash", "felt"));
        fn("is_message_used", true, List.of("bool"), in("message_hash", "felt"));
        fn("get_task_count", true, List.of("u256"));
        fn("get_relayer", true, List.of("address"));
        fn("get_treasury", true, List.of("address"));
        fn("get_claim_window", true, List.of("u64"));
        fn("is_token_allowed", true, List.of("bool"), in("token", "address"));
        fn("set_relayer", false, List.of(), in("relayer", "address"));
        fn("set_treasury", false, List.of(), in("treasury", "address"));
        fn("set_token_allowed", false, List.of(), in("token", "address"), in("allowed", "bool"));
        fn("set_claim_window", false, List.of(), in("claim_window", "u64"));
        fn("suspend_node", false, List.of(), in("node", "address"));
        fn("reinstate_node", false, List.of(), in("node", "address"));
        fn("pause", false, List.of());
        fn("unpause", false, List.of());
        fn("upgrade", false, List.of(), in("new_class_hash", "class_hash"));
        fn("owner", true, List.of("address"));
        fn("transfer_ownership", false, List.of(), in("new_owner", "address"));
        fn("renounce_ownership", false, List.of());
        fn("is_paused", true, List.of("bool"));

        ev("NodeRegistered", key("node", "address"), in("capability_tier", "u8"), in("public_key", "felt"));
        ev("NodeSuspended", key("node", "address"));
        ev("NodeReinstated", key("node", "address"));
        ev("TaskCreated", key("task_id", "u256"), key("creator", "address"), in("token", "address"), in("amount", "u256"),
                in("task_hash", "felt"));
        ev("TaskAssigned", key("task_id", "u256"), key("provider", "address"), in("assigned_at", "u64"),
                in("deadline", "u64"));
        ev("TaskCompleted", key("task_id", "u256"), key("provider", "address"), in("result_hash", "felt"),
                in("message_hash", "felt"), in("completed_at", "u64"));
        ev("PayoutReleased", key("task_id", "u256"), key("provider", "address"), in("token", "address"),
                in("provider_payout", "u256"), in("gas_subsidy", "u256"));
        ev("FeeCollected", key("task_id", "u256"), key("treasury", "address"), in("token", "address"), in("amount", "u256"));
        ev("TaskCancelled", key("task_id", "u256"), key("creator", "address"), in("token", "address"), in("refund", "u256"));
        ev("TaskRefunded", key("task_id", "u256"), key("creator", "address"), in("token", "address"), in("refund", "u256"));
        ev("RelayerChanged", in("previous_relayer", "address"), in("new_relayer", "address"));
        ev("TreasuryChanged", in("previous_treasury", "address"), in("new_treasury", "address"));
        ev("TokenAllowedChanged", key("token", "address"), in("allowed", "bool"));
        ev("ClaimWindowChanged", in("previous_window", "u64"), in("new_window", "u64"));
        ev("OwnershipTransferred", key("previous_owner", "address"), key("new_owner", "address"));
        ev("Paused", in("account", "address"));
        ev("Unpaused", in("account", "address"));
        ev("Upgraded", in("class_hash", "class_hash"));
    }

    private EscrowAbi() {}

    private static Member in(String name, String type) {
        return new Member(name, type, false);
    }

    private static Member key(String name, String type) {
        return new Member(name, type, true);
    }

    private static void fn(String name, boolean view, List<String> outputs, Member... inputs) {
        FUNCTIONS.put(name, new Function(name, List.of(inputs), outputs, view));
    }

    private static void ev(String name, Member... members) {
        EVENTS.put(name, List.of(members));
    }
}
