// Hand-written tests for what the scenario table cannot express: a hostile token re-entering the
// escrow, a real class upgrade, and constructor validation. Everything else lives in
// contracts/scenarios/*.json so the Java escrow model runs it too.
//
// The whole file is a "@unit-only" region: scripts/cairo.mjs leaves it out of batches that run
// only scenario tests, because the wasm test runner's time and memory per contract call grow
// with the size of the compiled test crate.

// @unit-only
#[cfg(test)]
#[starknet::interface]
pub trait IHostileToken<TContractState> {
    fn arm(ref self: TContractState, escrow: starknet::ContractAddress);
}

/// A token whose `transfer` re-enters the escrow's `create_task`: with the reentrancy guard the
/// nested call must fail; without it, it would create a task in the middle of a payout.
#[cfg(test)]
#[starknet::contract]
pub mod HostileToken {
    use starknet::storage::{StoragePointerReadAccess, StoragePointerWriteAccess};
    use starknet::{ContractAddress, get_contract_address};
    use super::{IEscrowDispatcher, IEscrowDispatcherTrait};

    #[storage]
    struct Storage {
        escrow: ContractAddress,
    }

    #[abi(embed_v0)]
    impl HostileImpl of super::IHostileToken<ContractState> {
        fn arm(ref self: ContractState, escrow: ContractAddress) {
            self.escrow.write(escrow);
        }
    }

    #[abi(embed_v0)]
    impl ERC20Impl of super::IERC20<ContractState> {
        fn balance_of(self: @ContractState, account: ContractAddress) -> u256 {
            0
        }

        fn allowance(self: @ContractState, owner: ContractAddress, spender: ContractAddress) -> u256 {
            0
        }

        fn transfer(ref self: ContractState, recipient: ContractAddress, amount: u256) -> bool {
            IEscrowDispatcher { contract_address: self.escrow.read() }
                .create_task(get_contract_address(), 1, 'reentered');
            true
        }

        fn transfer_from(
            ref self: ContractState, sender: ContractAddress, recipient: ContractAddress, amount: u256,
        ) -> bool {
            true
        }

        fn approve(ref self: ContractState, spender: ContractAddress, amount: u256) -> bool {
            true
        }
    }
}

#[cfg(test)]
#[starknet::interface]
pub trait IVersioned<TContractState> {
    fn version(self: @TContractState) -> felt252;
    fn get_task_count(self: @TContractState) -> u256;
}

/// Stand-in "next version" class for the upgrade test: reads the escrow's `task_count` slot, so
/// the test also shows that storage survives `replace_class_syscall`.
#[cfg(test)]
#[starknet::contract]
pub mod EscrowV2 {
    use starknet::storage::StoragePointerReadAccess;

    #[storage]
    struct Storage {
        task_count: u256,
    }

    #[abi(embed_v0)]
    impl VersionedImpl of super::IVersioned<ContractState> {
        fn version(self: @ContractState) -> felt252 {
            'v2'
        }

        fn get_task_count(self: @ContractState) -> u256 {
            self.task_count.read()
        }
    }
}

#[cfg(test)]
mod escrow_unit_tests {
    use starknet::syscalls::deploy_syscall;
    use starknet::testing::{pop_log, set_contract_address};
    use starknet::{ClassHash, ContractAddress};
    use super::{
        IERC20Dispatcher, IERC20DispatcherTrait, IEscrowAdminDispatcher, IEscrowAdminDispatcherTrait, IEscrowAdminSafeDispatcherTrait,
        IEscrowDispatcher, IEscrowDispatcherTrait, IEscrowSafeDispatcher, IEscrowSafeDispatcherTrait,
        IHostileTokenDispatcher, IHostileTokenDispatcherTrait, IMintableDispatcher,
        IMintableDispatcherTrait, IVersionedDispatcher, IVersionedDispatcherTrait,
    };

    fn addr(value: felt252) -> ContractAddress {
        value.try_into().unwrap()
    }

    fn owner() -> ContractAddress {
        addr(0x111)
    }

    fn relayer() -> ContractAddress {
        addr(0x222)
    }

    fn demander() -> ContractAddress {
        addr(0x444)
    }

    fn deploy(class_hash: felt252, salt: felt252, calldata: Span<felt252>) -> ContractAddress {
        let (address, _) = deploy_syscall(class_hash.try_into().unwrap(), salt, calldata, false)
            .unwrap();
        address
    }

