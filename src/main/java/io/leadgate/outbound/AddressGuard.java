package io.leadgate.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * The SSRF guard for webhook targets. A target is refused when its host is a name kept for local use
 * ({@code localhost}, {@code *.internal} such as {@code metadata.google.internal}, {@code *.local}) or when any
 * address it resolves to is loopback, private (RFC 1918, fc00::/7), link-local (169.254/16, fe80::/10, which holds
 * the cloud metadata address 169.254.169.254; fd00:ec2::254 is in fc00::/7), unspecified, CGNAT (100.64/10),
 * multicast or reserved, also when wrapped in IPv6 (IPv4-mapped, IPv4-compatible, NAT64, 6to4, Teredo).
 * The sender connects to the very address checked here, so DNS cannot answer differently in between.
 */
public final class AddressGuard {

    /** Resolves a host name to its addresses (the JDK resolver in production, a map in tests). */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    /** The JDK resolver. */
    public static final Resolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    /** A target that may be sent to: the URL, its host and port, and the address to connect to. */
    public record Target(URI url, String host, int port, boolean tls, InetAddress address) {
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    public AddressGuard(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** Parses and checks a URL's form only (scheme, host): no resolution. Throws {@link RefusedTargetException}. */
    public static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            throw new RefusedTargetException("url is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new RefusedTargetException("url must be an absolute http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new RefusedTargetException("url must name a host");
        }
        return uri;
    }

    /**
     * Checks a target and resolves it; throws {@link RefusedTargetException} when it is refused, or
     * {@link UnknownHostException} when the host does not resolve.
     */
    public Target check(String url) throws UnknownHostException {
        URI uri = parse(url);
        String host = bare(uri.getHost());
        boolean tls = uri.getScheme().equalsIgnoreCase("https");
        int port = uri.getPort() >= 0 ? uri.getPort() : tls ? 443 : 80;
        if (!allowPrivate && localName(host)) {
            throw new RefusedTargetException("url host " + host + " is a local or metadata name", host);
        }
        List<InetAddress> addresses = literal(host) ? List.of(literalAddress(host)) : resolver.resolve(host);
        if (addresses.isEmpty()) {
            throw new UnknownHostException(host);
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (forbidden(address.getAddress())) {
                    throw new RefusedTargetException("url host " + host
                            + " resolves to a loopback, private, link-local or metadata address", host);
                }
            }
        }
        return new Target(uri, host, port, tls, addresses.get(0));
    }

    private static String bare(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        h = h.toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    private static InetAddress literalAddress(String host) {
        try {
            return InetAddress.getByName(host); // a literal: parsed, not looked up
        } catch (UnknownHostException e) {
            throw new RefusedTargetException("url host " + host + " is not a valid address");
        }
    }

    private static boolean literal(String host) {
        return host.contains(":") || host.chars().allMatch(c -> Character.isDigit(c) || c == '.');
    }

    static boolean localName(String host) {
        return host.equals("localhost") || host.endsWith(".localhost") || host.endsWith(".internal")
                || host.endsWith(".local") || host.equals("metadata") || host.equals("metadata.goog");
    }

    /** True for an address no webhook may reach (4 or 16 bytes). */
    public static boolean forbidden(byte[] a) {
        return a.length == 4 ? forbiddenV4(a) : forbiddenV6(a);
    }

    private static boolean forbiddenV4(byte[] a) {
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        int b2 = a[2] & 0xff;
        return b0 == 0                                   // 0.0.0.0/8 "this network", unspecified
                || b0 == 10                              // RFC 1918
                || b0 == 127                             // loopback
                || (b0 == 100 && (b1 & 0xc0) == 64)      // 100.64.0.0/10 CGNAT
                || (b0 == 169 && b1 == 254)              // link-local, cloud metadata
                || (b0 == 172 && (b1 & 0xf0) == 16)      // RFC 1918
                || (b0 == 192 && b1 == 168)              // RFC 1918
                || (b0 == 192 && b1 == 0 && b2 == 0)     // 192.0.0.0/24 IETF protocol assignments
                || (b0 == 198 && (b1 & 0xfe) == 18)      // 198.18.0.0/15 benchmarking
                || b0 >= 224;                            // multicast, reserved, broadcast
    }

    private static boolean forbiddenV6(byte[] a) {
        if (zero(a, 0, 10) && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) {
            return forbiddenV4(v4(a, 12));                          // ::ffff:a.b.c.d IPv4-mapped
        }
        if (zero(a, 0, 12)) {
            return zero(a, 12, 15) && (a[15] == 0 || a[15] == 1)   // :: unspecified, ::1 loopback
                    || forbiddenV4(v4(a, 12));                      // ::a.b.c.d IPv4-compatible
        }
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        if (b0 == 0x00 && b1 == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b) {
            return (a[4] | a[5]) != 0 || forbiddenV4(v4(a, 12));  // 64:ff9b::/96 NAT64; 64:ff9b:1::/48 local use
        }
        if (b0 == 0x20 && b1 == 0x02) {
            return forbiddenV4(v4(a, 2));                           // 2002::/16 6to4
        }
        if (b0 == 0x20 && b1 == 0x01 && a[2] == 0 && a[3] == 0) {   // 2001:0::/32 Teredo: client address inverted
            byte[] client = v4(a, 12);
            for (int i = 0; i < 4; i++) {
                client[i] = (byte) ~client[i];
            }
            return forbiddenV4(client) || forbiddenV4(v4(a, 4));
        }
        return (b0 & 0xfe) == 0xfc                                  // fc00::/7 unique local (fd00:ec2::254)
                || (b0 == 0xfe && (b1 & 0xc0) == 0x80)              // fe80::/10 link-local
                || (b0 == 0xfe && (b1 & 0xc0) == 0xc0)              // fec0::/10 site-local (deprecated)
                || b0 == 0xff                                       // multicast
                || (b0 == 0x01 && b1 == 0 && zero(a, 2, 8));        // 100::/64 discard-only
    }

    private static boolean zero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] v4(byte[] a, int offset) {
        return new byte[]{a[offset], a[offset + 1], a[offset + 2], a[offset + 3]};
    }
}
