// Smainer escrow: escrows ERC-20 rewards for compute tasks and releases them against a provider's
// Stark signature over the task result (PROTOCOL.md §2 "Result hash and signature", §4 "Escrow
// contract surface"). Cairo 2.8.2, single file: the wasm-cairo toolchain used by contracts/test.sh
// compiles exactly one source file and cannot import packages, so the OpenZeppelin v0.17.0
// components this contract needs (Ownable, Pausable, ReentrancyGuard, Upgradeable) are re-stated
// below with the same storage names, events, errors and semantics.
//
// Mirrored elsewhere: the Java escrow model of the embedded devnet (relayer-lite `chain`) follows
// this file check by check; contracts/scenarios/*.json pins the behaviour of both.

use starknet::{ClassHash, ContractAddress};

/// Task status codes (PROTOCOL.md §4). Stored as plain u8: the wasm test runner crashes when an
/// enum field of a struct inside a `Map` is written, and the ABI exposes the numeric codes anyway.
pub mod TaskStatus {
    pub const CREATED: u8 = 0;
    pub const ASSIGNED: u8 = 1;
    pub const COMPLETED: u8 = 2;
    pub const CANCELLED: u8 = 3;
    /// Kept for compatibility with the production contract; this contract never sets it.
    pub const SETTLED: u8 = 4;
    pub const REFUNDED: u8 = 5;
}

/// Provider node status codes (PROTOCOL.md §4).
pub mod NodeStatus {
    pub const INACTIVE: u8 = 0;
    pub const ACTIVE: u8 = 1;
    pub const SUSPENDED: u8 = 2;
}

/// Capability tiers accepted by `register_node`: 1 basic, 2 pro, 3 premium.
pub mod Tier {
    pub const BASIC: u8 = 1;
    pub const PREMIUM: u8 = 3;
}

/// Fee split in basis points of the escrowed amount (PROTOCOL.md §4 "Fee split").
pub mod Fees {
    pub const BPS_DENOMINATOR: u256 = 10000;
    pub const TREASURY_BPS: u256 = 1200;
    pub const GAS_SUBSIDY_BPS: u256 = 300;
}

/// Revert reasons (Cairo short strings). contracts/scenarios/*.json and the Java model match on
/// these exact strings.
pub mod Errors {
    pub const NOT_RELAYER: felt252 = 'caller is not the relayer';
    pub const NOT_CREATOR: felt252 = 'caller is not the creator';
    pub const TASK_NOT_FOUND: felt252 = 'task not found';
    pub const TASK_NOT_CREATED: felt252 = 'task not in CREATED state';
    pub const TASK_NOT_ASSIGNED: felt252 = 'task not in ASSIGNED state';
    pub const CLAIM_WINDOW_EXPIRED: felt252 = 'claim window expired';
    pub const CLAIM_WINDOW_OPEN: felt252 = 'claim window not expired';
    pub const SIGNATURE_USED: felt252 = 'signature already used';
    pub const INVALID_SIGNATURE: felt252 = 'invalid signature';
    pub const TOKEN_NOT_ALLOWED: felt252 = 'token not allowed';
    pub const ZERO_AMOUNT: felt252 = 'amount is zero';
    pub const PROVIDER_NOT_ACTIVE: felt252 = 'provider not active';
    pub const NODE_SUSPENDED: felt252 = 'node is suspended';
    pub const NODE_NOT_ACTIVE: felt252 = 'node not active';
    pub const NODE_NOT_SUSPENDED: felt252 = 'node not suspended';
    pub const INVALID_TIER: felt252 = 'invalid capability tier';
    pub const INVALID_PUBLIC_KEY: felt252 = 'invalid public key';
    pub const ZERO_ADDRESS: felt252 = 'zero address';
    pub const INVALID_CLAIM_WINDOW: felt252 = 'invalid claim window';
    pub const TRANSFER_FAILED: felt252 = 'token transfer failed';
    pub const TASK_ID_NOT_FELT: felt252 = 'task id exceeds felt252';
}

/// Default claim window: 24 h after assignment (PROTOCOL.md §4 `refund_expired`).
pub const DEFAULT_CLAIM_WINDOW: u64 = 86400;
/// Upper bound for `set_claim_window` (30 days): keeps `assigned_at + claim_window` far from u64
/// overflow and a demander's funds from being locked for an unbounded time.
pub const MAX_CLAIM_WINDOW: u64 = 2592000;

/// What `get_task` returns. Field order is the ABI order.
#[derive(Copy, Drop, Serde, PartialEq, Debug)]
pub struct Task {
    pub creator: ContractAddress,
    pub provider: ContractAddress,
    pub token: ContractAddress,
    pub amount: u256,
    pub status: u8,
    pub task_hash: felt252,
    pub result_hash: felt252,
    pub created_at: u64,
    pub assigned_at: u64,
    pub completed_at: u64,
    pub deadline: u64,
}

