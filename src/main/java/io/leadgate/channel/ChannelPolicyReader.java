package io.leadgate.channel;

import io.leadgate.policy.ExclusionList;
import io.leadgate.policy.LeadRouting;
import io.leadgate.policy.RepeatLead;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a channel's {@link ChannelPolicy} from its resolved settings. Every problem is a {@link ChannelFileException}
 * naming the file and the key ({@code settings.<key>}); values are never quoted, they may be secrets.
 */
public final class ChannelPolicyReader {

    public static final String ALLOWED_ORIGINS = "allowed-origins";
    public static final String RATE_LIMIT = "rate-limit";
    public static final String REPEAT_LEAD = "repeat-lead";
    public static final String EXCLUDE = "exclude";
    public static final String DEALS_ONLY = "deals-only";
    public static final String PIPELINE = "pipeline";
    public static final String MANAGERS = "managers";
    public static final String ATTACHMENTS = "attachments";
    public static final String MAX_ATTACHMENT_BYTES = "max-attachment-bytes";
    public static final String NEWSLETTERS = "newsletters";
    public static final String THREAD_REPLIES = "thread-replies";
    public static final String MAX_BODY = "max-body";
    /** The largest {@code max-body}: the HTTP server reads no more ({@code quarkus.http.limits.max-body-size}). */
    public static final long MAX_BODY_CEILING = 30L * 1024 * 1024;
    /** The settings every provider understands. */
    /** {@code scheme://host[:port]}: an IPv6 literal in brackets or a host of letters, digits, dots and dashes. */
    private static final Pattern ORIGIN = Pattern.compile(
            "(?i)[a-z][a-z0-9+.-]*://(\\[[0-9a-f:.]+]|[\\p{L}\\p{N}.-]+)(:[0-9]{1,5})?");
    public static final Set<String> KEYS = Set.of(ALLOWED_ORIGINS, RATE_LIMIT, REPEAT_LEAD, EXCLUDE, DEALS_ONLY, PIPELINE,
            MANAGERS, ATTACHMENTS, MAX_ATTACHMENT_BYTES, NEWSLETTERS, THREAD_REPLIES, MAX_BODY);

    private final Path file;
    private final Map<String, Object> settings;

    private ChannelPolicyReader(Path file, Map<String, Object> settings) {
        this.file = file;
        this.settings = settings;
    }

    /** Reads the policy of a channel of {@code provider}; national phone numbers are read in {@code region}. */
    public static ChannelPolicy read(Path file, Provider provider, String region, Map<String, Object> settings) {
        return new ChannelPolicyReader(file, settings).read(provider, region);
    }

