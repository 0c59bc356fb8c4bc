package io.smainer.protocol.callback;

import io.smainer.protocol.Limits;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies callbacks per PROTOCOL.md §3: {@code X-Smainer-Signature} is the lowercase hex
 * HMAC-SHA256 of {@code timestamp + "." + raw_body} keyed with the secret's UTF-8 bytes, where
 * {@code timestamp} is the exact {@code X-Smainer-Timestamp} header (unix seconds).
 *
 * <p>Verification mirrors the production Python receivers: it fails closed without a secret, compares
 * in constant time, and compares the hex text case-sensitively as {@code hmac.compare_digest} on two
 * strings does, so an upper-case signature is {@link CallbackVerdict#BAD_SIGNATURE}. The window is
 * {@code |now − timestamp| > 300 s → reject} with {@code now} at the clock's full precision, as with
 * Python's {@code time.time()}: exactly 300 s is accepted, 300.001 s is not. The signature is checked
 * before the timestamp, so a stale request is reported as stale only when it was genuinely signed.
 * Stricter than Python's {@code int()}: the timestamp must be 1–18 ASCII digits, nothing else.
 *
 * <p>Immutable and thread-safe.
 */
public final class CallbackSignature {
    public static final String TIMESTAMP_HEADER = "X-Smainer-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Smainer-Signature";
    /** Ours: stable across retries of one event, for receiver idempotency. */
    public static final String EVENT_ID_HEADER = "X-Smainer-Event-Id";
    /** Ours: 1 for the first delivery, incremented per retry. */
    public static final String DELIVERY_ATTEMPT_HEADER = "X-Smainer-Delivery-Attempt";
    /** Receivers reject a timestamp further than this from their clock. */
    public static final long WINDOW_SECONDS = Limits.CLOCK_WINDOW_SECONDS;

    private static final String HMAC_SHA256 = "HmacSHA256";
    private static final int SIGNATURE_HEX_CHARS = 64;
    private static final int MAX_TIMESTAMP_DIGITS = 18;
    private static final HexFormat HEX = HexFormat.of();

    private final CallbackSecret secret;
    private final Clock clock;

    /**
     * @param secret the integrator's callback secret; {@link CallbackSecret#none()} makes every
     *     verification {@link CallbackVerdict#NO_SECRET} and every signing attempt fail
     * @param clock the sender's or receiver's clock (fixed in tests)
     */
    public CallbackSignature(CallbackSecret secret, Clock clock) {
        this.secret = Objects.requireNonNull(secret, "secret");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Signs a body with the current second as timestamp; send both values and exactly these bytes. */
    public SignedCallback sign(byte[] rawBody) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        return new SignedCallback(timestamp, signature(timestamp, rawBody));
    }

    /**
     * The lowercase hex signature of {@code timestamp + "." + rawBody}.
     *
     * @throws IllegalStateException when no secret is configured
     * @throws IllegalArgumentException when {@code timestamp} is not 1–18 decimal digits
     */
    public String signature(String timestamp, byte[] rawBody) {
        if (!secret.isConfigured()) {
            throw new IllegalStateException("no callback secret is configured; refusing to sign a callback");
        }
        if (!isTimestamp(timestamp)) {
            throw new IllegalArgumentException("callback timestamp must be unix seconds as 1–"
                    + MAX_TIMESTAMP_DIGITS + " decimal digits");
        }
        Objects.requireNonNull(rawBody, "rawBody");
        return HEX.formatHex(hmac(timestamp, rawBody));
    }

    /**
     * Checks one received callback.
     *
     * @param timestamp the {@value #TIMESTAMP_HEADER} header, or null when absent
     * @param signature the {@value #SIGNATURE_HEADER} header, or null when absent
     * @param rawBody the body bytes exactly as received
     */
    public CallbackVerdict verify(String timestamp, String signature, byte[] rawBody) {
        if (!secret.isConfigured()) {
            return CallbackVerdict.NO_SECRET;
        }
        if (rawBody == null || !isTimestamp(timestamp) || !isHexOfSignatureLength(signature)) {
            return CallbackVerdict.MALFORMED;
        }
        byte[] expected = HEX.formatHex(hmac(timestamp, rawBody)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            return CallbackVerdict.BAD_SIGNATURE;
        }
        return isFresh(Long.parseLong(timestamp)) ? CallbackVerdict.ACCEPTED : CallbackVerdict.STALE_TIMESTAMP;
    }

    /** {@code |now − timestamp| <= 300 s}, with now's sub-second part counted. */
    private boolean isFresh(long timestamp) {
        Instant now = clock.instant();
        long behind = now.getEpochSecond() - timestamp;
        if (behind > WINDOW_SECONDS || behind < -WINDOW_SECONDS) {
            return false;
        }
        return behind != WINDOW_SECONDS || now.getNano() == 0;
    }

    private byte[] hmac(String timestamp, byte[] rawBody) {
        byte[] key = secret.keyBytes();
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(key, HMAC_SHA256));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return mac.doFinal(rawBody);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java runtime", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static boolean isTimestamp(String s) {
        if (s == null || s.isEmpty() || s.length() > MAX_TIMESTAMP_DIGITS) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** 64 hex digits of either case; case itself is judged by the constant-time comparison. */
    private static boolean isHexOfSignatureLength(String s) {
        if (s == null || s.length() != SIGNATURE_HEX_CHARS) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "CallbackSignature[" + secret + ", window=±" + WINDOW_SECONDS + "s]";
    }
}
