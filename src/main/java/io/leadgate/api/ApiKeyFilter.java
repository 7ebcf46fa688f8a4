package io.leadgate.api;

import io.leadgate.channel.Secrets;
import io.leadgate.config.LeadgateConfig;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * Every {@code /api/**} request needs {@code X-Api-Key} with one of {@code leadgate.api.keys}. Keys are held as
 * SHA-256 digests and compared in constant time. With no key configured the API is closed.
 */
@Singleton
public class ApiKeyFilter {

    public static final String HEADER = "X-Api-Key";

    private final Provider<LeadgateConfig> config;
    private volatile List<byte[]> digests;

    /** Filters are built at static init, before runtime configuration exists: the keys are read on first use. */
    ApiKeyFilter(Provider<LeadgateConfig> config) {
        this.config = config;
    }

    private List<byte[]> digests() {
        List<byte[]> d = digests;
        if (d == null) {
            d = config.get().api().keys().orElse(List.of()).stream()
                    .map(String::strip).filter(k -> !k.isEmpty())
                    .map(k -> Secrets.sha256(k.getBytes(StandardCharsets.UTF_8))).toList();
            digests = d;
        }
        return d;
    }

    @ServerRequestFilter
    public Optional<Response> check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.equals("/api") && !path.startsWith("/api/")) {
            return Optional.empty();
        }
        String key = request.getHeaderString(HEADER);
        if (key != null) {
            byte[] digest = Secrets.sha256(key.getBytes(StandardCharsets.UTF_8));
            boolean match = false;
            for (byte[] known : digests()) {
                match |= MessageDigest.isEqual(known, digest);
            }
            if (match) {
                return Optional.empty();
            }
        }
        return Optional.of(Response.status(401).type(MediaType.APPLICATION_JSON)
                .entity("{\"error\":\"" + (key == null ? "X-Api-Key header required" : "invalid API key") + "\"}")
                .build());
    }
}
