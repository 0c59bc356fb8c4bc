package io.smainer.protocol.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Locale;

/**
 * Integers of the protocol (wei amounts, u256 ids, felts): a JSON integer, a decimal string or a
 * {@code 0x} hex string. Floats are refused, even {@code 1.0}: an amount in wei is never fractional
 * and a float cannot carry 18 decimals exactly.
 */
final class WeiAmountDeserializer extends StdScalarDeserializer<BigInteger> {
    private static final long serialVersionUID = 1L;
    private static final int MAX_DIGITS = 80;

    WeiAmountDeserializer() {
        super(BigInteger.class);
    }

    @Override
    public BigInteger deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return p.getBigIntegerValue();
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            return (BigInteger) ctxt.handleWeirdNumberValue(BigInteger.class, p.getNumberValue(),
                    "must be an integer (JSON integer or decimal string), not a float");
        }
        if (t == JsonToken.VALUE_STRING) {
            String s = p.getText().trim();
            if (s.isEmpty() || s.length() > MAX_DIGITS) {
                return (BigInteger) ctxt.handleWeirdStringValue(BigInteger.class, s,
                        "must be an integer of at most " + MAX_DIGITS + " characters");
            }
            try {
                return s.toLowerCase(Locale.ROOT).startsWith("0x")
                        ? new BigInteger(s.substring(2), 16)
                        : new BigInteger(s, 10);
            } catch (NumberFormatException e) {
                return (BigInteger) ctxt.handleWeirdStringValue(BigInteger.class, s,
                        "must be a decimal or 0x-hex integer");
            }
        }
        return (BigInteger) ctxt.handleUnexpectedToken(BigInteger.class, p);
    }
}
