// Verify a Smainer callback (PROTOCOL.md §3) in plain Java 17, no dependencies.
// Run (used by our tests): java VerifyCallback.java SECRET TIMESTAMP SIGNATURE NOW < body
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class VerifyCallback {
    static String verify(String secret, String timestamp, String signature, byte[] rawBody, long now) throws Exception {
        if (secret == null || secret.isEmpty()) return "no secret configured: fail closed";
        if (timestamp == null || !timestamp.matches("[0-9]{1,18}")) return "malformed timestamp";
        if (Math.abs(now - Long.parseLong(timestamp)) > 300) return "timestamp outside 300 s window";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
        byte[] expected = HexFormat.of().formatHex(mac.doFinal(rawBody)).getBytes(StandardCharsets.US_ASCII);
        byte[] given = (signature == null ? "" : signature).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? "ok" : "invalid signature";
    }

    public static void main(String[] args) throws Exception {
        String verdict = verify(args[0], args[1], args[2], System.in.readAllBytes(), Long.parseLong(args[3]));
        System.out.println(verdict);
        System.exit(verdict.equals("ok") ? 0 : 1);
    }
}
