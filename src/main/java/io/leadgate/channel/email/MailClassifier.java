package io.leadgate.channel.email;

import io.leadgate.inquiry.EmailNormalizer;
import io.leadgate.inquiry.Kind;
import io.leadgate.inquiry.Reason;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
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
    public record Classification(Kind kind, String reason) {
        static final Classification LEAD = new Classification(Kind.LEAD, null);

        static Classification ignored(String reason) {
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
    private static final Pattern BOUNCED_LINE = Pattern.compile("(?m)^\\s*<([^<>\\s]+@[^<>\\s]+)>:");

    private MailClassifier() {
    }

    public static Classification classify(ParsedMail mail, boolean webForm, boolean ignoreNewsletters) {
        MailHeaders h = mail.headers();
        if ("delivery-status".equals(mail.reportType()) || !mail.deliveryStatus().isEmpty()) {
            return deliveryReport(mail);
        }
        if ("disposition-notification".equals(mail.reportType())) {
            return Classification.ignored("read-receipt");
        }
        if (h.has("X-Failed-Recipients") || MailSenders.isSystem(mail.from())) {
            return Classification.ignored(mail.subject() != null && DELAY_SUBJECT.matcher(mail.subject()).matches()
                    && !h.has("X-Failed-Recipients") ? "delivery-delayed" : Reason.BOUNCE.code());
        }
        String autoSubmitted = lower(h.text("Auto-Submitted"));
        if (autoSubmitted.startsWith("auto-replied") || h.has("X-Autoreply") || h.has("X-Autorespond")
                || h.has("X-Autoresponder") || lower(h.text("Precedence")).startsWith("auto_reply")
                || (mail.subject() != null && AUTO_REPLY_SUBJECT.matcher(mail.subject()).matches())) {
            return Classification.ignored("auto-reply");
        }
        Classification newsletter = new Classification(ignoreNewsletters ? Kind.IGNORED : Kind.LEAD, "newsletter");
        if (h.has("List-Unsubscribe") || h.has("List-Id") || h.has("Feedback-ID")
                || BULK_PRECEDENCE.matcher(lower(h.text("Precedence"))).matches()) {
            return newsletter;
        }
        if (webForm) {
            return Classification.LEAD;
        }
        if (!autoSubmitted.isEmpty() && !autoSubmitted.startsWith("no")) {
            return Classification.ignored("auto-reply");
        }
        String returnPath = h.raw("Return-Path");
        if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
            return Classification.ignored(Reason.BOUNCE.code());
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
            return Classification.ignored(Reason.BOUNCE.code());
        }
        return Classification.ignored(actions.contains("delayed") ? "delivery-delayed" : "delivery-status");
    }

    /**
     * The addresses a bounce reports as undeliverable, lower-cased: failed recipients of the delivery report,
     * {@code X-Failed-Recipients}, or else the {@code <address>:} lines of a mail system's notice.
     */
    public static Set<String> failedRecipients(ParsedMail mail) {
        Set<String> out = new LinkedHashSet<>();
        mail.deliveryStatus().stream().filter(s -> s.action().equals("failed") || s.action().isEmpty())
                .forEach(s -> out.add(s.recipient()));
        for (String header : mail.headers().texts("X-Failed-Recipients")) {
            for (String address : header.split("[,;\\s]+")) {
                EmailNormalizer.normalize(address).ifPresent(out::add);
            }
        }
        if (out.isEmpty() && mail.deliveryStatus().isEmpty() && mail.body() != null) {
            Matcher m = BOUNCED_LINE.matcher(mail.body());
            while (m.find()) {
                EmailNormalizer.normalize(m.group(1)).ifPresent(out::add);
            }
        }
        return out;
    }

    private static String lower(String value) {
        return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    }
}
