package io.leadgate.pipeline;

import io.leadgate.contact.Contact;

/**
 * Deal titles. A deal without a title of its own shows the default, "{client} — {source}": the client is the
 * contact's name, else the company, else "Client {contactId}"; the source is the deal's source label, else its
 * channel; without either the title is the client alone. The default is made when shown, never stored, so it
 * follows the contact's card (a name learnt later, an erasure).
 */
public final class DealTitles {

    static final int MAX = 500;

    private DealTitles() {
    }

    /** The title the deal shows. */
    public static String of(Deal d) {
        return d.title != null ? d.title : defaultTitle(Contact.findById(d.contactId), d.contactId, d.source, d.channelId);
    }

    static String defaultTitle(Contact c, long contactId, String source, String channelId) {
        return shown(null, c == null ? null : c.name, c == null ? null : c.company, contactId, source, channelId);
    }

    /**
     * The title a deal shows, from columns already read (the board reads many deals at once): its own title, else the
     * default from the contact's name or company, the source and the channel.
     */
    public static String shown(String own, String name, String company, long contactId, String source,
                               String channelId) {
        if (own != null) {
            return own;
        }
        String client = firstNonBlank(name, company);
        client = client == null ? "Client " + contactId : client;
        String from = firstNonBlank(source, channelId);
        return from == null ? client : client + " — " + from;
    }

    /** A title from a request: trimmed, 1 to 500 characters; null or blank = back to the default. */
    static String parse(String title) {
        if (title == null || title.isBlank()) {
            return null;
        }
        String t = title.strip();
        if (t.length() > MAX) {
            throw PipelineException.invalid("title is longer than " + MAX + " characters");
        }
        return t;
    }

    /**
     * The title with a tunnel's prefix and suffix, each added once: a deal that comes back through the same tunnel
     * again does not collect "Installation failed: Installation failed: …". Pure.
     */
    static String renamed(String title, String prefix, String suffix) {
        String t = title;
        if (prefix != null && !t.startsWith(prefix)) {
            t = prefix + t;
        }
        if (suffix != null && !t.endsWith(suffix)) {
            t = t + suffix;
        }
        return t.length() > MAX ? t.substring(0, MAX) : t;
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a.strip();
        }
        return b != null && !b.isBlank() ? b.strip() : null;
    }
}
