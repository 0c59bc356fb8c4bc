package io.smainer.protocol.stark.curve;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The long differential suite (CI runs it as part of verify; a few minutes on two cores, nearly all
 * of it spent inside starknet-jvm).
 */
@Tag("slow")
class DifferentialSlowTest {
    private final DifferentialChecks checks = new DifferentialChecks(StarkInputs.forSuite("DifferentialSlowTest"));

    @Test
    void pedersenHashesEqual() {
        checks.pedersenHashesEqual(100_000);
    }

    @Test
    void ourSignaturesVerifiedByStarknetJvm() {
        checks.ourSignaturesVerifiedByReference(100_000, 50);
    }

    @Test
    void starknetJvmSignaturesEqualOursAndVerify() {
        checks.referenceSignaturesEqualAndVerified(2_000);
    }

    @Test
    void preparedKeysAgreeWithStarknetJvm() {
        checks.preparedKeysAgreeWithReference(5_000);
    }

    @Test
    void publicKeysEqual() {
        checks.publicKeysEqual(20_000);
    }
}
