package io.leadgate.console.inbox;

import jakarta.ws.rs.QueryParam;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The inbox filters as the form sends them (dates are days in the user's time zone). */
public class InboxParams {

    @QueryParam("channel")
    public String channel;
    @QueryParam("source")
    public String source;
    @QueryParam("status")
    public String status;
    @QueryParam("manager")
    public String manager;
    @QueryParam("from")
    public String from;
    @QueryParam("to")
    public String to;
    @QueryParam("q")
    public String q;

    public InboxFilter filter(ZoneId zone) {
        return new InboxFilter(channel, source, status, manager, day(from, zone, 0), day(to, zone, 1), q);
    }

    /** The filter again as a query string, for the "show more" and live links. */
    public String query() {
        StringBuilder s = new StringBuilder();
        append(s, "channel", channel);
        append(s, "source", source);
        append(s, "status", status);
        append(s, "manager", manager);
        append(s, "from", from);
        append(s, "to", to);
        append(s, "q", q);
        return s.toString();
    }

    public String value(String v) {
        return v == null ? "" : v;
    }

    private static void append(StringBuilder s, String name, String value) {
        if (value != null && !value.isBlank()) {
            s.append('&').append(name).append('=').append(java.net.URLEncoder.encode(value.strip(),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static Instant day(String date, ZoneId zone, int plusDays) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date.strip()).plusDays(plusDays).atStartOfDay(zone).toInstant();
        } catch (DateTimeException e) {
            return null; // an unreadable date filters nothing
        }
    }
}
