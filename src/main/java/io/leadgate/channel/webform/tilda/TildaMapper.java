package io.leadgate.channel.webform.tilda;

import io.leadgate.channel.webform.FormFields;
import io.leadgate.channel.webform.FormMapper;
import io.leadgate.inquiry.ChannelFamily;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import io.leadgate.inquiry.Reason;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Tilda form post as an inquiry: the form's own fields through {@link FormMapper} (names as the site owner
 * wrote them: {@code Name}, {@code Phone}, {@code Email}, {@code Comments}, hidden {@code utm_*}), {@code tranid}
 * as the idempotency key, {@code formid} kept as extra, {@code COOKIES} read by {@link TildaCookies}. Pure.
 */
public final class TildaMapper {

    static final String PROVIDER = "tilda";

    private TildaMapper() {
    }

    /** True for the request Tilda sends when a webhook is added: a single field {@code test=test}. */
    static boolean isTestProbe(FormFields form) {
        return form.fields().size() == 1 && form.first("test").filter("test"::equals).isPresent();
    }

    public static Inquiry map(FormFields form, String defaultRegion, String hookQuery) {
        if (isTestProbe(form)) {
            return Inquiry.builder(ChannelFamily.WEBFORM, PROVIDER).kind(Kind.IGNORED, Reason.TEST_PROBE).build();
        }
        String tranid = form.first("tranid").map(String::strip).orElse(null);
        TildaCookies.Facts cookies = TildaCookies.read(form.first("COOKIES").orElse(null));
        Inquiry mapped = FormMapper.map(form.without("tranid").without("COOKIES"),
                new FormMapper.Context(PROVIDER, defaultRegion, Map.of(), null, hookQuery, null));
        Map<String, String> extra = new LinkedHashMap<>(mapped.extra());
        cookies.visitorIds().forEach(extra::putIfAbsent);
        return new Inquiry(mapped.kind(), mapped.reason(), mapped.channel(), mapped.provider(), tranid,
                mapped.occurredAt(), mapped.contact(), mapped.subject(), mapped.text(),
                mapped.attribution().orElse(cookies.attribution()), mapped.attachments(), mapped.thread(), mapped.call(),
                extra);
    }
}
