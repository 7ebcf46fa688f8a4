package io.leadgate.delivery.crm;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading events as changes, without a database. */
class CrmChangesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anEventIsAnEchoOnlyForTheCrmThatCausedIt() {
        var data = JSON.createObjectNode().put("actor", "crm:bitrix24");
        assertTrue(CrmChanges.echo(data, "bitrix24"));
        assertFalse(CrmChanges.echo(data, "amocrm"));
        assertFalse(CrmChanges.echo(JSON.createObjectNode().put("actor", "anna"), "bitrix24"), "a person's change");
        assertFalse(CrmChanges.echo(JSON.createObjectNode(), "bitrix24"), "no actor");
        assertFalse(CrmChanges.echo(JSON.missingNode(), "bitrix24"), "no data");
    }

    @Test
    void aRepeatInquirysTimelineTextNamesTheChannelAndLinksTheFiles() {
        LeadSnapshot lead = new LeadSnapshot(1, 2L, "Vera", List.of(), List.of(), "website", "mail", "Re: quote",
                "Any news?", Map.of(), null, "email");
        var change = new CrmChange.RepeatInquiry(5, lead, 9, "mail", "email",
                List.of(new CrmChange.AttachmentLink("plan.pdf", "https://leads.example/api/inquiries/9/attachments/0")), null);
        assertEquals("Repeat inquiry via email (mail)\n\nRe: quote\n\nAny news?\n"
                + "plan.pdf: https://leads.example/api/inquiries/9/attachments/0", change.text());
    }
}
