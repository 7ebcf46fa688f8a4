package io.leadgate.delivery.crm;

import java.util.List;
import java.util.Map;

/**
 * What a CRM is told about a new lead, read from the database when it is pushed: the contact card as it is then
 * (name, E.164 phones, emails), the lead's source, manager and the
 * pushed inquiry's text and call (for telephony channels), and the first inquiry's UTM tags.
 */
public record LeadSnapshot(long leadId, Long contactId, String name, List<String> phones, List<String> emails,
                           String source, String channelId, String subject, String text, Map<String, String> utm,
                           String responsible, String channelKind, InquiryTexts.Call call) {

    /** A lead whose inquiry was no call. */
    public LeadSnapshot(long leadId, Long contactId, String name, List<String> phones, List<String> emails, String source,
                        String channelId, String subject, String text, Map<String, String> utm, String responsible,
                        String channelKind) {
        this(leadId, contactId, name, phones, emails, source, channelId, subject, text, utm, responsible, channelKind,
                null);
    }

    /** A title for the CRM record: the source and who asked. */
    public String title() {
        String who = name != null ? name : !phones.isEmpty() ? phones.get(0) : !emails.isEmpty() ? emails.get(0) : null;
        return who == null ? "Lead from " + source : who + " — " + source;
    }

    /** A comment for the CRM record: the subject and the text, when there are any. */
    public String comment() {
        if (subject == null || subject.isBlank()) {
            return text;
        }
        return text == null || text.isBlank() ? subject : subject + "\n\n" + text;
    }
}
