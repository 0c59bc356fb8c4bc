package io.smainer.protocol.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** Sign/verify properties, with BouncyCastle's HMAC as an independent reference for the JCA one. */
class CallbackSignaturePropertyTest {

    /** Any non-empty Unicode text, astral characters included; no unpaired surrogates (no UTF-8 form). */
    @Provide
    Arbitrary<String> secrets() {
        return Arbitraries.strings().all().ofMinLength(1).ofMaxLength(64).filter(CallbackSignaturePropertyTest::isUnicode);
    }

    /**
     * A suffix that really changes the HMAC key: HMAC pads short keys with zero bytes, so appending
     * only NULs gives the same key (in Python too).
     */
    @Provide
    Arbitrary<String> suffixes() {
        return Arbitraries.strings().all().ofMinLength(1).ofMaxLength(8)
                .filter(CallbackSignaturePropertyTest::isUnicode)
                .filter(s -> s.chars().anyMatch(c -> c != 0));
    }

    @Property(tries = 500)
    void signatureIsBouncyCastleHmacOfTimestampDotBody(@ForAll("secrets") String secret,
                                                       @ForAll @LongRange(min = 0, max = 99_999_999_999L) long timestamp,
                                                       @ForAll @Size(max = 2048) byte[] body) {
        String ts = Long.toString(timestamp);
        CallbackSignature signer = new CallbackSignature(CallbackSecret.of(secret), Clock.systemUTC());

        assertThat(signer.signature(ts, body)).isEqualTo(referenceHmac(secret, ts, body));
    }

    @Property(tries = 500)
    void whatIsSignedVerifiesAndAnyFlippedBodyBitDoesNot(@ForAll("secrets") String secret,
                                                         @ForAll @Size(min = 1, max = 512) byte[] body,
                                                         @ForAll @IntRange(min = 0, max = 4095) int bit,
                                                         @ForAll @LongRange(min = -300, max = 300) long skew) {
        long t = 1_700_000_000L;
        CallbackSecret key = CallbackSecret.of(secret);
        SignedCallback signed = new CallbackSignature(key, Clock.fixed(Instant.ofEpochSecond(t), ZoneOffset.UTC)).sign(body);
        CallbackSignature receiver = new CallbackSignature(key, Clock.fixed(Instant.ofEpochSecond(t + skew), ZoneOffset.UTC));
        byte[] tampered = body.clone();
        tampered[(bit / 8) % body.length] ^= (byte) (1 << (bit % 8));

        assertThat(receiver.verify(signed.timestamp(), signed.signature(), body)).isEqualTo(CallbackVerdict.ACCEPTED);
        assertThat(receiver.verify(signed.timestamp(), signed.signature(), tampered)).isEqualTo(CallbackVerdict.BAD_SIGNATURE);
    }

    @Property(tries = 200)
    void aDifferentSecretNeverVerifies(@ForAll("secrets") String secret, @ForAll("suffixes") String suffix,
                                       @ForAll @Size(max = 256) byte[] body) {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
        SignedCallback signed = new CallbackSignature(CallbackSecret.of(secret), clock).sign(body);

        CallbackVerdict verdict = new CallbackSignature(CallbackSecret.of(secret + suffix), clock)
                .verify(signed.timestamp(), signed.signature(), body);

        assertThat(verdict).isEqualTo(CallbackVerdict.BAD_SIGNATURE);
    }

    private static boolean isUnicode(String s) {
        return s.codePoints().noneMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
    }

    private static String referenceHmac(String secret, String timestamp, byte[] body) {
        HMac mac = new HMac(new SHA256Digest());
        mac.init(new KeyParameter(secret.getBytes(StandardCharsets.UTF_8)));
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
        mac.update(prefix, 0, prefix.length);
        mac.update(body, 0, body.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
