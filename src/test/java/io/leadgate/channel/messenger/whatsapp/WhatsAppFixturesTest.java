package io.leadgate.channel.messenger.whatsapp;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.Provider;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.messenger.meta.MessengerHooks;
import io.leadgate.inquiry.Attachment;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import io.leadgate.inquiry.Reason;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.leadgate.channel.messenger.meta.MessengerHooks.single;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Project-made WhatsApp cases written from the Cloud API webhook reference. */
class WhatsAppFixturesTest {

    private static final WhatsAppAdapter ADAPTER = new WhatsAppAdapter();
    private static final ChannelDefinition CHANNEL = MessengerHooks.channel(Provider.WHATSAPP,
            Map.of("app-secret", "s", "verify-token", "v"));

    private static List<Inquiry> parse(String name) throws UnparseableException {
        return MessengerHooks.parseFixture(ADAPTER, CHANNEL, "whatsapp/" + name);
    }

    @Test
    void severalEntriesChangesAndMessagesGiveOneItemEach() throws UnparseableException {
        List<Inquiry> items = parse("batch_two_entries.json");
        assertEquals(4, items.size());
        assertEquals("Hans Müller", items.get(0).contact().name());
        assertEquals(List.of("+4915112345678"), items.get(0).contact().phones());
        assertEquals("Анна Смирнова", items.get(1).contact().name());
        assertEquals(List.of("+79161234567"), items.get(1).contact().phones());
        assertEquals("Здравствуйте! Нужна консультация", items.get(1).text());
        assertEquals(Kind.IGNORED, items.get(2).kind());
        assertEquals("wamid.HBgLNzkxNjEyMzQ1NjcVAgARGBJBQkM=:delivered", items.get(2).externalId());
        Inquiry document = items.get(3);
        assertEquals("Carlos Pérez", document.contact().name());
        assertEquals("106540352242923", document.extra().get("businessPhoneNumberId"));
        assertEquals("102290129340399", document.extra().get("wabaId"));
        assertEquals("Presupuesto", document.text());
        assertEquals(List.of(new Attachment("presupuesto.pdf", "application/pdf", null, "1003383421387256")),
                document.attachments());
    }

    @Test
    void completedFlowIsALeadWithTheFormResponse() throws UnparseableException {
        Inquiry flow = single(parse("flow_reply.json"));
        assertEquals(Kind.LEAD, flow.kind());
        assertEquals("{\"flow_token\":\"lead-form\",\"email\":\"anna@example.ru\"}", flow.extra().get("flowResponse"));
        assertEquals(List.of("wamid.HBgLNzkxNjEyMzQ1NjcVAgARGBJGTE9X"), flow.thread().inReplyTo());
    }

    @Test
    void systemNoticesAndOtherFieldsAreIgnored() throws UnparseableException {
        List<Inquiry> items = parse("system_number_change.json");
        assertEquals(2, items.size());
        assertEquals(Reason.SERVICE_EVENT, items.get(0).reason());
        assertEquals(Kind.IGNORED, items.get(0).kind());
        assertEquals("account_update", items.get(1).extra().get("field"));
        assertEquals(Kind.IGNORED, items.get(1).kind());
    }
}
