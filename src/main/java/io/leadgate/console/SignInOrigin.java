package io.leadgate.console;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Login CSRF: the sign-in form posts to Quarkus's {@code /j_security_check}, which is outside {@link CsrfFilter}, so a
 * foreign page could sign a browser in as its own user. A sign-in POST whose {@code Origin} (or, when a browser sends
 * none, {@code Referer}) is present and is not this server's own origin is refused with 403 before form
 * authentication reads it. A request without either header (curl, scripts) passes. The own origin is the request's
 * scheme and authority, which Quarkus takes from {@code X-Forwarded-*}/{@code Forwarded} only when the peer is a
 * trusted proxy ({@code quarkus.http.proxy.*}).
 */
@ApplicationScoped
public class SignInOrigin {

    static final String PATH = "/j_security_check";
    /** Before Quarkus's authentication (200) and form authentication (150), after CORS (300). */
    private static final int PRIORITY = 250;

    void install(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.method() != HttpMethod.POST || !PATH.equals(context.normalizedPath())) {
            context.next();
            return;
        }
        String origin = request.getHeader("Origin");
        String claimed = origin != null ? origin : request.getHeader("Referer");
        if (claimed == null || sameOrigin(claimed, request.scheme(), request.authority())) {
            context.next();
            return;
        }
        context.response().setStatusCode(403).putHeader("Content-Type", "text/plain; charset=UTF-8")
                .end("Sign-in refused: the form was not sent from this site");
    }

    /** Whether {@code claimed} (an Origin or a Referer URL) has the scheme, host and port of this server. */
    static boolean sameOrigin(String claimed, String scheme, HostAndPort authority) {
        if (scheme == null || authority == null) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(claimed.trim());
        } catch (URISyntaxException e) {
            return false;
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            return false; // "null" (opaque origin) and anything unparseable
        }
        String ownScheme = scheme.toLowerCase(Locale.ROOT);
        return uri.getScheme().toLowerCase(Locale.ROOT).equals(ownScheme)
                && unbracketed(uri.getHost()).equalsIgnoreCase(unbracketed(authority.host()))
                && port(uri.getPort(), ownScheme) == port(authority.port(), ownScheme);
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static int port(int port, String scheme) {
        if (port > 0) {
            return port;
        }
        return "https".equals(scheme) ? 443 : 80;
    }
}
