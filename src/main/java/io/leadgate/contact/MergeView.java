package io.leadgate.contact;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A merge as the API and the {@code leadgate.contact.merged} event show it. Ids are strings. */
public record MergeView(String id, String targetId, String sourceId, String origin, String rule, Double score,
                        List<String> reasons, Instant createdAt, Instant undoneAt, String mergedBy,
                        String undoneBy) {

    public static MergeView of(ContactMerge merge) {
        return new MergeView(String.valueOf(merge.id), String.valueOf(merge.targetId), String.valueOf(merge.sourceId),
                merge.origin, merge.rule, merge.score,
                merge.reasons == null || merge.reasons.isEmpty() ? List.of() : Arrays.asList(merge.reasons.split(",")),
                merge.createdAt, merge.undoneAt, merge.mergedBy, merge.undoneBy);
    }
}
