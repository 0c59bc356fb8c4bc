package io.smainer.protocol.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.smainer.protocol.FieldViolation;
import java.util.Locale;

/** Provider capability tier; the number is the escrow's {@code capability_tier} (PROTOCOL.md §4). */
public enum Tier {
    BASIC(1),
    PRO(2),
    PREMIUM(3);

    private final int onChain;

    Tier(int onChain) {
        this.onChain = onChain;
    }

    public int onChain() {
        return onChain;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when a node of this tier may run a task that requires {@code required}. */
    public boolean satisfies(Tier required) {
        return required == null || onChain >= required.onChain;
    }

    @JsonCreator
    public static Tier fromWire(String name) {
        for (Tier t : values()) {
            if (t.wireName().equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw FieldViolation.invalid("tier", "'" + name + "' is not one of basic, pro, premium");
    }

    public static Tier fromOnChain(int value) {
        for (Tier t : values()) {
            if (t.onChain == value) {
                return t;
            }
        }
        throw FieldViolation.invalid("capability_tier", value + " is not 1 (basic), 2 (pro) or 3 (premium)");
    }
}
