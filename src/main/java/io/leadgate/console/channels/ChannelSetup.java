package io.leadgate.console.channels;

import io.leadgate.channel.Provider;
import io.leadgate.console.Languages;
import io.leadgate.console.OpsMessages;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

import java.util.Locale;

/**
 * A provider's set-up steps in the user's language (where to paste the hook URL, which setting holds which secret),
 * the short form of {@code docs/providers/*.md}. Every provider has a case: a new one does not compile without its
 * steps.
 */
final class ChannelSetup {

    private ChannelSetup() {
    }

    static OpsMessages texts(Locale locale) {
        return Languages.RU.equals(locale.getLanguage())
                ? MessageBundles.get(OpsMessages.class, Localized.Literal.of(Languages.RU))
                : MessageBundles.get(OpsMessages.class);
    }

    /** @param channelId named in the steps that call the connect API */
    static String steps(OpsMessages m, Provider provider, String channelId) {
        return switch (provider) {
            case WEBFORM -> m.setup_webform(channelId);
            case TILDA -> m.setup_tilda(channelId);
            case TYPEFORM -> m.setup_typeform(channelId);
            case WEBFLOW -> m.setup_webflow(channelId);
            case BITRIX24_FORM -> m.setup_bitrix24_form(channelId);
            case TELEGRAM -> m.setup_telegram(channelId);
            case WHATSAPP -> m.setup_whatsapp(channelId);
            case FACEBOOK -> m.setup_facebook(channelId);
            case INSTAGRAM -> m.setup_instagram(channelId);
            case VK -> m.setup_vk(channelId);
            case VIBER -> m.setup_viber(channelId);
            case AVITO -> m.setup_avito(channelId);
            case TWILIO -> m.setup_twilio(channelId);
            case SIPGATE -> m.setup_sipgate(channelId);
            case PLACETEL -> m.setup_placetel(channelId);
            case MANGO -> m.setup_mango(channelId);
            case ZADARMA -> m.setup_zadarma(channelId);
            case EMAIL -> m.setup_email(channelId);
            case IMAP -> m.setup_imap(channelId);
        };
    }
}