/// Everything about a task except its status, which lives in its own map (see `TaskStatus`).
#[derive(Copy, Drop, Serde, starknet::Store)]
pub struct TaskRecord {
    pub creator: ContractAddress,
    pub provider: ContractAddress,
    pub token: ContractAddress,
    pub amount: u256,
    pub task_hash: felt252,
    pub result_hash: felt252,
    pub created_at: u64,
    pub assigned_at: u64,
    pub completed_at: u64,
    pub deadline: u64,
}

#[derive(Copy, Drop, Serde, starknet::Store)]
pub struct NodeRecord {
    pub status: u8,
    pub tier: u8,
    pub public_key: felt252,
}

#[starknet::interface]
pub trait IEscrow<TContractState> {
    fn register_node(ref self: TContractState, capability_tier: u8, public_key: felt252);
    fn create_task(
        ref self: TContractState, token: ContractAddress, amount: u256, task_hash: felt252,
    ) -> u256;
    fn assign_task(ref self: TContractState, task_id: u256, provider: ContractAddress);
    fn submit_proof_and_claim(
        ref self: TContractState,
        task_id: u256,
        result_hash: felt252,
        sig_r: felt252,
        sig_s: felt252,
    );
    fn cancel_task(ref self: TContractState, task_id: u256);
    fn refund_expired(ref self: TContractState, task_id: u256);
    fn get_task(self: @TContractState, task_id: u256) -> Task;
    fn get_user_earnings(self: @TContractState, user: ContractAddress) -> u256;
    fn get_node(self: @TContractState, node: ContractAddress) -> (u8, u8, felt252);
    fn get_message_hash(
        self: @TContractState, task_id: u256, provider: ContractAddress, result_hash: felt252,
    ) -> felt252;
    fn is_message_used(self: @TContractState, message_hash: felt252) -> bool;
    fn get_task_count(self: @TContractState) -> u256;
    fn get_relayer(self: @TContractState) -> ContractAddress;
    fn get_treasury(self: @TContractState) -> ContractAddress;
    fn get_claim_window(self: @TContractState) -> u64;
    fn is_token_allowed(self: @TContractState, token: ContractAddress) -> bool;
}

#[starknet::interface]
pub trait IEscrowAdmin<TContractState> {
    fn set_relayer(ref self: TContractState, relayer: ContractAddress);
    fn set_treasury(ref self: TContractState, treasury: ContractAddress);
    fn set_token_allowed(ref self: TContractState, token: ContractAddress, allowed: bool);
    fn set_claim_window(ref self: TContractState, claim_window: u64);
    fn suspend_node(ref self: TContractState, node: ContractAddress);
    fn reinstate_node(ref self: TContractState, node: ContractAddress);
    fn pause(ref self: TContractState);
    fn unpause(ref self: TContractState);
    fn upgrade(ref self: TContractState, new_class_hash: ClassHash);
}

/// The snake_case ERC-20 entry points the escrow calls (STRK implements them).
#[starknet::interface]
pub trait IERC20<TContractState> {
    fn balance_of(self: @TContractState, account: ContractAddress) -> u256;
    fn allowance(self: @TContractState, owner: ContractAddress, spender: ContractAddress) -> u256;
    fn transfer(ref self: TContractState, recipient: ContractAddress, amount: u256) -> bool;
    fn transfer_from(
        ref self: TContractState, sender: ContractAddress, recipient: ContractAddress, amount: u256,
    ) -> bool;
    fn approve(ref self: TContractState, spender: ContractAddress, amount: u256) -> bool;
}

#[starknet::interface]
pub trait IOwnable<TState> {
    fn owner(self: @TState) -> ContractAddress;
    fn transfer_ownership(ref self: TState, new_owner: ContractAddress);
    fn renounce_ownership(ref self: TState);
}

#[starknet::interface]
pub trait IPausable<TState> {
    fn is_paused(self: @TState) -> bool;
}

/// The fee split of PROTOCOL.md §4: (provider_payout, gas_subsidy, treasury_fee). The floor of
/// `amount * bps / 10000` is computed as `q * bps + r * bps / 10000` with `amount = q * 10000 + r`,
/// which is exact and cannot overflow for any u256 amount. Rounding dust goes to the provider.
pub fn fee_split(amount: u256) -> (u256, u256, u256) {
    let q = amount / Fees::BPS_DENOMINATOR;
    let r = amount % Fees::BPS_DENOMINATOR;
    let treasury_fee = q * Fees::TREASURY_BPS + r * Fees::TREASURY_BPS / Fees::BPS_DENOMINATOR;
    let gas_subsidy = q * Fees::GAS_SUBSIDY_BPS + r * Fees::GAS_SUBSIDY_BPS / Fees::BPS_DENOMINATOR;
    let provider_payout = amount - treasury_fee - gas_subsidy;
    (provider_payout, gas_subsidy, treasury_fee)
}

