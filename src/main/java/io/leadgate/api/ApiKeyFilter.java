package io.leadgate.api;

import io.leadgate.config.LeadgateConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every {@code /api/**} request needs {@code X-Api-Key} with a known key: 401 without one, 403 when the key lacks
 * the scope (read for GET, admin otherwise; see {@link ApiKeyring}). With no key configured the API is closed.
 */
@Singleton
public class ApiKeyFilter {

    public static final String HEADER = "X-Api-Key";

    private final Provider<LeadgateConfig> config;
    private volatile ApiKeyring keyring;

    /** Filters are built at static init, before runtime configuration exists: the keys are read on first use. */
    ApiKeyFilter(Provider<LeadgateConfig> config) {
        this.config = config;
    }

    /** A malformed hashed key stops start-up rather than the first request. */
    void validate(@Observes StartupEvent start) {
        keyring();
    }

    private ApiKeyring keyring() {
        ApiKeyring k = keyring;
        if (k == null) {
            LeadgateConfig.Api api = config.get().api();
            k = ApiKeyring.of(api.keys().orElse(List.of()), api.hashedKeys().orElse(List.of()));
            keyring = k;
        }
        return k;
    }

    @ServerRequestFilter
    public Optional<Response> check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.equals("/api") && !path.startsWith("/api/")) {
            return Optional.empty();
        }
        String key = request.getHeaderString(HEADER);
        ApiKeyring.Scope wanted = ApiKeyring.required(request.getMethod(), path);
        return switch (keyring().check(key, wanted)) {
            case ALLOWED -> Optional.empty();
            case WRONG_SCOPE -> refuse(403, "this API key lacks the " + wanted.code() + " scope");
            case UNKNOWN_KEY -> refuse(401, key == null ? "X-Api-Key header required" : "invalid API key");
        };
    }

    private static Optional<Response> refuse(int status, String message) {
        return Optional.of(Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build());
    }
}
