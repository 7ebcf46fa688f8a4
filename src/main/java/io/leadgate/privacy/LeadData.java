package io.leadgate.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.leadgate.lead.Lead;
import io.leadgate.lead.LeadView;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The contact's leads. They stay (status, source, channel, counts); attribution keeps only the campaign. */
@ApplicationScoped
public class LeadData implements PersonalData {

    private final ObjectMapper mapper;

    LeadData(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String section() {
        return "leads";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public JsonNode export(long contactId) {
        ArrayNode array = mapper.createArrayNode();
        Lead.<Lead>find("contactId = ?1 order by id", contactId).stream()
                .forEach(l -> array.add(mapper.valueToTree(LeadView.of(l))));
        return array;
    }

    @Override
    public int erase(long contactId) {
        List<Lead> leads = Lead.find("contactId", contactId).list();
        leads.forEach(l -> l.attribution = Scrub.attributionText(l.attribution));
        return leads.size();
    }
}
