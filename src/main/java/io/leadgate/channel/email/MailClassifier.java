package io.leadgate.channel.email;

import io.leadgate.inquiry.Kind;
import io.leadgate.inquiry.Reason;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides what a mail means for sales, in this order: delivery reports (failed → {@code bounce}, only delayed →
 * {@code delivery-delayed}, delivered/relayed → {@code delivery-status}); read receipts ({@code read-receipt});
 * bounces without a report (X-Failed-Recipients, MAILER-DAEMON/postmaster); auto-replies (Auto-Submitted:
 * auto-replied, X-Autoreply, X-Autorespond, Precedence: auto_reply, localised "Automatic reply" subjects); mailing
 * lists (List-Unsubscribe, List-Id, Precedence bulk/list/junk, Feedback-ID) as {@code newsletter}; web-form
 * notifications as leads; other automatic mail (Auto-Submitted ≠ no) as {@code auto-reply}; the null sender
 * ({@code Return-Path: <>}) as {@code bounce}; then soft newsletter signs (an unsubscribe line, a bulk mailbox such
 * as news@ or welcome@). Newsletters are leads unless the channel ignores them.
 */
public final class MailClassifier {

    /** The kind and reason code of an inquiry. */
    public record Classification(Kind kind, Reason reason) {
        static final Classification LEAD = new Classification(Kind.LEAD, null);

        static Classification ignored(Reason reason) {
            return new Classification(Kind.IGNORED, reason);
        }
    }

    private static final Pattern AUTO_REPLY_SUBJECT = Pattern.compile("(?iu)^\\s*(?:automatic reply|auto[- ]?reply"
            + "|auto[- ]?response|auto:|out of (?:the )?office|abwesenheitsnotiz|automatische antwort"
            + "|réponse automatique|respuesta automática|risposta automatica|resposta automática"
            + "|automatisch antwoord|automatyczna odpowiedź|автоматический ответ|автоответ|автовідповідь"
            + "|otomatik yanıt|自动回复).*");
    private static final Pattern DELAY_SUBJECT = Pattern.compile("(?iu).*(delay|задерж|verzögert|retard|retras).*");
    private static final Pattern BULK_PRECEDENCE = Pattern.compile("(?i)\\s*(bulk|list|junk)\\b.*");
    private static final Pattern UNSUBSCRIBE = Pattern.compile("(?iu)(unsubscribe|opt[- ]out\\b|отписаться|отписки"
            + "|от рассылки|abbestellen|abmelden|désinscri|désabonn|darse de baja|cancelar suscripci|wypisać|wypisz)");

    private MailClassifier() {
    }

    public static Classification classify(ParsedMail mail, boolean webForm, boolean ignoreNewsletters) {
        MailHeaders h = mail.headers();
        if ("delivery-status".equals(mail.reportType()) || !mail.deliveryStatus().isEmpty()) {
            return deliveryReport(mail);
        }
        if ("disposition-notification".equals(mail.reportType())) {
            return Classification.ignored(Reason.READ_RECEIPT);
        }
        if (h.has("X-Failed-Recipients") || MailSenders.isSystem(mail.from())) {
            return Classification.ignored(mail.subject() != null && DELAY_SUBJECT.matcher(mail.subject()).matches()
                    && !h.has("X-Failed-Recipients") ? Reason.DELIVERY_DELAYED : Reason.BOUNCE);
        }
        String autoSubmitted = lower(h.text("Auto-Submitted"));
        if (autoSubmitted.startsWith("auto-replied") || h.has("X-Autoreply") || h.has("X-Autorespond")
                || h.has("X-Autoresponder") || lower(h.text("Precedence")).startsWith("auto_reply")
                || (mail.subject() != null && AUTO_REPLY_SUBJECT.matcher(mail.subject()).matches())) {
            return Classification.ignored(Reason.AUTO_REPLY);
        }
        Classification newsletter = new Classification(ignoreNewsletters ? Kind.IGNORED : Kind.LEAD, Reason.NEWSLETTER);
        if (h.has("List-Unsubscribe") || h.has("List-Id") || h.has("Feedback-ID")
                || BULK_PRECEDENCE.matcher(lower(h.text("Precedence"))).matches()) {
            return newsletter;
        }
        if (webForm) {
            return Classification.LEAD;
        }
        if (!autoSubmitted.isEmpty() && !autoSubmitted.startsWith("no")) {
            return Classification.ignored(Reason.AUTO_REPLY);
        }
        String returnPath = h.raw("Return-Path");
        if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
            return Classification.ignored(Reason.BOUNCE);
        }
        if (MailSenders.isBulk(mail.from()) || (mail.body() != null && UNSUBSCRIBE.matcher(mail.body()).find())) {
            return newsletter;
        }
        return Classification.LEAD;
    }

    private static Classification deliveryReport(ParsedMail mail) {
        Set<String> actions = new LinkedHashSet<>();
        mail.deliveryStatus().forEach(s -> actions.add(s.action()));
        if (actions.isEmpty() || actions.contains("failed")) {
            return Classification.ignored(Reason.BOUNCE);
        }
        return Classification.ignored(actions.contains("delayed") ? Reason.DELIVERY_DELAYED : Reason.DELIVERY_STATUS);
    }

    /**
     * The addresses a bounce proves undeliverable, lower-cased — only with evidence that it reports on a message this
     * mailbox sent: a proper delivery status notification (RFC 3464: {@code multipart/report;
     * report-type=delivery-status} with a {@code message/delivery-status} part) whose recipient blocks say
     * {@code Action: failed}, that returns the message it concerns (a headers part or a copy with its Message-ID),
     * and whose returned message was sent from an address the report was delivered to (the original's From is one of
     * the report's To). A mail that merely looks like a bounce ({@code X-Failed-Recipients}, a MAILER-DAEMON
     * sender, an "Undelivered" subject, {@code <address>:} lines) proves nothing: it is classified as a bounce and
     * kept for review, but no address is marked. Whether an address is a client's is the core's look-up.
     */
    public static Set<String> failedRecipients(ParsedMail mail) {
        Set<String> out = new LinkedHashSet<>();
        if (!"delivery-status".equals(mail.reportType()) || mail.originalMessageId() == null) {
            return out;
        }
        if (mail.originalFrom() != null && mail.to().stream().noneMatch(t -> mail.originalFrom().equals(t.address()))) {
            return out;
        }
        mail.deliveryStatus().stream().filter(s -> s.action().equals("failed")).forEach(s -> out.add(s.recipient()));
        return out;
    }

    private static String lower(String value) {
        return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    }
}