/// `message_hash = pedersen(pedersen(task_id_felt, provider_address), result_hash)`, the hash the
/// provider daemon signs (PROTOCOL.md §2); `task_id_felt` is the on-chain task id as a felt.
pub fn result_message_hash(
    task_id: u256, provider: ContractAddress, result_hash: felt252,
) -> felt252 {
    let task_id_felt: Option<felt252> = task_id.try_into();
    let task_id_felt = match task_id_felt {
        Option::Some(value) => value,
        Option::None => core::panic_with_felt252(Errors::TASK_ID_NOT_FELT),
    };
    let provider_felt: felt252 = provider.into();
    core::pedersen::pedersen(core::pedersen::pedersen(task_id_felt, provider_felt), result_hash)
}

// Explicit zero checks: `is_zero()` is ambiguous in the wasm compiler's prelude (both `Zeroable`
// and `core::num::traits::Zero` apply), so compare the felt value instead.
pub fn is_zero_address(address: ContractAddress) -> bool {
    let value: felt252 = address.into();
    value == 0
}

pub fn is_zero_class_hash(class_hash: ClassHash) -> bool {
    let value: felt252 = class_hash.into();
    value == 0
}

/// OpenZeppelin v0.17.0 `OwnableComponent` semantics (one-step ownership).
#[starknet::component]
pub mod OwnableComponent {
    use starknet::storage::{StoragePointerReadAccess, StoragePointerWriteAccess};
    use starknet::{ContractAddress, get_caller_address};

    #[storage]
    pub struct Storage {
        pub Ownable_owner: ContractAddress,
    }

    #[event]
    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub enum Event {
        OwnershipTransferred: OwnershipTransferred,
    }

    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub struct OwnershipTransferred {
        #[key]
        pub previous_owner: ContractAddress,
        #[key]
        pub new_owner: ContractAddress,
    }

    pub mod Errors {
        pub const NOT_OWNER: felt252 = 'Caller is not the owner';
        pub const ZERO_ADDRESS_CALLER: felt252 = 'Caller is the zero address';
        pub const ZERO_ADDRESS_OWNER: felt252 = 'New owner is the zero address';
    }

    #[embeddable_as(OwnableImpl)]
    impl Ownable<
        TContractState, +HasComponent<TContractState>,
    > of super::IOwnable<ComponentState<TContractState>> {
        fn owner(self: @ComponentState<TContractState>) -> ContractAddress {
            self.Ownable_owner.read()
        }

        fn transfer_ownership(
            ref self: ComponentState<TContractState>, new_owner: ContractAddress,
        ) {
            assert(!super::is_zero_address(new_owner), Errors::ZERO_ADDRESS_OWNER);
            self.assert_only_owner();
            self._transfer_ownership(new_owner);
        }

        fn renounce_ownership(ref self: ComponentState<TContractState>) {
            self.assert_only_owner();
            self._transfer_ownership(starknet::contract_address_const::<0>());
        }
    }

    #[generate_trait]
    pub impl InternalImpl<
        TContractState, +HasComponent<TContractState>,
    > of InternalTrait<TContractState> {
        fn initializer(ref self: ComponentState<TContractState>, owner: ContractAddress) {
            assert(!super::is_zero_address(owner), Errors::ZERO_ADDRESS_OWNER);
            self._transfer_ownership(owner);
        }

        fn assert_only_owner(self: @ComponentState<TContractState>) {
            let owner = self.Ownable_owner.read();
            let caller = get_caller_address();
            assert(!super::is_zero_address(caller), Errors::ZERO_ADDRESS_CALLER);
            assert(caller == owner, Errors::NOT_OWNER);
        }

        fn _transfer_ownership(ref self: ComponentState<TContractState>, new_owner: ContractAddress) {
            let previous_owner = self.Ownable_owner.read();
            self.Ownable_owner.write(new_owner);
            self.emit(OwnershipTransferred { previous_owner, new_owner });
        }
    }
}

/// OpenZeppelin v0.17.0 `PausableComponent` semantics.
#[starknet::component]
pub mod PausableComponent {
    use starknet::storage::{StoragePointerReadAccess, StoragePointerWriteAccess};
    use starknet::{ContractAddress, get_caller_address};

    #[storage]
    pub struct Storage {
        pub Pausable_paused: bool,
    }

