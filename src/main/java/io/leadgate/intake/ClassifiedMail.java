package io.leadgate.intake;

import io.leadgate.inquiry.ChannelFamily;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import io.leadgate.inquiry.Reason;

import java.util.List;
import java.util.Optional;

/**
 * Mail classified away (an auto-reply, a bounce, a newsletter a channel ignores, a receipt) is no inquiry, but it is
 * never dropped without trace: the raw message is kept as an envelope of status {@code classified} with the reason,
 * listed by the envelopes API and replayable (also as a lead). Other providers' ignored items (receipts, statuses,
 * service events) are high-volume machine chatter and are not kept.
 */
final class ClassifiedMail {

    private ClassifiedMail() {
    }

    /** True for an item that is kept as a classified envelope. */
    static boolean kept(Inquiry item) {
        return item.kind() == Kind.IGNORED && item.channel() == ChannelFamily.EMAIL && !Reason.HONEYPOT.of(item);
    }

    /** The first kept item, if any. */
    static Optional<Inquiry> first(List<Inquiry> items) {
        return items.stream().filter(ClassifiedMail::kept).findFirst();
    }

    /** What a classified envelope stores as its reason: the item's reason code, {@code classified} when it has none. */
    static String code(Reason reason) {
        return reason == null ? "classified" : reason.code();
    }
}
