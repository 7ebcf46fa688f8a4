package io.leadgate.channel.email;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** What a sender's mailbox name says about it: a mail system, a site's robot, or a bulk mailer. */
final class MailSenders {

    private static final Set<String> SYSTEM = Set.of("mailer-daemon", "mailerdaemon", "mail-daemon", "postmaster");
    /** Role mailbox names of sites and applications (address conventions, not words of a language). */
    private static final Pattern ROBOT = Pattern.compile("(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|wordpress|robot|bot"
            + "|mailer|forms?|webforms?|formsubmit|submissions?|notifications?|notify|website|site|webmaster|www"
            + "|www-data|apache|nginx|nobody)(?:[-_.+].*)?");
    private static final Set<String> BULK = Set.of("news", "newsletter", "newsletters", "welcome", "marketing",
            "promo", "promotions", "digest", "mailing", "mailings", "rassylka", "subscribe", "subscriptions",
            "campaign", "campaigns", "offers", "deals");

    private MailSenders() {
    }

    /** A mail system that reports on delivery (MAILER-DAEMON, postmaster): never a contact. */
    static boolean isSystem(ParsedMail.Mailbox mailbox) {
        return mailbox != null && SYSTEM.contains(local(mailbox.address()));
    }

    /** A site's or application's sender (noreply@, wordpress@, notifications@, www-data@): writes for someone else. */
    static boolean isRobot(ParsedMail.Mailbox mailbox) {
        return mailbox != null && ROBOT.matcher(local(mailbox.address())).matches();
    }

    /** A mailbox name that newsletters and service mailings are sent from (news@, newsletter@, welcome@). */
    static boolean isBulk(ParsedMail.Mailbox mailbox) {
        return mailbox != null && BULK.contains(local(mailbox.address()));
    }

    private static String local(String address) {
        if (address == null) {
            return "";
        }
        int at = address.lastIndexOf('@');
        return (at < 0 ? address : address.substring(0, at)).toLowerCase(Locale.ROOT);
    }
}
