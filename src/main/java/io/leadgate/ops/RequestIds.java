package io.leadgate.ops;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A request id for every hook and API request: the caller's {@code X-Request-Id} when it is a plain token, else a
 * new one. It is put in the logging MDC as {@code requestId} (JSON logs carry it) and echoed in the answer.
 */
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final String PROPERTY = RequestIds.class.getName();
    /** No spaces, quotes or control characters: the id goes into logs as it is. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /** The caller's id when it is safe to log, otherwise a new random one. */
    public static String accept(String offered) {
        return offered != null && SAFE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    @ServerRequestFilter(preMatching = true)
    public void start(ContainerRequestContext request) {
        String id = accept(request.getHeaderString(HEADER));
        request.setProperty(PROPERTY, id);
        MDC.put(MDC_KEY, id);
    }

    @ServerResponseFilter
    public void finish(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(PROPERTY);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
        MDC.remove(MDC_KEY);
    }
}
