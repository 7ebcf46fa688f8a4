package io.leadgate.console.settings;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.pipeline.AutomationAction;

import jakarta.ws.rs.core.MultivaluedMap;

import java.util.List;
import java.util.Map;

/**
 * The automation form's fields as the parameters of {@code POST /api/automations}: only the fields of the chosen
 * action are taken (the form shows all of them), blank ones left out; {@link io.leadgate.pipeline.AutomationService}
 * checks the rest. Pure.
 */
final class AutomationForm {

    /** The form fields each action reads, by parameter name. */
    private static final Map<AutomationAction, List<String>> FIELDS = Map.of(
            AutomationAction.EMIT_EVENT, List.of("type"),
            AutomationAction.WEBHOOK, List.of("url", "secret"),
            AutomationAction.SET_RESPONSIBLE, List.of("responsible", "roundRobin"),
            AutomationAction.ADD_TASK, List.of("title", "kind", "due"),
            AutomationAction.SET_FIELD, List.of("field", "value"),
            AutomationAction.MOVE, List.of("stageId"));

    private AutomationForm() {
    }

    /** Null for an unknown action: the service then names the actions there are. */
    static ObjectNode params(String action, MultivaluedMap<String, String> form) {
        AutomationAction a = AutomationAction.parse(action).orElse(null);
        if (a == null) {
            return null;
        }
        ObjectNode params = JsonNodeFactory.instance.objectNode();
        for (String name : FIELDS.get(a)) {
            // the move target has its own field: the form's stageId is the stage the rule is on
            String value = form.getFirst(name.equals("stageId") ? "target" : name);
            if (value == null || value.isBlank()) {
                continue;
            }
            if (name.equals("roundRobin")) {
                params.put(name, true);
            } else {
                params.put(name, value.strip());
            }
        }
        if (a == AutomationAction.SET_FIELD && !params.has("value") && form.containsKey("value")) {
            params.putNull("value"); // a blank value clears the field
        }
        return params;
    }
}