    #[event]
    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub enum Event {
        Paused: Paused,
        Unpaused: Unpaused,
    }

    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub struct Paused {
        pub account: ContractAddress,
    }

    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub struct Unpaused {
        pub account: ContractAddress,
    }

    pub mod Errors {
        pub const PAUSED: felt252 = 'Pausable: paused';
        pub const NOT_PAUSED: felt252 = 'Pausable: not paused';
    }

    #[embeddable_as(PausableImpl)]
    impl Pausable<
        TContractState, +HasComponent<TContractState>,
    > of super::IPausable<ComponentState<TContractState>> {
        fn is_paused(self: @ComponentState<TContractState>) -> bool {
            self.Pausable_paused.read()
        }
    }

    #[generate_trait]
    pub impl InternalImpl<
        TContractState, +HasComponent<TContractState>,
    > of InternalTrait<TContractState> {
        fn assert_not_paused(self: @ComponentState<TContractState>) {
            assert(!self.Pausable_paused.read(), Errors::PAUSED);
        }

        fn assert_paused(self: @ComponentState<TContractState>) {
            assert(self.Pausable_paused.read(), Errors::NOT_PAUSED);
        }

        fn pause(ref self: ComponentState<TContractState>) {
            self.assert_not_paused();
            self.Pausable_paused.write(true);
            self.emit(Paused { account: get_caller_address() });
        }

        fn unpause(ref self: ComponentState<TContractState>) {
            self.assert_paused();
            self.Pausable_paused.write(false);
            self.emit(Unpaused { account: get_caller_address() });
        }
    }
}

/// OpenZeppelin v0.17.0 `ReentrancyGuardComponent` semantics.
#[starknet::component]
pub mod ReentrancyGuardComponent {
    use starknet::storage::{StoragePointerReadAccess, StoragePointerWriteAccess};

    #[storage]
    pub struct Storage {
        pub ReentrancyGuard_entered: bool,
    }

    #[event]
    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub enum Event {}

    pub mod Errors {
        pub const REENTRANT_CALL: felt252 = 'ReentrancyGuard: reentrant call';
    }

    #[generate_trait]
    pub impl InternalImpl<
        TContractState, +HasComponent<TContractState>,
    > of InternalTrait<TContractState> {
        fn start(ref self: ComponentState<TContractState>) {
            assert(!self.ReentrancyGuard_entered.read(), Errors::REENTRANT_CALL);
            self.ReentrancyGuard_entered.write(true);
        }

        fn end(ref self: ComponentState<TContractState>) {
            self.ReentrancyGuard_entered.write(false);
        }
    }
}

/// OpenZeppelin v0.17.0 `UpgradeableComponent` semantics.
#[starknet::component]
pub mod UpgradeableComponent {
    use starknet::ClassHash;
    use starknet::SyscallResultTrait;

    #[storage]
    pub struct Storage {}

    #[event]
    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub enum Event {
        Upgraded: Upgraded,
    }

    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub struct Upgraded {
        pub class_hash: ClassHash,
    }

    pub mod Errors {
        pub const INVALID_CLASS: felt252 = 'Class hash cannot be zero';
    }

    #[generate_trait]
    pub impl InternalImpl<
        TContractState, +HasComponent<TContractState>,
    > of InternalTrait<TContractState> {
        fn upgrade(ref self: ComponentState<TContractState>, new_class_hash: ClassHash) {
            assert(!super::is_zero_class_hash(new_class_hash), Errors::INVALID_CLASS);
            starknet::syscalls::replace_class_syscall(new_class_hash).unwrap_syscall();
            self.emit(Upgraded { class_hash: new_class_hash });
        }
    }
}

#[starknet::contract]
pub mod SmainerEscrow {
    use starknet::storage::{
        Map, StorageMapReadAccess, StorageMapWriteAccess, StoragePointerReadAccess,
        StoragePointerWriteAccess,
    };
    use starknet::{
        ClassHash, ContractAddress, get_block_timestamp, get_caller_address, get_contract_address,
    };
    use super::{
        DEFAULT_CLAIM_WINDOW, Errors, IERC20Dispatcher, IERC20DispatcherTrait, MAX_CLAIM_WINDOW,
        NodeRecord, NodeStatus, Task, TaskRecord, TaskStatus, Tier,
    };
    use super::{OwnableComponent, PausableComponent, ReentrancyGuardComponent, UpgradeableComponent};

    component!(path: OwnableComponent, storage: ownable, event: OwnableEvent);
    component!(path: PausableComponent, storage: pausable, event: PausableEvent);
    component!(path: ReentrancyGuardComponent, storage: reentrancy_guard, event: ReentrancyGuardEvent);
    component!(path: UpgradeableComponent, storage: upgradeable, event: UpgradeableEvent);