    private ChannelPolicy read(Provider provider, String region) {
        List<String> origins = origins(list(ALLOWED_ORIGINS));
        int rateLimit = provider == Provider.WEBFORM
                ? (int) number(RATE_LIMIT, 0, 1_000_000_000L, ChannelPolicy.DEFAULT_WEBFORM_RATE_LIMIT,
                "must be a whole number of posts per minute (0 = off)")
                : 0; // server-to-server providers are never limited by client address (CONTRACT §2)
        if (provider != Provider.WEBFORM && settings.containsKey(RATE_LIMIT)) {
            number(RATE_LIMIT, 0, 1_000_000_000L, 0, "must be a whole number of posts per minute (0 = off)");
        }
        Optional<RepeatLead> repeatLead = text(REPEAT_LEAD).map(v -> RepeatLead.of(v)
                .orElseThrow(() -> invalid(REPEAT_LEAD, "must be attach, new or deal")));
        ExclusionList exclusions;
        try {
            exclusions = ExclusionList.parse(list(EXCLUDE), region);
        } catch (ExclusionList.InvalidEntryException e) {
            throw invalid(EXCLUDE, e.getMessage());
        }
        boolean dealsOnly = bool(DEALS_ONLY, false);
        Optional<String> pipeline = text(PIPELINE).filter(p -> !p.isBlank());
        List<String> managers = list(MANAGERS);
        ChannelPolicy.Attachments attachments = text(ATTACHMENTS).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "drop" -> ChannelPolicy.Attachments.DROP;
            case "store" -> ChannelPolicy.Attachments.STORE;
            default -> throw invalid(ATTACHMENTS, "must be 'store' or 'drop'");
        }).orElse(ChannelPolicy.Attachments.DROP);
        long maxAttachmentBytes = number(MAX_ATTACHMENT_BYTES, 1, Long.MAX_VALUE,
                ChannelPolicy.DEFAULT_MAX_ATTACHMENT_BYTES, "must be a positive number of bytes");
        ChannelPolicy.Newsletters newsletters = text(NEWSLETTERS).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "lead" -> ChannelPolicy.Newsletters.LEAD;
            case "ignore" -> ChannelPolicy.Newsletters.IGNORE;
            default -> throw invalid(NEWSLETTERS, "must be 'lead' or 'ignore'");
        }).orElse(ChannelPolicy.Newsletters.LEAD);
        ChannelPolicy.ThreadReplies threadReplies = text(THREAD_REPLIES).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "client" -> ChannelPolicy.ThreadReplies.CLIENT;
            case "anyone" -> ChannelPolicy.ThreadReplies.ANYONE;
            default -> throw invalid(THREAD_REPLIES, "must be 'client' or 'anyone'");
        }).orElse(ChannelPolicy.ThreadReplies.CLIENT);
        OptionalInt maxBody = settings.containsKey(MAX_BODY)
                ? OptionalInt.of((int) number(MAX_BODY, 1, MAX_BODY_CEILING, 0, "must be a number of bytes from 1 to "
                + MAX_BODY_CEILING))
                : OptionalInt.empty();
        return new ChannelPolicy(origins, rateLimit, repeatLead, exclusions,
                new LeadRouting(dealsOnly, pipeline, managers), attachments, maxAttachmentBytes, newsletters,
                threadReplies, maxBody);
    }

    /**
     * Browser origins as an {@code Origin} header writes them: {@code scheme://host[:port]}, nothing after (no path,
     * not even a trailing slash), or {@code *}. Anything else would never match a browser's header and silently
     * refuse every cross-origin post, so it is refused when the file loads, named by its position.
     */
    private List<String> origins(List<String> entries) {
        for (int i = 0; i < entries.size(); i++) {
            String origin = entries.get(i);
            if (!origin.equals("*") && !ORIGIN.matcher(origin).matches()) {
                throw invalid(ALLOWED_ORIGINS, "entry " + (i + 1) + " is not an origin: write scheme://host[:port] "
                        + "with no path, or *");
            }
        }
        return entries;
    }

    private Optional<String> text(String key) {
        Object v = settings.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Map || v instanceof List) {
            throw invalid(key, "must be a single value");
        }
        return Optional.of(v.toString().strip());
    }

    /** A list written as a YAML list or as one comma-separated string. */
    private List<String> list(String key) {
        Object v = settings.get(key);
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map || item instanceof List) {
                    throw invalid(key, "must be a list of single values");
                }
                if (item != null && !item.toString().isBlank()) {
                    out.add(item.toString().strip());
                }
            }
        } else if (v instanceof Map) {
            throw invalid(key, "must be a list");
        } else if (v != null) {
            for (String part : v.toString().split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return List.copyOf(out);
    }

    private boolean bool(String key, boolean defaultValue) {
        return text(key).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw invalid(key, "must be true or false");
        }).orElse(defaultValue);
    }

    private long number(String key, long min, long max, long defaultValue, String problem) {
        Optional<String> text = text(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        if (!text.get().matches("\\d{1,18}")) {
            throw invalid(key, problem);
        }
        long value = Long.parseLong(text.get());
        if (value < min || value > max) {
            throw invalid(key, problem);
        }
        return value;
    }

    private ChannelFileException invalid(String key, String problem) {
        return new ChannelFileException(file, "settings." + key, problem);
    }
}
