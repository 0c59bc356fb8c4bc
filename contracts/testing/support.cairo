// Test-only token used by every test, concatenated after src/escrow.cairo by contracts/test.sh
// (the wasm toolchain compiles a single file). Never part of the deployed class.

#[cfg(test)]
#[starknet::interface]
pub trait IMintable<TContractState> {
    fn mint(ref self: TContractState, recipient: starknet::ContractAddress, amount: u256);
}

/// Several balances in one call: every contract call costs the wasm test runner tens of MB, so
/// the scenario runner reads all the balances a step checks at once.
#[cfg(test)]
#[starknet::interface]
pub trait IBalances<TContractState> {
    fn balances_of(self: @TContractState, accounts: Span<starknet::ContractAddress>) -> Array<u256>;
}

/// Minimal ERC-20 with OpenZeppelin v0.17.0 `ERC20Component` semantics and error strings; the
/// Java escrow model's token must fail with the same strings (scenarios match on them).
#[cfg(test)]
#[starknet::contract]
pub mod MockERC20 {
    use starknet::storage::{
        Map, StorageMapReadAccess, StorageMapWriteAccess, StoragePointerReadAccess,
        StoragePointerWriteAccess,
    };
    use starknet::{ContractAddress, get_caller_address};

    #[storage]
    struct Storage {
        balances: Map<ContractAddress, u256>,
        allowances: Map<(ContractAddress, ContractAddress), u256>,
        total_supply: u256,
    }

    #[event]
    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub enum Event {
        Transfer: Transfer,
        Approval: Approval,
    }

    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub struct Transfer {
        #[key]
        pub from: ContractAddress,
        #[key]
        pub to: ContractAddress,
        pub value: u256,
    }

    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub struct Approval {
        #[key]
        pub owner: ContractAddress,
        #[key]
        pub spender: ContractAddress,
        pub value: u256,
    }

    /// Mints the initial balances (saves one call per holder in every scenario's setup).
    #[constructor]
    fn constructor(ref self: ContractState, initial_balances: Span<(ContractAddress, u256)>) {
        for entry in initial_balances {
            let (holder, amount) = *entry;
            self._mint(holder, amount);
        };
    }

    #[abi(embed_v0)]
    impl ERC20Impl of super::IERC20<ContractState> {
        fn balance_of(self: @ContractState, account: ContractAddress) -> u256 {
            self.balances.read(account)
        }

        fn allowance(self: @ContractState, owner: ContractAddress, spender: ContractAddress) -> u256 {
            self.allowances.read((owner, spender))
        }

        fn transfer(ref self: ContractState, recipient: ContractAddress, amount: u256) -> bool {
            self._transfer(get_caller_address(), recipient, amount);
            true
        }

        fn transfer_from(
            ref self: ContractState, sender: ContractAddress, recipient: ContractAddress, amount: u256,
        ) -> bool {
            let spender = get_caller_address();
            let allowed = self.allowances.read((sender, spender));
            assert(allowed >= amount, 'ERC20: insufficient allowance');
            self.allowances.write((sender, spender), allowed - amount);
            self._transfer(sender, recipient, amount);
            true
        }

        fn approve(ref self: ContractState, spender: ContractAddress, amount: u256) -> bool {
            let owner = get_caller_address();
            self.allowances.write((owner, spender), amount);
            self.emit(Approval { owner, spender, value: amount });
            true
        }
    }

    #[abi(embed_v0)]
    impl MintableImpl of super::IMintable<ContractState> {
        fn mint(ref self: ContractState, recipient: ContractAddress, amount: u256) {
            self._mint(recipient, amount);
        }
    }

    #[abi(embed_v0)]
    impl BalancesImpl of super::IBalances<ContractState> {
        fn balances_of(self: @ContractState, accounts: Span<ContractAddress>) -> Array<u256> {
            let mut out = array![];
            for account in accounts {
                out.append(self.balances.read(*account));
            };
            out
        }
    }

    #[generate_trait]
    impl InternalImpl of InternalTrait {
        fn _mint(ref self: ContractState, recipient: ContractAddress, amount: u256) {
            self.total_supply.write(self.total_supply.read() + amount);
            self.balances.write(recipient, self.balances.read(recipient) + amount);
            self.emit(Transfer { from: starknet::contract_address_const::<0>(), to: recipient, value: amount });
        }

        fn _transfer(
            ref self: ContractState, sender: ContractAddress, recipient: ContractAddress, amount: u256,
        ) {
            let balance = self.balances.read(sender);
            assert(balance >= amount, 'ERC20: insufficient balance');
            self.balances.write(sender, balance - amount);
            self.balances.write(recipient, self.balances.read(recipient) + amount);
            self.emit(Transfer { from: sender, to: recipient, value: amount });
        }
    }
}
