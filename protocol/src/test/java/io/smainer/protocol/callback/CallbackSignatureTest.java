package io.smainer.protocol.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.smainer.protocol.Vectors;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link CallbackSignature} against vectors.json {@code callback_hmac_sha256} and PROTOCOL.md §3. */
class CallbackSignatureTest {
    private static final long T = 1_700_000_000L;
    private static final String TS = Long.toString(T);
    private static final byte[] BODY = "{\"status\":\"completed\",\"task_id\":\"task-1\"}".getBytes(StandardCharsets.UTF_8);
    private static final CallbackSecret SECRET = CallbackSecret.of("test-signing-secret");

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private static CallbackSignature signatureAt(long epochSecond) {
        return new CallbackSignature(SECRET, at(Instant.ofEpochSecond(epochSecond)));
    }

    static Stream<Arguments> vectors() {
        List<Arguments> args = new ArrayList<>();
        int i = 0;
        for (JsonNode v : Vectors.get("callback_hmac_sha256")) {
            args.add(Arguments.of(i++, v));
        }
        return args.stream();
    }

    @ParameterizedTest(name = "vector {0}")
    @MethodSource("vectors")
    void signsEveryVector(int index, JsonNode v) {
        CallbackSignature signer = new CallbackSignature(CallbackSecret.of(v.get("secret").asText()), Clock.systemUTC());

        String signature = signer.signature(v.get("timestamp").asText(), body(v));

        assertThat(signature).isEqualTo(v.get("signature").asText());
    }

    @ParameterizedTest(name = "vector {0}")
    @MethodSource("vectors")
    void verifiesEveryVectorAtItsReceiverClock(int index, JsonNode v) {
        long receiverClock = v.has("receiver_clock") ? v.get("receiver_clock").asLong() : v.get("timestamp").asLong();
        CallbackSignature receiver = new CallbackSignature(CallbackSecret.of(v.get("secret").asText()),
                at(Instant.ofEpochSecond(receiverClock)));

        CallbackVerdict verdict = receiver.verify(v.get("timestamp").asText(), v.get("signature").asText(), body(v));

        assertThat(verdict).isEqualTo(expectedVerdict(v));
    }

    private static CallbackVerdict expectedVerdict(JsonNode v) {
        if (!v.has("expect")) {
            return CallbackVerdict.ACCEPTED;
        }
        String expect = v.get("expect").asText();
        if (expect.equals("accept")) {
            return CallbackVerdict.ACCEPTED;
        }
        if (expect.startsWith("reject: timestamp outside")) {
            return CallbackVerdict.STALE_TIMESTAMP;
        }
        throw new AssertionError("vectors.json has an expectation this test does not know: " + expect);
    }