    #[abi(embed_v0)]
    impl OwnableImpl = OwnableComponent::OwnableImpl<ContractState>;
    impl OwnableInternalImpl = OwnableComponent::InternalImpl<ContractState>;
    #[abi(embed_v0)]
    impl PausableImpl = PausableComponent::PausableImpl<ContractState>;
    impl PausableInternalImpl = PausableComponent::InternalImpl<ContractState>;
    impl ReentrancyGuardInternalImpl = ReentrancyGuardComponent::InternalImpl<ContractState>;
    impl UpgradeableInternalImpl = UpgradeableComponent::InternalImpl<ContractState>;

    #[storage]
    struct Storage {
        #[substorage(v0)]
        ownable: OwnableComponent::Storage,
        #[substorage(v0)]
        pausable: PausableComponent::Storage,
        #[substorage(v0)]
        reentrancy_guard: ReentrancyGuardComponent::Storage,
        #[substorage(v0)]
        upgradeable: UpgradeableComponent::Storage,
        relayer: ContractAddress,
        treasury: ContractAddress,
        claim_window: u64,
        allowed_tokens: Map<ContractAddress, bool>,
        task_count: u256,
        tasks: Map<u256, TaskRecord>,
        task_status: Map<u256, u8>,
        nodes: Map<ContractAddress, NodeRecord>,
        earnings: Map<ContractAddress, u256>,
        used_messages: Map<felt252, bool>,
    }

    #[event]
    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub enum Event {
        NodeRegistered: NodeRegistered,
        NodeSuspended: NodeSuspended,
        NodeReinstated: NodeReinstated,
        TaskCreated: TaskCreated,
        TaskAssigned: TaskAssigned,
        TaskCompleted: TaskCompleted,
        PayoutReleased: PayoutReleased,
        FeeCollected: FeeCollected,
        TaskCancelled: TaskCancelled,
        TaskRefunded: TaskRefunded,
        RelayerChanged: RelayerChanged,
        TreasuryChanged: TreasuryChanged,
        TokenAllowedChanged: TokenAllowedChanged,
        ClaimWindowChanged: ClaimWindowChanged,
        #[flat]
        OwnableEvent: OwnableComponent::Event,
        #[flat]
        PausableEvent: PausableComponent::Event,
        #[flat]
        ReentrancyGuardEvent: ReentrancyGuardComponent::Event,
        #[flat]
        UpgradeableEvent: UpgradeableComponent::Event,
    }

    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub struct NodeRegistered {
        #[key]
        pub node: ContractAddress,
        pub capability_tier: u8,
        pub public_key: felt252,
    }

    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub struct NodeSuspended {
        #[key]
        pub node: ContractAddress,
    }

    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub struct NodeReinstated {
        #[key]
        pub node: ContractAddress,
    }

    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub struct TaskCreated {
        #[key]
        pub task_id: u256,
        #[key]
        pub creator: ContractAddress,
        pub token: ContractAddress,
        pub amount: u256,
        pub task_hash: felt252,
    }

    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub struct TaskAssigned {
        #[key]
        pub task_id: u256,
        #[key]
        pub provider: ContractAddress,
        pub assigned_at: u64,
        pub deadline: u64,
    }

    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub struct TaskCompleted {
        #[key]
        pub task_id: u256,
        #[key]
        pub provider: ContractAddress,
        pub result_hash: felt252,
        pub message_hash: felt252,
        pub completed_at: u64,
    }

    /// The provider receives `provider_payout + gas_subsidy` in one transfer.
    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub struct PayoutReleased {
        #[key]
        pub task_id: u256,
        #[key]
        pub provider: ContractAddress,
        pub token: ContractAddress,
        pub provider_payout: u256,
        pub gas_subsidy: u256,
    }

    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub struct FeeCollected {
        #[key]
        pub task_id: u256,
        #[key]
        pub treasury: ContractAddress,
        pub token: ContractAddress,
        pub amount: u256,
    }

    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub struct TaskCancelled {
        #[key]
        pub task_id: u256,
        #[key]
        pub creator: ContractAddress,
        pub token: ContractAddress,
        pub refund: u256,
    }

    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub struct TaskRefunded {
        #[key]
        pub task_id: u256,
        #[key]
        pub creator: ContractAddress,
        pub token: ContractAddress,
        pub refund: u256,
    }

    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub struct RelayerChanged {
        pub previous_relayer: ContractAddress,
        pub new_relayer: ContractAddress,
    }

    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub struct TreasuryChanged {
        pub previous_treasury: ContractAddress,
        pub new_treasury: ContractAddress,
    }

    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub struct TokenAllowedChanged {
        #[key]
        pub token: ContractAddress,
        pub allowed: bool,
    }

    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub struct ClaimWindowChanged {
        pub previous_window: u64,
        pub new_window: u64,
    }

