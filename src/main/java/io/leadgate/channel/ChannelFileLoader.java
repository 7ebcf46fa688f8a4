package io.leadgate.channel;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.leadgate.inquiry.PhoneNormalizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the channel files of a directory: every {@code *.yaml} / {@code *.yml} directly inside defines one channel.
 * Values written {@code ${NAME}} are read from the environment. Any problem is a {@link ChannelFileException}
 * naming the file and the key; secrets are never part of a message. Stateless and thread-safe.
 */
public final class ChannelFileLoader {

    public static final String DEFAULT_REGION = PhoneNormalizer.DEFAULT_REGION;
    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,64}");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Set<String> KEYS = Set.of("id", "provider", "enabled", "default-region", "source", "settings");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Function<String, String> environment;

    /** @param environment looks up environment variables (System::getenv in production) */
    public ChannelFileLoader(Function<String, String> environment) {
        this.environment = environment;
    }

    /**
     * Loads every channel file of {@code dir}, ordered by file name; a missing directory has no channels.
     *
     * @throws ChannelFileException at the first file that cannot be used
     */
    public List<ChannelDefinition> loadDirectory(Path dir) {
        List<ChannelDefinition> channels = new ArrayList<>();
        for (ChannelFile file : scan(dir)) {
            if (file instanceof ChannelFile.Invalid invalid) {
                throw invalid.error();
            }
            channels.add(((ChannelFile.Valid) file).definition());
        }
        return channels;
    }

    /**
     * Reads every channel file of {@code dir}, ordered by file name, each on its own: a file that cannot be used
     * is an {@link ChannelFile.Invalid} and the others still load. Of two files declaring one id, the first by
     * file name is used and the second is invalid.
     */
    public List<ChannelFile> scan(Path dir) {
        List<ChannelFile> out = new ArrayList<>();
        Map<String, Path> seen = new HashMap<>();
        for (Path file : files(dir)) {
            ChannelFile result = read(file);
            if (result instanceof ChannelFile.Valid valid) {
                Path other = seen.putIfAbsent(valid.id(), file);
                if (other != null) {
                    ChannelDefinition d = valid.definition();
                    result = new ChannelFile.Invalid(file, d.id(), d.provider().id(), d.enabled(),
                            new ChannelFileException(file, "id", "'" + d.id() + "' is already defined in " + other));
                }
            }
            out.add(result);
        }
        return out;
    }

    /** The channel files directly inside {@code dir}, ordered by file name. */
    public static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches("(?i).+\\.ya?ml"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new ChannelFileException(dir, null, "cannot list the directory: " + e.getMessage());
        }
    }

    /** Reads one channel file, never throwing for a problem of the file. */
    public ChannelFile read(Path file) {
        try {
            return read(file, Files.readAllBytes(file));
        } catch (IOException e) {
            return new ChannelFile.Invalid(file, baseName(file), null, true,
                    new ChannelFileException(file, null, "cannot read: " + e.getMessage()));
        }
    }

    /** Reads a channel file's content as read once from {@code file}, never throwing for a problem of the file. */
    public ChannelFile read(Path file, byte[] content) {
        try {
            return new ChannelFile.Valid(file, load(file, content));
        } catch (ChannelFileException e) {
            return invalid(file, content, e);
        }
    }

    /** What can be told about a file that cannot be used: its declared id, provider and enabled flag if readable. */
    private ChannelFile.Invalid invalid(Path file, byte[] content, ChannelFileException error) {
        String id = baseName(file);
        String provider = null;
        boolean enabled = true;
        try {
            if (YAML.readValue(content, Object.class) instanceof Map<?, ?> raw) {
                if (raw.get("id") instanceof String s && ID.matcher(s.strip()).matches()) {
                    id = s.strip();
                }
                if (raw.get("provider") instanceof String s) {
                    provider = s.strip();
                }
                enabled = !"false".equalsIgnoreCase(String.valueOf(raw.get("enabled")).strip());
            }
        } catch (IOException | RuntimeException unreadable) {
            // the error already says why; the file name stands in for the id
        }
        return new ChannelFile.Invalid(file, id, provider, enabled, error);
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    /** Loads one channel file. */
    public ChannelDefinition load(Path file) {
        try {
            return load(file, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ChannelFileException(file, null, "cannot read: " + e.getMessage());
        }
    }

    /** Loads one channel file from its content. */
    public ChannelDefinition load(Path file, byte[] content) {
        Object tree;
        try {
            tree = YAML.readValue(content, Object.class);
        } catch (JacksonException e) {
            throw new ChannelFileException(file, null, "not valid YAML (line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
        } catch (IOException e) {
            throw new ChannelFileException(file, null, "cannot read: " + e.getMessage());
        }
        if (!(tree instanceof Map<?, ?> raw)) {
            throw new ChannelFileException(file, null, "must be a YAML mapping with at least 'id' and 'provider'");
        }
        for (Object key : raw.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                throw new ChannelFileException(file, String.valueOf(key), "unknown key; expected one of " + KEYS);
            }
        }
        String id = requiredText(file, raw, "id");
        if (!ID.matcher(id).matches()) {
            throw new ChannelFileException(file, "id", "must match [a-z0-9-]{1,64}");
        }
        String providerName = requiredText(file, raw, "provider");
        Provider provider = Provider.byId(providerName).orElseThrow(() -> new ChannelFileException(file, "provider",
                "unknown provider '" + providerName + "'"));
        boolean enabled = bool(file, raw, "enabled", true);
        String region = optionalText(file, raw, "default-region");
        region = region == null ? DEFAULT_REGION : region.toUpperCase(Locale.ROOT);
        if (!PhoneNormalizer.isKnownRegion(region)) {
            throw new ChannelFileException(file, "default-region", "'" + region + "' is not an ISO 3166 alpha-2 region");
        }
        String source = optionalText(file, raw, "source");
        Object settingsNode = raw.get("settings");
        if (settingsNode != null && !(settingsNode instanceof Map)) {
            throw new ChannelFileException(file, "settings", "must be a mapping");
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        if (settingsNode instanceof Map<?, ?> map) {
            map.forEach((k, v) -> settings.put(String.valueOf(k), resolve(file, "settings." + k, v)));
        }
        for (String key : provider.requiredSettings()) {
            Object v = settings.get(key);
            if (v == null || v.toString().isBlank()) {
                throw new ChannelFileException(file, "settings." + key, "required by provider '" + provider.id() + "'");
            }
        }
        ChannelPolicy policy = ChannelPolicyReader.read(file, provider, region, settings);
        return new ChannelDefinition(id, provider, enabled, region, source == null ? id : source, settings, file, policy);
    }

    private Object resolve(Path file, String key, Object value) {
        if (value instanceof String s) {
            Matcher m = VARIABLE.matcher(s);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String v = environment.apply(m.group(1));
                if (v == null) {
                    throw new ChannelFileException(file, key, "environment variable " + m.group(1) + " is not set");
                }
                m.appendReplacement(out, Matcher.quoteReplacement(v));
            }
            m.appendTail(out);
            return out.toString();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), resolve(file, key + "." + k, v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                out.add(resolve(file, key + "[" + i + "]", list.get(i)));
            }
            return out;
        }
        return value;
    }

    private String requiredText(Path file, Map<?, ?> raw, String key) {
        String v = optionalText(file, raw, key);
        if (v == null || v.isBlank()) {
            throw new ChannelFileException(file, key, "is required");
        }
        return v;
    }

    private String optionalText(Path file, Map<?, ?> raw, String key) {
        Object v = raw.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Map || v instanceof List) {
            throw new ChannelFileException(file, key, "must be a single value");
        }
        return resolve(file, key, v.toString()).toString().strip();
    }

    private boolean bool(Path file, Map<?, ?> raw, String key, boolean defaultValue) {
        Object v = raw.get(key);
        if (v == null) {
            return defaultValue;
        }
        String s = resolve(file, key, v.toString()).toString().strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new ChannelFileException(file, key, "must be true or false");
        };
    }
}
