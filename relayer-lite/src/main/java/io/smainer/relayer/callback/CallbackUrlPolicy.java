package io.smainer.relayer.callback;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which callback URLs the relayer will call (PROTOCOL.md §1 "Callback URL safety"): https only, except
 * http to a loopback host in devnet mode; no credentials in the URL; every address the host resolves
 * to must be public (not loopback, private, link-local, unique-local, multicast or unspecified), except
 * loopback in devnet mode. Throws {@link IllegalArgumentException} naming the URL's host and the rule.
 */
public final class CallbackUrlPolicy {
    /** Resolves host names; a seam so tests need no DNS. */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean devnet;
    private final Resolver resolver;

    public CallbackUrlPolicy(boolean devnet, Resolver resolver) {
        this.devnet = devnet;
        this.resolver = resolver;
    }

    public static CallbackUrlPolicy system(boolean devnet) {
        return new CallbackUrlPolicy(devnet, InetAddress::getAllByName);
    }

    /** Returns the normalized URL, or throws naming what is wrong. */
    public String check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a valid URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("must be an absolute https URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("must not carry credentials (user:password@) in the URL");
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException("must not have a #fragment");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("host '" + host + "' does not resolve");
        }
        boolean allLoopback = addresses.length > 0;
        for (InetAddress a : addresses) {
            allLoopback &= a.isLoopbackAddress();
            if (a.isLoopbackAddress() && devnet) {
                continue;
            }
            if (isNonPublic(a)) {
                throw new IllegalArgumentException("host '" + host + "' resolves to " + a.getHostAddress()
                        + ", a non-public address" + (devnet ? "" : " (loopback is allowed only with --devnet)"));
            }
        }
        if (scheme.equals("https")) {
            return uri.toString();
        }
        if (scheme.equals("http") && devnet && allLoopback) {
            return uri.toString();
        }
        throw new IllegalArgumentException("must use https" + (devnet ? " (http only to a loopback host)" : "")
                + ", got scheme '" + scheme + "'");
    }

    static boolean isNonPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (b.length == 16) {
            return (b[0] & 0xfe) == 0xfc; // fc00::/7 unique local
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 || (first == 100 && second >= 64 && second < 128) // 100.64/10 carrier-grade NAT
                || (first == 198 && (second == 18 || second == 19)) || first >= 240;
    }
}
