package io.leadgate.contact;

import java.util.Locale;
import java.util.Set;

/**
 * The blocking keys fuzzy matching looks contacts up by, stored in {@code contact_key} when a card gains a phone,
 * an email or a name. Each key is a cheap, exact reduction under which variants of one value meet; scoring then
 * decides what a meeting means. Pure.
 */
public final class BlockingKeys {

    /** Kinds of blocking key. */
    public enum Kind {
        /** The last ten digits of a phone: numbers that differ only in country code or trunk prefix meet. */
        PHONE_TAIL("phone-tail"),
        /** A phone tail with one digit deleted ({@link PhoneDrift}): numbers one typing slip apart meet. */
        PHONE_NEAR("phone-near"),
        /** The mailbox an email address delivers to, at providers that ignore dots or {@code +tags}. */
        MAILBOX("mailbox"),
        /** A full name's canonical tokens, sorted (transliteration, diminutives and swapped order meet). */
        NAME("name");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private static final int TAIL_DIGITS = 10;
    private static final int MIN_TAIL_DIGITS = 7;

    /** Gmail ignores dots in the local part and everything after {@code +}; googlemail.com is the same service. */
    private static final Set<String> GMAIL = Set.of("gmail.com", "googlemail.com");
    /** Providers that document {@code +tag} sub-addressing (dots are significant there). */
    private static final Set<String> PLUS_TAGS = Set.of("outlook.com", "hotmail.com", "live.com", "msn.com",
            "icloud.com", "me.com", "mac.com", "fastmail.com", "fastmail.fm", "protonmail.com", "proton.me", "pm.me");
    /** Yandex: {@code +tags}; dots and hyphens in a login are the same; its domains are aliases of one mailbox. */
    private static final Set<String> YANDEX = Set.of("yandex.ru", "yandex.com", "ya.ru", "yandex.by", "yandex.kz",
            "yandex.ua", "narod.ru");

    private BlockingKeys() {
    }

    /** The phone-tail key of an E.164 number or a number as written (extension cut off), or null when too short. */
    public static String phoneTail(String phone) {
        if (phone == null) {
            return null;
        }
        String number = phone.toLowerCase(Locale.ROOT);
        for (String cut : new String[] {"доб", "ext", "#", ",", ";", "x"}) {
            int at = number.indexOf(cut);
            if (at > 0) {
                number = number.substring(0, at);
            }
        }
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        if (digits.length() < MIN_TAIL_DIGITS) {
            return null;
        }
        return digits.length() <= TAIL_DIGITS ? digits.toString() : digits.substring(digits.length() - TAIL_DIGITS);
    }

    /** The mailbox key of a normalised (lower-case) email address. */
    public static String mailbox(String email) {
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return email;
        }
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        if (GMAIL.contains(domain)) {
            return stripTag(local).replace(".", "") + "@gmail.com";
        }
        if (YANDEX.contains(domain)) {
            return stripTag(local).replace('-', '.') + "@yandex.ru";
        }
        if (PLUS_TAGS.contains(domain)) {
            return stripTag(local) + "@" + domain;
        }
        return email;
    }

    private static String stripTag(String local) {
        int plus = local.indexOf('+');
        return plus > 0 ? local.substring(0, plus) : local;
    }
}
