package io.leadgate.console;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every state-changing console request must carry the page's CSRF token in {@code X-CSRF-Token}, equal to the
 * browser's {@code leadgate-csrf} cookie (double submit; the cookie is HttpOnly and SameSite=Strict, so another site
 * can neither read nor send it). htmx adds the header from the page; anything else is refused with 403.
 */
public class CsrfFilter {

    public static final String COOKIE = "leadgate-csrf";
    public static final String HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @ServerRequestFilter
    public Optional<Response> check(ContainerRequestContext context, HttpServerRequest request) {
        String path = context.getUriInfo().getPath();
        if (!path.startsWith("/console") || SAFE.contains(context.getMethod())) {
            return Optional.empty();
        }
        Cookie cookie = request.getCookie(COOKIE);
        String header = context.getHeaderString(HEADER);
        if (cookie == null || header == null || !wellFormed(header)
                || !MessageDigest.isEqual(cookie.getValue().getBytes(StandardCharsets.US_ASCII),
                header.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(Response.status(403).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", "CSRF token missing or wrong: reload the page")).build());
        }
        return Optional.empty();
    }

    static boolean wellFormed(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}");
    }
}
