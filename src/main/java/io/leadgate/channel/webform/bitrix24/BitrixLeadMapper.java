package io.leadgate.channel.webform.bitrix24;

import io.leadgate.inquiry.AttributionExtractor;
import io.leadgate.inquiry.ChannelFamily;
import io.leadgate.inquiry.ContactInfoBuilder;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A Bitrix24 {@code crm.lead.add} call as an inquiry: {@code NAME} (first name), {@code SECOND_NAME} (middle name)
 * and {@code LAST_NAME} joined in that order, {@code PHONE} / {@code EMAIL} values as contact data,
 * {@code COMPANY_TITLE} as the company, {@code COMMENTS} as the text, {@code UTM_*} as the attribution. Everything
 * else is extra under its Bitrix24 code: {@code TITLE}, {@code OPPORTUNITY}, {@code CURRENCY_ID}, {@code SOURCE_ID},
 * … and the multi-fields {@code WEB} (the client's web site, not the landing page) and {@code IM}
 * ({@code TYPE: value}). The call carries no idempotency key. Pure.
 */
public final class BitrixLeadMapper {

    static final String PROVIDER = "bitrix24-form";
    private static final List<String> NAME_PARTS = List.of("NAME", "SECOND_NAME", "LAST_NAME");
    private static final Set<String> MAPPED = Set.of("NAME", "SECOND_NAME", "LAST_NAME", "COMPANY_TITLE", "COMMENTS");

    private BitrixLeadMapper() {
    }

    public static Inquiry map(BitrixLead lead, String defaultRegion) {
        Inquiry.Builder inquiry = Inquiry.builder(ChannelFamily.WEBFORM, PROVIDER).kind(Kind.LEAD, null);
        ContactInfoBuilder contact = new ContactInfoBuilder(defaultRegion);
        List<String> name = new ArrayList<>();
        NAME_PARTS.forEach(code -> lead.scalar(code).ifPresent(name::add));
        contact.name(name.isEmpty() ? null : String.join(" ", name));
        lead.scalar("COMPANY_TITLE").ifPresent(contact::company);
        Map<String, String> utm = new LinkedHashMap<>();
        lead.scalars().forEach((code, value) -> {
            if (code.startsWith("UTM_")) {
                utm.put(code.toLowerCase(Locale.ROOT), value);
            } else if (!MAPPED.contains(code) && !value.isBlank()) {
                inquiry.extra(code, value.strip());
            }
        });
        lead.multi().forEach((code, values) -> {
            for (BitrixLead.MultiValue v : values) {
                if (v.value() == null || v.value().isBlank()) {
                    continue;
                }
                switch (code) {
                    case "PHONE" -> contact.phone(v.value());
                    case "EMAIL" -> contact.email(v.value());
                    case "IM" -> inquiry.extra(code, v.valueType() == null ? v.value() : v.valueType() + ": " + v.value());
                    default -> inquiry.extra(code, v.value().strip());
                }
            }
        });
        return inquiry.contact(contact.build())
                .text(lead.scalar("COMMENTS").orElse(null))
                .attribution(AttributionExtractor.extract(utm, null, null, null))
                .build();
    }
}
