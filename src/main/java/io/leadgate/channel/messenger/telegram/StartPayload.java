package io.leadgate.channel.messenger.telegram;

import io.leadgate.channel.messenger.DeepLinks;
import io.leadgate.inquiry.Attribution;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The payload of a {@code /start} deep link ({@code t.me/<bot>?start=<payload>} arrives as the message
 * {@code /start <payload>}; in groups {@code /start@<bot> <payload>}) and the attribution it carries.
 *
 * <p>Telegram allows up to 64 characters of {@code A-Z a-z 0-9 _ -}; anything else after {@code /start} is not a
 * deep link and gives no attribution. The encodings a payload may use are those of {@link DeepLinks}.
 * A plain {@code /start} gives no attribution.
 */
public final class StartPayload {

    private static final Pattern COMMAND = Pattern.compile("/start(?:@[A-Za-z0-9_]+)?(?:[ \\t]+(\\S*))?\\s*");
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private StartPayload() {
    }

    /** The deep-link payload of a {@code /start} message, or empty for other text and a plain {@code /start}. */
    public static Optional<String> of(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = COMMAND.matcher(text.strip());
        if (!m.matches() || m.group(1) == null || !VALID.matcher(m.group(1)).matches()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1));
    }

    /** The attribution of a valid payload: see {@link DeepLinks} for the encodings. */
    public static Attribution decode(String payload) {
        return DeepLinks.decode(payload);
    }
}
