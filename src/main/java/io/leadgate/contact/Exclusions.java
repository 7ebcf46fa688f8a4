package io.leadgate.contact;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.ChannelFileException;
import io.leadgate.channel.ChannelRegistry;
import io.leadgate.channel.ChannelFileLoader;
import io.leadgate.config.LeadgateConfig;
import io.leadgate.inquiry.ContactInfo;
import io.leadgate.inquiry.EmailNormalizer;
import io.leadgate.inquiry.PhoneNormalizer;
import io.leadgate.inquiry.PhoneResult;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * Numbers and addresses that never become identities: the business's own lines, a site's robot sender. Global ones
 * come from {@code leadgate.identity.exclude.*}; a channel adds its own with {@code settings.exclude} (phones read in
 * the channel's region, addresses, or {@code *@domain}).
 */
@ApplicationScoped
public class Exclusions {

    /** An inquiry's contact details without the excluded ones, and what kinds were removed (never the values). */
    public record Result(ContactInfo info, List<String> excluded) {
    }

    private record Rules(Set<String> phones, Set<String> emails, Set<String> domains) {
        boolean isEmpty() {
            return phones.isEmpty() && emails.isEmpty() && domains.isEmpty();
        }

        boolean excludesEmail(String email) {
            return emails.contains(email) || domains.contains(email.substring(email.lastIndexOf('@') + 1));
        }
    }

    private final Rules global;
    private final Map<String, Rules> channels = new ConcurrentHashMap<>();

    Exclusions(LeadgateConfig config) {
        List<String> entries = new ArrayList<>(config.identity().exclude().phones().orElse(List.of()));
        entries.addAll(config.identity().exclude().emails().orElse(List.of()));
        this.global = rules(entries, ChannelFileLoader.DEFAULT_REGION, bad -> new IllegalArgumentException(
                "leadgate.identity.exclude: entry " + bad + " is neither a phone in international format nor an email"));
    }

    /** Reads every channel's list at start-up, so a wrong entry stops the start naming the file. */
    void check(@Observes StartupEvent start, ChannelRegistry registry) {
        for (ChannelDefinition channel : registry.all()) {
            channels.put(channel.id(), merged(channelRules(channel)));
        }
    }

    private static Rules channelRules(ChannelDefinition channel) {
        return rules(channel.settingList("exclude"), channel.defaultRegion(), bad -> new ChannelFileException(
                channel.file(), "settings.exclude", "entry " + bad + " is neither a phone nor an email"));
    }

    public Result apply(ChannelDefinition channel, ContactInfo info) {
        Rules own = channel == null ? global
                : channels.computeIfAbsent(channel.id(), id -> merged(channelRules(channel)));
        if (own.isEmpty() || (info.phones().isEmpty() && info.emails().isEmpty())) {
            return new Result(info, List.of());
        }
        List<String> phones = info.phones().stream().filter(p -> !own.phones().contains(p)).toList();
        List<String> emails = info.emails().stream().filter(e -> !own.excludesEmail(e)).toList();
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

    private Rules merged(Rules channel) {
        Set<String> phones = new HashSet<>(global.phones());
        phones.addAll(channel.phones());
        Set<String> emails = new HashSet<>(global.emails());
        emails.addAll(channel.emails());
        Set<String> domains = new HashSet<>(global.domains());
        domains.addAll(channel.domains());
        return new Rules(Set.copyOf(phones), Set.copyOf(emails), Set.copyOf(domains));
    }

    /** @param invalid builds the error for an entry (named by its position, never its value) */
    private static Rules rules(List<String> entries, String region, IntFunction<RuntimeException> invalid) {
        Set<String> phones = new HashSet<>();
        Set<String> emails = new HashSet<>();
        Set<String> domains = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String e = entries.get(i).strip();
            int position = i + 1;
            if (e.startsWith("*@") && e.length() > 2) {
                domains.add(e.substring(2).toLowerCase(Locale.ROOT));
            } else if (e.contains("@")) {
                emails.add(EmailNormalizer.normalize(e).orElseThrow(() -> invalid.apply(position)));
            } else if (PhoneNormalizer.normalize(e, region) instanceof PhoneResult.Normalized n) {
                phones.add(n.e164());
            } else {
                throw invalid.apply(position);
            }
        }
        return new Rules(Set.copyOf(phones), Set.copyOf(emails), Set.copyOf(domains));
    }
}
