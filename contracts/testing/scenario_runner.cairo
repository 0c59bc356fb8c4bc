// Interpreter for the scenario programs that scripts/gen-tests.mjs compiles from
// contracts/scenarios/*.json. A program is a flat felt252 array at the ABI level: raw selectors,
// serialized calldata, expected return data, revert reasons and raw event keys/data. Keeping the
// logic here, once, and only data in the generated tests keeps the wasm compiler within its 4 GiB
// memory (one big generated test body per scenario exhausted it).
//
// Opcodes (every op starts with its code; LIST = length followed by that many felts):
//   OP_DEPLOY  class(CLASS_*) calldata:LIST                     deploy; the address becomes ref #n
//   OP_TIME    timestamp                                         set the block timestamp
//   OP_CALL    step target caller selector calldata:LIST outcome
//              outcome = EXPECT_OK | EXPECT_RETURNS ret:LIST | EXPECT_REVERT reason
//   OP_VIEW    step target selector calldata:LIST n (offset value)*n
//              call a view and compare the listed felts of its return data
//   OP_EVENTS  step source n (keys:LIST data:LIST)*n            the exact events `source` emitted
//                                                               during the last OP_CALL, in order
// A felt equal to REF_BASE + i stands for the address of the i-th deployed contract (deploy
// addresses are only known at run time). Logs of every deployed contract are drained before each
// OP_CALL so that OP_EVENTS sees only that call's events.

#[cfg(test)]
pub mod scenario_runner {
    use starknet::syscalls::{call_contract_syscall, deploy_syscall};
    use starknet::testing::{pop_log_raw, set_block_timestamp, set_contract_address};
    use starknet::{ClassHash, ContractAddress, SyscallResultTrait};

    pub const REF_BASE: felt252 = 0x5ce7a110000000000000000000000000000000000000000000000000000000;
    pub const OP_DEPLOY: felt252 = 1;
    pub const OP_TIME: felt252 = 2;
    pub const OP_CALL: felt252 = 3;
    pub const OP_VIEW: felt252 = 4;
    pub const OP_EVENTS: felt252 = 5;
    pub const CLASS_ESCROW: felt252 = 0;
    pub const CLASS_ERC20: felt252 = 1;
    pub const EXPECT_OK: felt252 = 0;
    pub const EXPECT_RETURNS: felt252 = 1;
    pub const EXPECT_REVERT: felt252 = 2;

    fn next(ref program: Span<felt252>) -> felt252 {
        match program.pop_front() {
            Option::Some(value) => *value,
            Option::None => core::panic_with_felt252('scenario program truncated'),
        }
    }

    fn resolve(refs: @Array<ContractAddress>, value: felt252) -> felt252 {
        let offset: u256 = (value - REF_BASE).into();
        if offset < refs.len().into() {
            let index: u32 = offset.try_into().unwrap();
            (*refs.at(index)).into()
        } else {
            value
        }
    }

    fn next_address(ref program: Span<felt252>, refs: @Array<ContractAddress>) -> ContractAddress {
        resolve(refs, next(ref program)).try_into().unwrap()
    }

    fn next_list(ref program: Span<felt252>, refs: @Array<ContractAddress>) -> Array<felt252> {
        let mut len = next(ref program);
        let mut out = array![];
        while len != 0 {
            out.append(resolve(refs, next(ref program)));
            len -= 1;
        };
        out
    }

    fn check(condition: bool, step: felt252, what: felt252) {
        if !condition {
            core::panic(array!['scenario check failed', step, what]);
        }
    }

    fn drain(refs: @Array<ContractAddress>) {
        let mut i = 0;
        while i < refs.len() {
            while pop_log_raw(*refs.at(i)).is_some() {};
            i += 1;
        };
    }

    fn class_of(kind: felt252) -> ClassHash {
        let hash = if kind == CLASS_ESCROW {
            super::SmainerEscrow::TEST_CLASS_HASH
        } else if kind == CLASS_ERC20 {
            super::MockERC20::TEST_CLASS_HASH
        } else {
            core::panic_with_felt252('unknown class in program')
        };
        hash.try_into().unwrap()
    }

    /// Runs the world program, then the scenario's steps, against one set of deployments.
    pub fn run(world: Span<felt252>, steps: Span<felt252>) {
        let mut refs: Array<ContractAddress> = array![];
        execute(ref refs, world);
        execute(ref refs, steps);
    }

    fn execute(ref refs: Array<ContractAddress>, mut program: Span<felt252>) {
        loop {
            let op = match program.pop_front() {
                Option::Some(op) => *op,
                Option::None => { break; },
            };
            if op == OP_DEPLOY {
                let class_hash = class_of(next(ref program));
                let calldata = next_list(ref program, @refs);
                let salt: felt252 = refs.len().into();
                let (address, _) = deploy_syscall(class_hash, salt, calldata.span(), false)
                    .unwrap_syscall();
                refs.append(address);
            } else if op == OP_TIME {
                set_block_timestamp(next(ref program).try_into().unwrap());
            } else if op == OP_CALL {
                let step = next(ref program);
                let target = next_address(ref program, @refs);
                let caller = next_address(ref program, @refs);
                let selector = next(ref program);
                let calldata = next_list(ref program, @refs);
                drain(@refs);
                set_contract_address(caller);
                let result = call_contract_syscall(target, selector, calldata.span());
                let outcome = next(ref program);
                if outcome == EXPECT_REVERT {
                    let reason = next(ref program);
                    match result {
                        Result::Ok(_) => check(false, step, 'expected a revert'),
                        Result::Err(data) => check(
                            data.len() > 0 && *data.at(0) == reason, step, 'wrong revert reason',
                        ),
                    }
                } else {
                    match result {
                        Result::Ok(returned) => {
                            if outcome == EXPECT_RETURNS {
                                let expected = next_list(ref program, @refs);
                                check(returned == expected.span(), step, 'wrong return data');
                            }
                        },
                        Result::Err(_) => check(false, step, 'unexpected revert'),
                    }
                }
            } else if op == OP_VIEW {
                let step = next(ref program);
                let target = next_address(ref program, @refs);
                let selector = next(ref program);
                let calldata = next_list(ref program, @refs);
                let returned = call_contract_syscall(target, selector, calldata.span())
                    .unwrap_syscall();
                let mut n = next(ref program);
                while n != 0 {
                    let offset: u32 = next(ref program).try_into().unwrap();
                    let expected = resolve(@refs, next(ref program));
                    check(offset < returned.len(), step, 'view returned too little');
                    check(*returned.at(offset) == expected, step, 'wrong view value');
                    n -= 1;
                };
            } else if op == OP_EVENTS {
                let step = next(ref program);
                let source = next_address(ref program, @refs);
                let mut n = next(ref program);
                while n != 0 {
                    let keys = next_list(ref program, @refs);
                    let data = next_list(ref program, @refs);
                    match pop_log_raw(source) {
                        Option::Some((
                            got_keys, got_data,
                        )) => {
                            check(got_keys == keys.span(), step, 'wrong event keys');
                            check(got_data == data.span(), step, 'wrong event data');
                        },
                        Option::None => check(false, step, 'missing event'),
                    }
                    n -= 1;
                };
                check(pop_log_raw(source).is_none(), step, 'unexpected extra event');
            } else {
                core::panic_with_felt252('unknown scenario opcode');
            }
        };
    }
}
