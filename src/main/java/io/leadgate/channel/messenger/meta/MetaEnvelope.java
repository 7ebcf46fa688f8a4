package io.leadgate.channel.messenger.meta;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.leadgate.channel.UnparseableException;

import java.util.List;
import java.util.Objects;

/**
 * The envelope of every Meta webhook POST: {@code {"object": "page|instagram|whatsapp_business_account",
 * "entry": [...]}}; the entry shape depends on the product.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MetaEnvelope<E>(String object, List<E> entry) {

    /** Reads the envelope; a body without {@code object} or an {@code entry} array is not a Meta webhook. */
    public static <E> MetaEnvelope<E> read(byte[] body, Class<E> entryType) throws UnparseableException {
        MetaEnvelope<E> envelope = PayloadJson.read(body, PayloadJson.generic(MetaEnvelope.class, entryType),
                "a Meta webhook");
        if (envelope.object() == null || envelope.object().isBlank() || envelope.entry() == null) {
            throw new UnparseableException("body is not a Meta webhook: 'object' and 'entry' are required");
        }
        return new MetaEnvelope<>(envelope.object(), envelope.entry().stream().filter(Objects::nonNull).toList());
    }
}
