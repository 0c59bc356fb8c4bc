package io.smainer.devnet.exec;

import java.math.BigInteger;
import java.util.List;

/** An event as Starknet stores it: the emitting contract, {@code keys} ({@code [selector, #[key] fields…]}) and {@code data}. */
public record EmittedEvent(BigInteger fromAddress, List<BigInteger> keys, List<BigInteger> data) {
    public EmittedEvent {
        keys = List.copyOf(keys);
        data = List.copyOf(data);
    }
}
