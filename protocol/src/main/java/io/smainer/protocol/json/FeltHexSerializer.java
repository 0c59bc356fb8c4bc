package io.smainer.protocol.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.smainer.protocol.stark.Felts;
import java.io.IOException;
import java.math.BigInteger;

/** Writes field elements (hashes, signature parts) as {@code 0x} hex strings, as Starknet tools do. */
public final class FeltHexSerializer extends StdSerializer<BigInteger> {
    private static final long serialVersionUID = 1L;

    public FeltHexSerializer() {
        super(BigInteger.class);
    }

    @Override
    public void serialize(BigInteger value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(Felts.toHex(value));
    }
}
