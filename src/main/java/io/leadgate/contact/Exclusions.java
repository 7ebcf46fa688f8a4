package io.leadgate.contact;

import io.leadgate.config.LeadgateConfig;
import io.leadgate.inquiry.ContactInfo;
import io.leadgate.inquiry.PhoneNormalizer;
import io.leadgate.policy.ExclusionList;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * Numbers and addresses that never become identities: the business's own lines, a site's robot sender. Global ones
 * come from {@code leadgate.identity.exclude.*}; a channel adds its own ({@code settings.exclude}, read when the
 * channel loads and handed in with each inquiry).
 */
@ApplicationScoped
public class Exclusions {

    /** An inquiry's contact details without the excluded ones, and what kinds were removed (never the values). */
    public record Result(ContactInfo info, List<String> excluded) {
    }

    private final ExclusionList global;

    Exclusions(LeadgateConfig config) {
        List<String> entries = new ArrayList<>(config.identity().exclude().phones().orElse(List.of()));
        entries.addAll(config.identity().exclude().emails().orElse(List.of()));
        try {
            this.global = ExclusionList.parse(entries, PhoneNormalizer.DEFAULT_REGION);
        } catch (ExclusionList.InvalidEntryException e) {
            throw new IllegalArgumentException("leadgate.identity.exclude: entry " + e.position()
                    + " is neither a phone in international format nor an email");
        }
    }

    /** @param channel the channel's own list, added to the global one */
    public Result apply(ExclusionList channel, ContactInfo info) {
        ExclusionList own = channel == null ? ExclusionList.NONE : channel;
        if ((global.isEmpty() && own.isEmpty()) || (info.phones().isEmpty() && info.emails().isEmpty())) {
            return new Result(info, List.of());
        }
        List<String> phones = info.phones().stream()
                .filter(p -> !global.excludesPhone(p) && !own.excludesPhone(p)).toList();
        List<String> emails = info.emails().stream()
                .filter(e -> !global.excludesEmail(e) && !own.excludesEmail(e)).toList();
        if (phones.size() == info.phones().size() && emails.size() == info.emails().size()) {
            return new Result(info, List.of());
        }
        List<String> excluded = new ArrayList<>();
        if (phones.size() < info.phones().size()) {
            excluded.add("phone");
        }
        if (emails.size() < info.emails().size()) {
            excluded.add("email");
        }
        return new Result(new ContactInfo(info.name(), phones, info.rawPhones(), emails, info.handles(), info.company()),
                excluded);
    }
}
