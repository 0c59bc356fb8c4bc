package io.smainer.relayer.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.smainer.protocol.json.ProtocolJson;
import io.smainer.protocol.stark.ResultProof;
import io.smainer.protocol.stark.StarkSignature;
import io.smainer.relayer.testkit.TestKeys;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Result checks with per-session prepared keys: same verdicts as the plain check, bounded, released on close. */
class SessionVerifyingKeysTest {
    private static final BigInteger TASK = BigInteger.valueOf(42);
    private static final BigInteger ADDRESS = new BigInteger("5a1b2c3d4e5f60718293a4b5c6d7e8f9012345678", 16);
    private static final BigInteger HASH = BigInteger.valueOf(777);

    private final ResultProof proof = new ResultProof(TestKeys.CRYPTO);
    private final BigInteger key = TestKeys.KEY.publicKey();
    private final BigInteger otherKey = TestKeys.OTHER_KEY.publicKey();
    private final StarkSignature valid = proof.sign(TestKeys.KEY, TASK, ADDRESS, HASH);
    private final StarkSignature byOther = proof.sign(TestKeys.OTHER_KEY, TASK, ADDRESS, HASH);

    private static ChannelNodeSession session(String id) {
        return new ChannelNodeSession(new EmbeddedChannel(), id, new ProtocolJson());
    }

    @Test
    void preparedKeyGivesThePlainVerdicts() {
        SessionVerifyingKeys keys = new SessionVerifyingKeys(proof, 8);
        ChannelNodeSession s = session("node-1");
        for (int round = 0; round < 2; round++) { // the first call prepares the key, the second uses it
            assertThat(keys.verify(s, key, TASK, ADDRESS, HASH, valid)).isTrue();
            assertThat(keys.verify(s, key, TASK, ADDRESS, HASH.add(BigInteger.ONE), valid)).as("other hash").isFalse();
            assertThat(keys.verify(s, key, TASK.add(BigInteger.ONE), ADDRESS, HASH, valid)).as("other task").isFalse();
            assertThat(keys.verify(s, key, TASK, ADDRESS, HASH, byOther)).as("signed with another key").isFalse();
            assertThat(keys.verify(s, key, TASK, ADDRESS, HASH, new StarkSignature(valid.r(), valid.s().add(BigInteger.ONE))))
                    .as("tampered s").isFalse();
        }
        assertThat(keys.size()).isEqualTo(1);
    }

    @Test
    void aSessionWhoseKeyDiffersGetsItsOwnKey() {
        SessionVerifyingKeys keys = new SessionVerifyingKeys(proof, 8);
        ChannelNodeSession s = session("node-1");
        assertThat(keys.verify(s, key, TASK, ADDRESS, HASH, valid)).isTrue();
        assertThat(keys.verify(s, otherKey, TASK, ADDRESS, HASH, valid)).isFalse();
        assertThat(keys.verify(s, otherKey, TASK, ADDRESS, HASH, byOther)).isTrue();
        assertThat(keys.verify(s, key, TASK, ADDRESS, HASH, byOther)).isFalse();
    }

    @Test
    void beyondTheBoundResultsAreCheckedWithThePlainKey() {
        SessionVerifyingKeys keys = new SessionVerifyingKeys(proof, 1);
        ChannelNodeSession first = session("node-1");
        ChannelNodeSession second = session("node-2");
        assertThat(keys.verify(first, key, TASK, ADDRESS, HASH, valid)).isTrue();
        assertThat(keys.verify(second, otherKey, TASK, ADDRESS, HASH, byOther)).isTrue();
        assertThat(keys.verify(second, otherKey, TASK, ADDRESS, HASH, valid)).isFalse();
        assertThat(keys.size()).isEqualTo(1);
        keys.release(first);
        assertThat(keys.size()).isZero();
        assertThat(keys.verify(second, otherKey, TASK, ADDRESS, HASH, byOther)).isTrue();
        assertThat(keys.size()).isEqualTo(1);
    }

    @Test
    void aClosedSessionKeepsNoKey() {
        SessionVerifyingKeys keys = new SessionVerifyingKeys(proof, 8);
        EmbeddedChannel ch = new EmbeddedChannel();
        ChannelNodeSession s = new ChannelNodeSession(ch, "node-1", new ProtocolJson());
        ch.close();
        assertThat(keys.verify(s, key, TASK, ADDRESS, HASH, valid)).isTrue();
        assertThat(keys.size()).isZero();
    }
}
