package io.leadgate.channel.email.imap;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.ChannelFileException;

import java.time.Duration;
import java.util.Locale;

/**
 * The settings of an {@code imap} channel, read and checked once at start-up.
 *
 * @param backfill what a new mailbox (never polled before) takes at its first poll: {@code null} = only mail that
 *                 arrives from then on (the default); {@link Duration#ZERO} = everything in the folder
 *                 ({@code backfill: true}); else the mail that arrived within that long ({@code backfill-days: N})
 */
record ImapSettings(String host, int port, String username, String password, String folder, boolean ssl,
                    Duration pollInterval, boolean idle, Duration backfill) {

    static ImapSettings of(ChannelDefinition channel) {
        boolean ssl = !channel.setting("ssl").map(v -> v.strip().toLowerCase(Locale.ROOT)).filter("false"::equals).isPresent();
        int port = channel.setting("port").map(v -> number(channel, "port", v)).orElse(ssl ? 993 : 143);
        if (port < 1 || port > 65535) {
            throw new ChannelFileException(channel.file(), "settings.port", "must be a TCP port (1-65535)");
        }
        return new ImapSettings(channel.setting("host").orElseThrow().strip(), port,
                channel.setting("username").orElseThrow(), channel.setting("password").orElseThrow(),
                channel.setting("folder").orElse("INBOX"), ssl,
                channel.setting("poll-interval").map(v -> duration(channel, v)).orElse(Duration.ofSeconds(60)),
                !channel.setting("idle").map(v -> v.strip().toLowerCase(Locale.ROOT)).filter("false"::equals).isPresent(),
                backfill(channel));
    }

    private static Duration backfill(ChannelDefinition channel) {
        boolean all = channel.setting("backfill").map(v -> switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new ChannelFileException(channel.file(), "settings.backfill", "must be true or false");
        }).orElse(false);
        Duration days = channel.setting("backfill-days").map(v -> {
            int n = number(channel, "backfill-days", v);
            if (n < 1 || n > 36_500) {
                throw new ChannelFileException(channel.file(), "settings.backfill-days", "must be a number of days (1 or more)");
            }
            return Duration.ofDays(n);
        }).orElse(null);
        if (all && days != null) {
            throw new ChannelFileException(channel.file(), "settings.backfill-days",
                    "set either backfill: true (all mail) or backfill-days, not both");
        }
        return all ? Duration.ZERO : days;
    }

    String protocol() {
        return ssl ? "imaps" : "imap";
    }

    /** {@code 30s}, {@code 5m}, {@code 1h}, {@code PT1M} or a number of seconds. */
    static Duration duration(ChannelDefinition channel, String written) {
        String v = written.strip().toLowerCase(Locale.ROOT);
        try {
            Duration d;
            if (v.startsWith("pt")) {
                d = Duration.parse(v.toUpperCase(Locale.ROOT));
            } else if (v.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            } else if (v.endsWith("s")) {
                d = Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
            } else if (v.endsWith("m")) {
                d = Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
            } else if (v.endsWith("h")) {
                d = Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1)));
            } else {
                d = Duration.ofSeconds(Long.parseLong(v));
            }
            if (d.isNegative() || d.isZero()) {
                throw new NumberFormatException();
            }
            return d;
        } catch (RuntimeException e) {
            throw new ChannelFileException(channel.file(), "settings.poll-interval",
                    "must be a positive duration such as 30s, 5m or PT1M");
        }
    }

    private static int number(ChannelDefinition channel, String key, String v) {
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new ChannelFileException(channel.file(), "settings." + key, "must be a whole number");
        }
    }

    @Override
    public String toString() { // the password never reaches a log
        return "ImapSettings[" + protocol() + "://" + host + ":" + port + "/" + folder + "]";
    }
}