    #[constructor]
    fn constructor(
        ref self: ContractState,
        owner: ContractAddress,
        relayer: ContractAddress,
        treasury: ContractAddress,
        allowed_tokens: Span<ContractAddress>,
    ) {
        self.ownable.initializer(owner);
        self._set_relayer(relayer);
        self._set_treasury(treasury);
        self.claim_window.write(DEFAULT_CLAIM_WINDOW);
        for token in allowed_tokens {
            self._set_token_allowed(*token, true);
        };
    }

    #[abi(embed_v0)]
    impl EscrowImpl of super::IEscrow<ContractState> {
        /// Checks: tier in 1..=3, key non-zero, caller not SUSPENDED. Re-registering an ACTIVE
        /// node updates its tier and key (key rotation). Not blocked by a pause.
        fn register_node(ref self: ContractState, capability_tier: u8, public_key: felt252) {
            let caller = get_caller_address();
            assert(
                capability_tier >= Tier::BASIC && capability_tier <= Tier::PREMIUM,
                Errors::INVALID_TIER,
            );
            assert(public_key != 0, Errors::INVALID_PUBLIC_KEY);
            let node = self.nodes.read(caller);
            assert(node.status != NodeStatus::SUSPENDED, Errors::NODE_SUSPENDED);
            self
                .nodes
                .write(
                    caller, NodeRecord { status: NodeStatus::ACTIVE, tier: capability_tier, public_key },
                );
            self.emit(NodeRegistered { node: caller, capability_tier, public_key });
        }

        /// Checks: not paused, token allow-listed, amount > 0. The task is recorded before the
        /// token pull (checks-effects-interactions); a failed `transfer_from` reverts it all.
        fn create_task(
            ref self: ContractState, token: ContractAddress, amount: u256, task_hash: felt252,
        ) -> u256 {
            self.pausable.assert_not_paused();
            self.reentrancy_guard.start();
            let creator = get_caller_address();
            assert(self.allowed_tokens.read(token), Errors::TOKEN_NOT_ALLOWED);
            assert(amount != 0, Errors::ZERO_AMOUNT);

            let task_id = self.task_count.read() + 1;
            self.task_count.write(task_id);
            let now = get_block_timestamp();
            self
                .tasks
                .write(
                    task_id,
                    TaskRecord {
                        creator,
                        provider: starknet::contract_address_const::<0>(),
                        token,
                        amount,
                        task_hash,
                        result_hash: 0,
                        created_at: now,
                        assigned_at: 0,
                        completed_at: 0,
                        deadline: 0,
                    },
                );
            self.task_status.write(task_id, TaskStatus::CREATED);
            self.emit(TaskCreated { task_id, creator, token, amount, task_hash });

            let pulled = IERC20Dispatcher { contract_address: token }
                .transfer_from(creator, get_contract_address(), amount);
            assert(pulled, Errors::TRANSFER_FAILED);
            self.reentrancy_guard.end();
            task_id
        }

        /// Checks: relayer, not paused, task exists and CREATED, provider ACTIVE.
        fn assign_task(ref self: ContractState, task_id: u256, provider: ContractAddress) {
            self._assert_only_relayer();
            self.pausable.assert_not_paused();
            let mut task = self._read_task(task_id);
            assert(self.task_status.read(task_id) == TaskStatus::CREATED, Errors::TASK_NOT_CREATED);
            assert(
                self.nodes.read(provider).status == NodeStatus::ACTIVE, Errors::PROVIDER_NOT_ACTIVE,
            );

            let now = get_block_timestamp();
            let deadline = now + self.claim_window.read();
            task.provider = provider;
            task.assigned_at = now;
            task.deadline = deadline;
            self.tasks.write(task_id, task);
            self.task_status.write(task_id, TaskStatus::ASSIGNED);
            self.emit(TaskAssigned { task_id, provider, assigned_at: now, deadline });
        }

