package io.leadgate.channel.webform.generic;

import io.leadgate.channel.ChannelAdapter;
import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.ChannelFileException;
import io.leadgate.channel.HookOutcome;
import io.leadgate.channel.HookReply;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.PathToken;
import io.leadgate.channel.Provider;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.Verification;
import io.leadgate.channel.webform.FormBodyParser;
import io.leadgate.channel.webform.FormField;
import io.leadgate.channel.webform.FormFields;
import io.leadgate.channel.webform.FormGuard;
import io.leadgate.channel.webform.FormMapper;
import io.leadgate.channel.webform.FormReplies;
import io.leadgate.channel.webform.elementor.ElementorForm;
import io.leadgate.inquiry.Inquiry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;
import java.util.Map;

/**
 * The generic web form ({@code provider: webform}): any HTML or JSON form posted to {@code /hooks/{id}}, fields
 * recognised by synonyms or the channel's {@code fields} mapping; Elementor Pro "advanced data" posts and Contact
 * Form 7 style posts are recognised too. Optional token in the path or the
 * {@code X-Leadgate-Token} header; no provider key, so a double submit is recognised by its content. The website
 * snippet's first- and last-touch fields land in the attribution; {@link FormGuard} enforces fill time and sizes.
 */
@ApplicationScoped
public class WebformAdapter implements ChannelAdapter {

    /** A form that posts the path token as a field instead of in the URL: the field is never kept. */
    @Override
    public Set<String> secretFields() {
        return Set.of("token");
    }

    @Override
    public Provider provider() {
        return Provider.WEBFORM;
    }

    @Override
    public void validate(ChannelDefinition channel) {
        if (channel.settings().containsKey("fields") && !(channel.settings().get("fields") instanceof Map)) {
            throw new ChannelFileException(channel.file(), "settings.fields", "must be a mapping of form field → meaning");
        }
        channel.settingMap("fields").forEach((field, target) -> {
            if (target == null || (!target.toLowerCase().startsWith("utm_") && FormField.byCode(target).isEmpty())) {
                throw new ChannelFileException(channel.file(), "settings.fields." + field, "unknown meaning '" + target
                        + "'; use one of name, first-name, last-name, middle-name, phone, email, message, company, "
                        + "subject, referrer, landing-page, ignore or a utm_* name");
            }
        });
        FormGuard.validate(channel);
    }

    @Override
    public boolean accepts(String mediaType) {
        return FormBodyParser.accepts(mediaType);
    }

    @Override
    public Verification verify(HookRequest request, ChannelDefinition channel) {
        return PathToken.verify(request, channel.setting("token"));
    }

    @Override
    public List<Inquiry> parse(HookRequest request, ChannelDefinition channel) throws UnparseableException {
        var context = new FormMapper.Context(provider().id(), channel.defaultRegion(), channel.settingMap("fields"),
                channel.setting("honeypot").orElse(null), request.query(),
                request.headers().first("Referer").orElse(null));
        FormFields form = ElementorForm.normalise(FormBodyParser.parse(request));
        long now = request.receivedAt() == null ? System.currentTimeMillis() : request.receivedAt().toEpochMilli();
        FormGuard.of(channel).check(form, now);
        return List.of(FormMapper.map(form, context));
    }

    @Override
    public HookReply reply(HookRequest request, ChannelDefinition channel, HookOutcome outcome) {
        return FormReplies.reply(request, channel, outcome);
    }
}
