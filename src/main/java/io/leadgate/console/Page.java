package io.leadgate.console;

import io.leadgate.people.ConsoleUser;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * What every console page knows about the request: the signed-in user, the language, the user's time zone, the
 * CSRF token, the section shown and the channels silent far outside their rhythm (ids, for the banner). Formats
 * times in the user's zone and amounts in the user's language.
 */
public record Page(ConsoleUser user, Locale locale, ZoneId zone, String csrf, String section, String path,
                   List<String> silentChannels) {

    public String lang() {
        return locale.getLanguage();
    }

    /** The other language, for the switch. */
    public String otherLang() {
        return Languages.RU.equals(lang()) ? Languages.EN : Languages.RU;
    }

    public boolean admin() {
        return user != null && user.admin();
    }

    /** A time in the user's zone: the time alone today, else date and time. */
    public String time(Instant t) {
        if (t == null) {
            return "";
        }
        var local = t.atZone(zone);
        var today = Instant.now().atZone(zone).toLocalDate();
        DateTimeFormatter f = local.toLocalDate().equals(today)
                ? DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT);
        return local.format(f.withLocale(locale));
    }

    /** A full date and time in the user's zone (for the title attribute). */
    public String fullTime(Instant t) {
        return t == null ? "" : t.atZone(zone).format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(locale)) + " " + zone.getId();
    }

    /** The ISO instant, for {@code <time datetime>}. */
    public String iso(Instant t) {
        return t == null ? "" : t.toString();
    }

    /** Whole days since a moment. */
    public long days(Instant t) {
        return t == null ? 0 : Math.max(0, Duration.between(t, Instant.now()).toDays());
    }

    /** An amount with its currency in the user's language ({@code 15,000 RUB}, {@code 15 000 ₽}); empty without one. */
    public String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(amount.stripTrailingZeros().scale() > 0 ? 2 : 0);
        String symbol = currency;
        try {
            if (currency != null) {
                symbol = Currency.getInstance(currency).getSymbol(locale);
            }
        } catch (IllegalArgumentException e) {
            symbol = currency; // an unknown code is shown as written
        }
        return symbol == null ? f.format(amount) : f.format(amount) + "\u00a0" + symbol;
    }

    /** Seconds as m:ss. */
    public String duration(Integer seconds) {
        if (seconds == null) {
            return "";
        }
        return seconds / 60 + ":" + String.format("%02d", seconds % 60);
    }
}