    private static byte[] body(JsonNode v) {
        return v.get("body").asText().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void signNowUsesTheClocksSecondAndVerifies() {
        CallbackSignature relayer = new CallbackSignature(SECRET, at(Instant.ofEpochSecond(T, 999_000_000)));

        SignedCallback signed = relayer.sign(BODY);

        assertThat(signed.timestamp()).isEqualTo(TS);
        assertThat(signed.signature()).matches("[0-9a-f]{64}").isEqualTo(relayer.signature(TS, BODY));
        assertThat(signatureAt(T + 10).verify(signed.timestamp(), signed.signature(), BODY))
                .isEqualTo(CallbackVerdict.ACCEPTED);
    }

    @Test
    void tamperedBodyIsRejected() {
        String signature = signatureAt(T).signature(TS, BODY);
        byte[] flipped = BODY.clone();
        flipped[5] ^= 1;
        byte[] extended = (new String(BODY, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8);

        assertThat(signatureAt(T).verify(TS, signature, flipped)).isEqualTo(CallbackVerdict.BAD_SIGNATURE);
        assertThat(signatureAt(T).verify(TS, signature, extended)).isEqualTo(CallbackVerdict.BAD_SIGNATURE);
        assertThat(signatureAt(T).verify(TS, signature, new byte[0])).isEqualTo(CallbackVerdict.BAD_SIGNATURE);
    }

    @Test
    void tamperedTimestampIsRejectedEvenInsideTheWindow() {
        String signature = signatureAt(T).signature(TS, BODY);

        assertThat(signatureAt(T).verify(Long.toString(T + 1), signature, BODY)).isEqualTo(CallbackVerdict.BAD_SIGNATURE);
        assertThat(signatureAt(T).verify("0" + TS, signature, BODY)).isEqualTo(CallbackVerdict.BAD_SIGNATURE);
    }

    @Test
    void everySingleHexDigitChangeIsRejected() {
        String signature = signatureAt(T).signature(TS, BODY);
        for (int i = 0; i < signature.length(); i++) {
            char replacement = signature.charAt(i) == '0' ? '1' : '0';
            String tampered = signature.substring(0, i) + replacement + signature.substring(i + 1);

            assertThat(signatureAt(T).verify(TS, tampered, BODY)).as("digit %d", i).isEqualTo(CallbackVerdict.BAD_SIGNATURE);
        }
    }

    @Test
    void otherSecretIsRejected() {
        String signature = new CallbackSignature(CallbackSecret.of("another-secret"), Clock.systemUTC()).signature(TS, BODY);

        assertThat(signatureAt(T).verify(TS, signature, BODY)).isEqualTo(CallbackVerdict.BAD_SIGNATURE);
    }

    /** Python's hmac.compare_digest on the hex strings is case-sensitive; so are we. */
    @Test
    void upperCaseHexIsABadSignatureLikeCompareDigest() {
        String signature = signatureAt(T).signature(TS, BODY);

        assertThat(signatureAt(T).verify(TS, signature.toUpperCase(Locale.ROOT), BODY))
                .isEqualTo(CallbackVerdict.BAD_SIGNATURE);
        assertThat(signatureAt(T).verify(TS, signature, BODY)).isEqualTo(CallbackVerdict.ACCEPTED);
    }

    @ParameterizedTest
    @ValueSource(longs = {-300, -299, -1, 0, 1, 299, 300})
    void withinThreeHundredSecondsEitherWayIsAccepted(long offset) {
        String signature = signatureAt(T).signature(TS, BODY);

        assertThat(signatureAt(T + offset).verify(TS, signature, BODY)).isEqualTo(CallbackVerdict.ACCEPTED);
    }

    @ParameterizedTest
    @ValueSource(longs = {-100_000, -302, -301, 301, 302, 100_000})
    void beyondThreeHundredSecondsIsStale(long offset) {
        String signature = signatureAt(T).signature(TS, BODY);

        assertThat(signatureAt(T + offset).verify(TS, signature, BODY)).isEqualTo(CallbackVerdict.STALE_TIMESTAMP);
    }

    /** now is compared at full precision, as Python's time.time() is: 300.001 s is too late. */
    @Test
    void windowEdgesCountFractionsOfASecond() {
        String signature = signatureAt(T).signature(TS, BODY);
        CallbackSignature lateByAMillisecond = new CallbackSignature(SECRET, at(Instant.ofEpochSecond(T + 300, 1_000_000)));
        CallbackSignature lateByOneNano = new CallbackSignature(SECRET, at(Instant.ofEpochSecond(T + 300, 1)));
        CallbackSignature earlyBy299_5 = new CallbackSignature(SECRET, at(Instant.ofEpochSecond(T - 300, 500_000_000)));
        CallbackSignature earlyBy300_5 = new CallbackSignature(SECRET, at(Instant.ofEpochSecond(T - 301, 500_000_000)));

        assertThat(lateByAMillisecond.verify(TS, signature, BODY)).isEqualTo(CallbackVerdict.STALE_TIMESTAMP);
        assertThat(lateByOneNano.verify(TS, signature, BODY)).isEqualTo(CallbackVerdict.STALE_TIMESTAMP);
        assertThat(earlyBy299_5.verify(TS, signature, BODY)).isEqualTo(CallbackVerdict.ACCEPTED);
        assertThat(earlyBy300_5.verify(TS, signature, BODY)).isEqualTo(CallbackVerdict.STALE_TIMESTAMP);
    }

    @Test
    void staleAndWronglySignedIsReportedAsBadSignature() {
        String signature = new CallbackSignature(CallbackSecret.of("other"), Clock.systemUTC()).signature(TS, BODY);

        assertThat(signatureAt(T + 10_000).verify(TS, signature, BODY)).isEqualTo(CallbackVerdict.BAD_SIGNATURE);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingSecretFailsClosed(String configured) {
        CallbackSecret none = CallbackSecret.of(configured);
        CallbackSignature receiver = new CallbackSignature(none, at(Instant.ofEpochSecond(T)));
        String validUnderSomeSecret = signatureAt(T).signature(TS, BODY);

        assertThat(none.isConfigured()).isFalse();
        assertThat(receiver.verify(TS, validUnderSomeSecret, BODY)).isEqualTo(CallbackVerdict.NO_SECRET);
        assertThat(receiver.verify(null, null, null)).isEqualTo(CallbackVerdict.NO_SECRET);
        assertThatThrownBy(() -> receiver.signature(TS, BODY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no callback secret");
        assertThatThrownBy(() -> receiver.sign(BODY)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3cret\ud800", "\udc00s3cret", "s3\ud83d\ud83dcret"})
    void secretsWithoutAUtf8FormAreRefused(String secret) {
        assertThatThrownBy(() -> CallbackSecret.of(secret))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unpaired surrogate")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3"));
    }

    @Test
    void astralSecretsAreTheirUtf8Bytes() {
        String secret = "k\uD83D\uDE00y";
        String signature = new CallbackSignature(CallbackSecret.of(secret), Clock.systemUTC()).signature(TS, BODY);

        assertThat(new CallbackSignature(CallbackSecret.of(secret), at(Instant.ofEpochSecond(T))).verify(TS, signature, BODY))
                .isEqualTo(CallbackVerdict.ACCEPTED);
        assertThat(new CallbackSignature(CallbackSecret.of("k?y"), at(Instant.ofEpochSecond(T))).verify(TS, signature, BODY))
                .isEqualTo(CallbackVerdict.BAD_SIGNATURE);
    }

    @Test
    void noneIsNotConfigured() {
        assertThat(new CallbackSignature(CallbackSecret.none(), Clock.systemUTC()).verify(TS, "0".repeat(64), BODY))
                .isEqualTo(CallbackVerdict.NO_SECRET);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" 1700000000", "1700000000 ", "+1700000000", "-1700000000", "1700000000.0", "1.7e9",
        "1_700_000_000", "0x6553f100", "\u0661\u0667\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660",
        "1234567890123456789", "abc"})
    void malformedTimestampsAreRejected(String timestamp) {
        String signature = signatureAt(T).signature(TS, BODY);

        assertThat(signatureAt(T).verify(timestamp, signature, BODY)).isEqualTo(CallbackVerdict.MALFORMED);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"abc", "sha256=84d3c958a2b98d13dad4c8d0bf04f86d0cfa1f749e4a467653c0c1728c7e36a3",
        "84d3c958a2b98d13dad4c8d0bf04f86d0cfa1f749e4a467653c0c1728c7e36a",
        "84d3c958a2b98d13dad4c8d0bf04f86d0cfa1f749e4a467653c0c1728c7e36a30",
        "g4d3c958a2b98d13dad4c8d0bf04f86d0cfa1f749e4a467653c0c1728c7e36a3",
        " 84d3c958a2b98d13dad4c8d0bf04f86d0cfa1f749e4a467653c0c1728c7e36a",
        "\uff184d3c958a2b98d13dad4c8d0bf04f86d0cfa1f749e4a467653c0c1728c7e36a"})
    void malformedSignaturesAreRejected(String signature) {
        assertThat(signatureAt(T).verify(TS, signature, BODY)).isEqualTo(CallbackVerdict.MALFORMED);
    }

    @Test
    void missingBodyIsMalformed() {
        assertThat(signatureAt(T).verify(TS, "0".repeat(64), null)).isEqualTo(CallbackVerdict.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1", "17e8", " 1"})
    void signingRefusesTimestampsReceiversWouldRejectAsMalformed(String timestamp) {
        assertThatThrownBy(() -> signatureAt(T).signature(timestamp, BODY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void secretsAndBodiesNeverAppearInToString() {
        CallbackSignature signer = signatureAt(T);
        SignedCallback signed = signer.sign(BODY);

        assertThat(SECRET.toString()).isEqualTo("CallbackSecret[configured]").doesNotContain("test-signing-secret");
        assertThat(CallbackSecret.none().toString()).isEqualTo("CallbackSecret[none]");
        assertThat(signer.toString()).doesNotContain("test-signing-secret").doesNotContain("task-1");
        assertThat(signed.toString()).contains(TS).doesNotContain(signed.signature());
    }

    @Test
    void headerNamesArePinned() {
        assertThat(CallbackSignature.TIMESTAMP_HEADER).isEqualTo("X-Smainer-Timestamp");
        assertThat(CallbackSignature.SIGNATURE_HEADER).isEqualTo("X-Smainer-Signature");
        assertThat(CallbackSignature.EVENT_ID_HEADER).isEqualTo("X-Smainer-Event-Id");
        assertThat(CallbackSignature.DELIVERY_ATTEMPT_HEADER).isEqualTo("X-Smainer-Delivery-Attempt");
        assertThat(CallbackSignature.WINDOW_SECONDS).isEqualTo(300);
    }
}