    fn deploy_escrow(token: ContractAddress) -> ContractAddress {
        deploy(
            super::SmainerEscrow::TEST_CLASS_HASH,
            10,
            array![0x111, 0x222, 0x333, 1, token.into()].span(),
        )
    }

    #[test]
    #[feature("safe_dispatcher")]
    fn unit_reentrant_token_is_stopped_by_the_guard() {
        let hostile = deploy(super::HostileToken::TEST_CLASS_HASH, 1, array![].span());
        let escrow = deploy_escrow(hostile);
        IHostileTokenDispatcher { contract_address: hostile }.arm(escrow);

        set_contract_address(demander());
        let safe = IEscrowSafeDispatcher { contract_address: escrow };
        assert(safe.create_task(hostile, 100, 'task').unwrap() == 1, 'task created');
        // cancel_task pays the refund through the hostile token, which calls create_task back.
        let err = safe.cancel_task(1).unwrap_err();
        assert(*err.at(0) == 'ReentrancyGuard: reentrant call', 'guard tripped');
        let d = IEscrowDispatcher { contract_address: escrow };
        assert(d.get_task(1).status == super::TaskStatus::CREATED, 'cancel reverted');
        assert(d.get_task_count() == 1, 'no nested task');
    }

    #[test]
    #[feature("safe_dispatcher")]
    fn unit_upgrade_replaces_the_class_and_keeps_storage() {
        let token = deploy(super::MockERC20::TEST_CLASS_HASH, 1, array![0].span());
        IMintableDispatcher { contract_address: token }.mint(demander(), 1000);
        let escrow = deploy_escrow(token);
        set_contract_address(demander());
        IERC20Dispatcher { contract_address: token }.approve(escrow, 1000);
        IEscrowDispatcher { contract_address: escrow }.create_task(token, 1000, 'task');

        let v2: ClassHash = super::EscrowV2::TEST_CLASS_HASH.try_into().unwrap();
        set_contract_address(relayer());
        let err = super::IEscrowAdminSafeDispatcher { contract_address: escrow }
            .upgrade(v2)
            .unwrap_err();
        assert(*err.at(0) == 'Caller is not the owner', 'only owner upgrades');

        while pop_log::<super::SmainerEscrow::Event>(escrow).is_some() {};
        set_contract_address(owner());
        IEscrowAdminDispatcher { contract_address: escrow }.upgrade(v2);
        let expected = super::SmainerEscrow::Event::UpgradeableEvent(
            super::UpgradeableComponent::Event::Upgraded(
                super::UpgradeableComponent::Upgraded { class_hash: v2 },
            ),
        );
        assert(pop_log::<super::SmainerEscrow::Event>(escrow) == Option::Some(expected), 'Upgraded');

        let upgraded = IVersionedDispatcher { contract_address: escrow };
        assert(upgraded.version() == 'v2', 'new class answers');
        assert(upgraded.get_task_count() == 1, 'storage kept');
    }

    #[test]
    fn unit_constructor_rejects_zero_addresses() {
        let class_hash: ClassHash = super::SmainerEscrow::TEST_CLASS_HASH.try_into().unwrap();
        let no_owner = deploy_syscall(class_hash, 1, array![0, 0x222, 0x333, 0].span(), false);
        assert(*no_owner.unwrap_err().at(0) == 'New owner is the zero address', 'owner');
        let no_relayer = deploy_syscall(class_hash, 2, array![0x111, 0, 0x333, 0].span(), false);
        assert(*no_relayer.unwrap_err().at(0) == 'zero address', 'relayer');
        let no_treasury = deploy_syscall(class_hash, 3, array![0x111, 0x222, 0, 0].span(), false);
        assert(*no_treasury.unwrap_err().at(0) == 'zero address', 'treasury');
        let zero_token = deploy_syscall(class_hash, 4, array![0x111, 0x222, 0x333, 1, 0].span(), false);
        assert(*zero_token.unwrap_err().at(0) == 'zero address', 'token');
        let ok = deploy_syscall(class_hash, 5, array![0x111, 0x222, 0x333, 0].span(), false);
        let (address, _) = ok.unwrap();
        let d = IEscrowDispatcher { contract_address: address };
        assert(d.get_claim_window() == 86400, 'default claim window');
    }
}
// @end
