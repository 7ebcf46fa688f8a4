package io.leadgate.contact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.ArrayList;
import java.util.List;

/** The row ids a {@link MergeParticipant} moved, as kept in the merge snapshot (a JSON array of numbers). */
public final class MovedRows {

    private MovedRows() {
    }

    public static ArrayNode toJson(List<? extends Number> ids) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        ids.forEach(id -> array.add(id.longValue()));
        return array;
    }

    public static List<Long> ids(JsonNode moved) {
        List<Long> ids = new ArrayList<>();
        moved.forEach(id -> ids.add(id.asLong()));
        return ids;
    }

    /** Refuses an undo that found fewer rows to move back than the merge moved. */
    public static void requireAll(String what, int movedBack, List<Long> ids) {
        if (movedBack != ids.size()) {
            throw new MergeException(MergeException.Reason.CHANGED_SINCE, ContactRefusal.MERGE_ROWS_MOVED,
                    what + " of this merge were moved or erased since; the merge cannot be undone", what);
        }
    }
}
