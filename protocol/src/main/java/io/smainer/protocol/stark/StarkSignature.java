package io.smainer.protocol.stark;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.smainer.protocol.json.FeltHexSerializer;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A Stark-curve ECDSA signature {@code (r, s)}. On the wire it is {@code {"r": "0x…", "s": "0x…"}}
 * (PROTOCOL.md §2 {@code auth_signature} and {@code signature}).
 */
public record StarkSignature(
        @JsonSerialize(using = FeltHexSerializer.class) BigInteger r,
        @JsonSerialize(using = FeltHexSerializer.class) BigInteger s) {
    public StarkSignature {
        Objects.requireNonNull(r, "signature r");
        Objects.requireNonNull(s, "signature s");
        if (r.signum() < 0 || s.signum() < 0) {
            throw new IllegalArgumentException("signature r and s must be non-negative");
        }
    }

    /** {@code r} as {@code 0x}-prefixed lowercase hex. */
    public String rHex() {
        return Felts.toHex(r);
    }

    /** {@code s} as {@code 0x}-prefixed lowercase hex. */
    public String sHex() {
        return Felts.toHex(s);
    }

    /** Signatures are not secret, but they are long: logs get a short form. */
    @Override
    public String toString() {
        return "StarkSignature[r=" + KeyRedaction.redact(rHex()) + ", s=" + KeyRedaction.redact(sHex()) + "]";
    }
}
