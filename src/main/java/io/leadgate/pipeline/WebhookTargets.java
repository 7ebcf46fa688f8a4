package io.leadgate.pipeline;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/** Where automation webhooks may go: http(s) only, and not to internal addresses unless allowed. */
final class WebhookTargets {

    private WebhookTargets() {
    }

    /** The URL as a URI; refuses (invalid) anything but an absolute http(s) URL. */
    static URI parse(String url) {
        URI uri;
        try {
            uri = url == null ? null : URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getScheme() == null || uri.getHost() == null
                || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))) {
            throw PipelineException.invalid("url must be an absolute http or https URL");
        }
        return uri;
    }

    /** True for loopback, private, link-local, unique-local, wildcard, multicast and cloud metadata addresses. */
    static boolean internal(InetAddress a) {
        byte[] b = a.getAddress();
        boolean uniqueLocalV6 = b.length == 16 && (b[0] & 0xfe) == 0xfc;
        return a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress() || uniqueLocalV6;
    }

    /** Refuses a host that is or resolves to an internal address. */
    static void refuseInternal(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.equals("localhost") || host.endsWith(".localhost") || host.equals("metadata.google.internal")) {
            throw PipelineException.invalid("webhook targets on internal addresses are not allowed");
        }
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (internal(a)) {
                    throw PipelineException.invalid("webhook targets on internal addresses are not allowed");
                }
            }
        } catch (UnknownHostException e) {
            throw PipelineException.invalid("webhook host cannot be resolved");
        }
    }
}
