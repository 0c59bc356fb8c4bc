package io.smainer.relayer.api;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.smainer.relayer.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * API-key check (PROTOCOL.md §1): {@code Authorization: Bearer <key>} or {@code X-API-Key: <key>}.
 * Both sides are hashed before the constant-time comparison, so neither content nor length leaks.
 */
public final class ApiAuth {
    public static final String API_KEY_HEADER = "X-API-Key";
    private final byte[] expectedDigest;

    public ApiAuth(Secret apiKey) {
        this.expectedDigest = sha256(apiKey.reveal());
    }

    /** Throws 401 unless the request carries the key. */
    public void require(HttpHeaders headers) {
        String presented = null;
        String authorization = headers.get(HttpHeaderNames.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            presented = authorization.substring(7).trim();
        } else if (headers.contains(API_KEY_HEADER)) {
            presented = headers.get(API_KEY_HEADER).trim();
        }
        if (presented == null || presented.isEmpty()) {
            throw new ApiException(401, "not_authenticated",
                    "Not authenticated: send Authorization: Bearer <api-key> or X-API-Key: <api-key>");
        }
        if (!MessageDigest.isEqual(expectedDigest, sha256(presented))) {
            throw new ApiException(401, "invalid_api_key", "Invalid API key: use the key configured with --api-key "
                    + "or SMAINER_API_KEY (devnet: the api-key file in the data dir)");
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