        /// Checks, in this order: relayer, not paused, task exists, message hash unused, task
        /// ASSIGNED, `now <= deadline`, signature valid under the provider's registered key.
        /// The used-message check comes before the status check so that a replayed proof is
        /// reported as a replay rather than as a state error. Tracking the message hash (not the
        /// (r, s) pair) also rejects the malleated twin (r, -s) of a used signature.
        fn submit_proof_and_claim(
            ref self: ContractState,
            task_id: u256,
            result_hash: felt252,
            sig_r: felt252,
            sig_s: felt252,
        ) {
            self._assert_only_relayer();
            self.pausable.assert_not_paused();
            self.reentrancy_guard.start();
            let mut task = self._read_task(task_id);
            let message_hash = super::result_message_hash(task_id, task.provider, result_hash);
            assert(!self.used_messages.read(message_hash), Errors::SIGNATURE_USED);
            assert(
                self.task_status.read(task_id) == TaskStatus::ASSIGNED, Errors::TASK_NOT_ASSIGNED,
            );
            let now = get_block_timestamp();
            assert(now <= task.deadline, Errors::CLAIM_WINDOW_EXPIRED);
            let public_key = self.nodes.read(task.provider).public_key;
            assert(
                core::ecdsa::check_ecdsa_signature(message_hash, public_key, sig_r, sig_s),
                Errors::INVALID_SIGNATURE,
            );

            // Effects.
            let (provider_payout, gas_subsidy, treasury_fee) = super::fee_split(task.amount);
            let provider_receives = provider_payout + gas_subsidy;
            let treasury = self.treasury.read();
            self.used_messages.write(message_hash, true);
            task.result_hash = result_hash;
            task.completed_at = now;
            self.tasks.write(task_id, task);
            self.task_status.write(task_id, TaskStatus::COMPLETED);
            self.earnings.write(task.provider, self.earnings.read(task.provider) + provider_receives);
            self
                .emit(
                    TaskCompleted {
                        task_id, provider: task.provider, result_hash, message_hash, completed_at: now,
                    },
                );
            self
                .emit(
                    PayoutReleased {
                        task_id, provider: task.provider, token: task.token, provider_payout, gas_subsidy,
                    },
                );
            self.emit(FeeCollected { task_id, treasury, token: task.token, amount: treasury_fee });

            // Interactions.
            self._pay(task.token, task.provider, provider_receives);
            self._pay(task.token, treasury, treasury_fee);
            self.reentrancy_guard.end();
        }

        /// Checks: task exists, caller is its creator, task CREATED. Never blocked by a pause.
        fn cancel_task(ref self: ContractState, task_id: u256) {
            self.reentrancy_guard.start();
            let task = self._read_task(task_id);
            assert(get_caller_address() == task.creator, Errors::NOT_CREATOR);
            assert(self.task_status.read(task_id) == TaskStatus::CREATED, Errors::TASK_NOT_CREATED);

            self.task_status.write(task_id, TaskStatus::CANCELLED);
            self
                .emit(
                    TaskCancelled {
                        task_id, creator: task.creator, token: task.token, refund: task.amount,
                    },
                );
            self._pay(task.token, task.creator, task.amount);
            self.reentrancy_guard.end();
        }

        /// Checks: task exists, caller is its creator, task ASSIGNED, `now > deadline`. Never
        /// blocked by a pause.
        fn refund_expired(ref self: ContractState, task_id: u256) {
            self.reentrancy_guard.start();
            let task = self._read_task(task_id);
            assert(get_caller_address() == task.creator, Errors::NOT_CREATOR);
            assert(
                self.task_status.read(task_id) == TaskStatus::ASSIGNED, Errors::TASK_NOT_ASSIGNED,
            );
            assert(get_block_timestamp() > task.deadline, Errors::CLAIM_WINDOW_OPEN);

            self.task_status.write(task_id, TaskStatus::REFUNDED);
            self
                .emit(
                    TaskRefunded {
                        task_id, creator: task.creator, token: task.token, refund: task.amount,
                    },
                );
            self._pay(task.token, task.creator, task.amount);
            self.reentrancy_guard.end();
        }

        fn get_task(self: @ContractState, task_id: u256) -> Task {
            let record = self._read_task(task_id);
            Task {
                creator: record.creator,
                provider: record.provider,
                token: record.token,
                amount: record.amount,
                status: self.task_status.read(task_id),
                task_hash: record.task_hash,
                result_hash: record.result_hash,
                created_at: record.created_at,
                assigned_at: record.assigned_at,
                completed_at: record.completed_at,
                deadline: record.deadline,
            }
        }

        fn get_user_earnings(self: @ContractState, user: ContractAddress) -> u256 {
            self.earnings.read(user)
        }

        fn get_node(self: @ContractState, node: ContractAddress) -> (u8, u8, felt252) {
            let record = self.nodes.read(node);
            (record.status, record.tier, record.public_key)
        }

        fn get_message_hash(
            self: @ContractState, task_id: u256, provider: ContractAddress, result_hash: felt252,
        ) -> felt252 {
            super::result_message_hash(task_id, provider, result_hash)
        }

        fn is_message_used(self: @ContractState, message_hash: felt252) -> bool {
            self.used_messages.read(message_hash)
        }

        fn get_task_count(self: @ContractState) -> u256 {
            self.task_count.read()
        }

        fn get_relayer(self: @ContractState) -> ContractAddress {
            self.relayer.read()
        }

        fn get_treasury(self: @ContractState) -> ContractAddress {
            self.treasury.read()
        }

