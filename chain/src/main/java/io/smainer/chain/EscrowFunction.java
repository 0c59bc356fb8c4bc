package io.smainer.chain;

import static io.smainer.chain.CairoType.ADDRESS;
import static io.smainer.chain.CairoType.FELT;
import static io.smainer.chain.CairoType.U256;
import static io.smainer.chain.CairoType.U8;

import com.swmansion.starknet.data.Selector;
import com.swmansion.starknet.data.types.Call;
import com.swmansion.starknet.data.types.Felt;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Every contract entry point the Java side calls, with its input types. Must match the compiled ABI of
 * contracts/src/escrow.cairo (and the ERC-20's); {@code EscrowAbiConformanceTest} checks names,
 * selectors and calldata widths against contracts/target.
 */
public enum EscrowFunction {
    REGISTER_NODE("register_node", U8, FELT),
    CREATE_TASK("create_task", ADDRESS, U256, FELT),
    ASSIGN_TASK("assign_task", U256, ADDRESS),
    SUBMIT_PROOF_AND_CLAIM("submit_proof_and_claim", U256, FELT, FELT, FELT),
    CANCEL_TASK("cancel_task", U256),
    REFUND_EXPIRED("refund_expired", U256),
    GET_TASK("get_task", U256),
    GET_USER_EARNINGS("get_user_earnings", ADDRESS),
    GET_NODE("get_node", ADDRESS),
    GET_TASK_COUNT("get_task_count"),
    IS_TOKEN_ALLOWED("is_token_allowed", ADDRESS),
    /** ERC-20 (OpenZeppelin): the demander's approval before {@code create_task}. */
    ERC20_APPROVE("approve", ADDRESS, U256),
    ERC20_BALANCE_OF("balance_of", ADDRESS);

    private final String entryPoint;
    private final List<CairoType> inputs;

    EscrowFunction(String entryPoint, CairoType... inputs) {
        this.entryPoint = entryPoint;
        this.inputs = List.of(inputs);
    }

    public String entryPoint() {
        return entryPoint;
    }

    public List<CairoType> inputs() {
        return inputs;
    }

    public boolean isErc20() {
        return name().startsWith("ERC20_");
    }

    public Felt selector() {
        return Selector.selectorFromName(entryPoint);
    }

    /** Felts of calldata this function takes. */
    public int calldataLength() {
        return inputs.stream().mapToInt(CairoType::width).sum();
    }

    /** A call of this function on {@code contract}; arguments are BigIntegers in input order. */
    public Call call(Felt contract, BigInteger... args) {
        if (args.length != inputs.size()) {
            throw new IllegalArgumentException(entryPoint + " takes " + inputs.size() + " arguments, got " + args.length);
        }
        List<Felt> calldata = new ArrayList<>(calldataLength());
        for (int i = 0; i < args.length; i++) {
            if (inputs.get(i) == U256) {
                CairoSerde.u256(calldata, args[i]);
            } else {
                calldata.add(new Felt(args[i]));
            }
        }
        return new Call(contract, selector(), calldata);
    }
}
