package io.leadgate.console;

import io.leadgate.channel.watch.ChannelWatch;
import io.leadgate.people.ConsoleUser;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;

import java.security.SecureRandom;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** Builds the {@link Page} of the current request; gives the browser its CSRF cookie on the first page. */
@RequestScoped
public class Pages {

    /** Set by console.js from the browser's {@code Intl} time zone. */
    static final String ZONE_COOKIE = "leadgate-tz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecurityIdentity identity;
    private final HttpServerRequest request;
    private final ChannelWatch watch;
    private String csrf;

    Pages(SecurityIdentity identity, HttpServerRequest request, ChannelWatch watch) {
        this.identity = identity;
        this.request = request;
        this.watch = watch;
    }

    public Page page(String section) {
        ConsoleUser user = identity.isAnonymous() ? null : ConsoleUser.of(identity);
        List<String> silent = user == null ? List.of()
                : watch.alerts().stream().map(ChannelWatch.Alert::channelId).toList();
        return new Page(user, locale(), zone(), csrfToken(), section, request.path(), silent);
    }

    public Locale locale() {
        Cookie lang = request.getCookie(Languages.COOKIE);
        return Languages.choose(lang == null ? null : lang.getValue(), request.getHeader("Accept-Language"));
    }

    /** The username of the signed-in user: the actor of every console action. */
    public String actor() {
        return identity.getPrincipal().getName();
    }

    private ZoneId zone() {
        Cookie tz = request.getCookie(ZONE_COOKIE);
        if (tz == null || tz.getValue().length() > 64) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(tz.getValue());
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /** The browser's CSRF token (a random value in an HttpOnly cookie, echoed by the page); created when missing. */
    private String csrfToken() {
        if (csrf != null) {
            return csrf;
        }
        Cookie existing = request.getCookie(CsrfFilter.COOKIE);
        if (existing != null && CsrfFilter.wellFormed(existing.getValue())) {
            csrf = existing.getValue();
            return csrf;
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        csrf = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        request.response().addCookie(Cookie.cookie(CsrfFilter.COOKIE, csrf).setPath("/console").setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT).setSecure("https".equals(request.scheme())));
        return csrf;
    }
}