        fn get_claim_window(self: @ContractState) -> u64 {
            self.claim_window.read()
        }

        fn is_token_allowed(self: @ContractState, token: ContractAddress) -> bool {
            self.allowed_tokens.read(token)
        }
    }

    #[abi(embed_v0)]
    impl EscrowAdminImpl of super::IEscrowAdmin<ContractState> {
        fn set_relayer(ref self: ContractState, relayer: ContractAddress) {
            self.ownable.assert_only_owner();
            self._set_relayer(relayer);
        }

        fn set_treasury(ref self: ContractState, treasury: ContractAddress) {
            self.ownable.assert_only_owner();
            self._set_treasury(treasury);
        }

        /// Gates new `create_task` calls only: a task keeps the token it was created with, so
        /// delisting a token never strands escrowed funds (claims and refunds still pay out).
        fn set_token_allowed(ref self: ContractState, token: ContractAddress, allowed: bool) {
            self.ownable.assert_only_owner();
            self._set_token_allowed(token, allowed);
        }

        /// Applies to assignments made after the call; existing deadlines are never moved.
        fn set_claim_window(ref self: ContractState, claim_window: u64) {
            self.ownable.assert_only_owner();
            assert(
                claim_window != 0 && claim_window <= MAX_CLAIM_WINDOW, Errors::INVALID_CLAIM_WINDOW,
            );
            let previous_window = self.claim_window.read();
            self.claim_window.write(claim_window);
            self.emit(ClaimWindowChanged { previous_window, new_window: claim_window });
        }

        fn suspend_node(ref self: ContractState, node: ContractAddress) {
            self.ownable.assert_only_owner();
            let mut record = self.nodes.read(node);
            assert(record.status == NodeStatus::ACTIVE, Errors::NODE_NOT_ACTIVE);
            record.status = NodeStatus::SUSPENDED;
            self.nodes.write(node, record);
            self.emit(NodeSuspended { node });
        }

        fn reinstate_node(ref self: ContractState, node: ContractAddress) {
            self.ownable.assert_only_owner();
            let mut record = self.nodes.read(node);
            assert(record.status == NodeStatus::SUSPENDED, Errors::NODE_NOT_SUSPENDED);
            record.status = NodeStatus::ACTIVE;
            self.nodes.write(node, record);
            self.emit(NodeReinstated { node });
        }

        fn pause(ref self: ContractState) {
            self.ownable.assert_only_owner();
            self.pausable.pause();
        }

        fn unpause(ref self: ContractState) {
            self.ownable.assert_only_owner();
            self.pausable.unpause();
        }

        fn upgrade(ref self: ContractState, new_class_hash: ClassHash) {
            self.ownable.assert_only_owner();
            self.upgradeable.upgrade(new_class_hash);
        }
    }

    #[generate_trait]
    impl InternalImpl of InternalTrait {
        fn _assert_only_relayer(self: @ContractState) {
            assert(get_caller_address() == self.relayer.read(), Errors::NOT_RELAYER);
        }

        fn _read_task(self: @ContractState, task_id: u256) -> TaskRecord {
            assert(task_id != 0 && task_id <= self.task_count.read(), Errors::TASK_NOT_FOUND);
            self.tasks.read(task_id)
        }

        /// Zero amounts (e.g. the treasury fee of a 1-wei task) are not transferred; the
        /// matching `FeeCollected`/`PayoutReleased` event still records the zero.
        fn _pay(ref self: ContractState, token: ContractAddress, to: ContractAddress, amount: u256) {
            if amount == 0 {
                return;
            }
            let sent = IERC20Dispatcher { contract_address: token }.transfer(to, amount);
            assert(sent, Errors::TRANSFER_FAILED);
        }

        fn _set_relayer(ref self: ContractState, relayer: ContractAddress) {
            assert(!super::is_zero_address(relayer), Errors::ZERO_ADDRESS);
            let previous_relayer = self.relayer.read();
            self.relayer.write(relayer);
            self.emit(RelayerChanged { previous_relayer, new_relayer: relayer });
        }

        fn _set_treasury(ref self: ContractState, treasury: ContractAddress) {
            assert(!super::is_zero_address(treasury), Errors::ZERO_ADDRESS);
            let previous_treasury = self.treasury.read();
            self.treasury.write(treasury);
            self.emit(TreasuryChanged { previous_treasury, new_treasury: treasury });
        }

        fn _set_token_allowed(ref self: ContractState, token: ContractAddress, allowed: bool) {
            assert(!super::is_zero_address(token), Errors::ZERO_ADDRESS);
            self.allowed_tokens.write(token, allowed);
            self.emit(TokenAllowedChanged { token, allowed });
        }
    }
}
