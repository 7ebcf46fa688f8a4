package io.leadgate.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.leadgate.pipeline.Deal;
import io.leadgate.pipeline.DealView;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The contact's deals. A title of the deal's own and its custom fields may name the person (a tunnel prefix put
 * before the default title, which holds the name); erasure clears both, so the deal shows the default title of the
 * erased card. Stages, amounts, products and history stay for the anonymous counts.
 */
@ApplicationScoped
public class DealData implements PersonalData {

    private final ObjectMapper mapper;

    DealData(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    private static List<Deal> of(long contactId) {
        return Deal.<Deal>find("contactId = ?1 order by id", contactId).list();
    }

    @Override
    public String section() {
        return "deals";
    }

    @Override
    public int order() {
        return 35;
    }

    @Override
    public JsonNode export(long contactId) {
        ArrayNode array = mapper.createArrayNode();
        of(contactId).forEach(d -> array.add(mapper.valueToTree(DealView.of(d))));
        return array;
    }

    @Override
    public int erase(long contactId) {
        List<Deal> deals = of(contactId);
        deals.forEach(d -> {
            d.title = null;
            d.fields = null;
        });
        return deals.size();
    }
}
