package io.leadgate.contact;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * On undo of a merge, decides which card each inquiry that arrived while the cards were merged belongs to, by the
 * identities it came with (keys {@code KIND:value}). Pure: fed the identities both cards hold after the merge's own
 * identities went back, and the identities first seen while merged; asked about the inquiries in order of arrival.
 *
 * <ul>
 *   <li>An inquiry whose known identities are all the source's goes back to the source; one whose identities are the
 *       target's, both cards' or neither card's stays on the target.</li>
 *   <li>An identity first seen while merged follows the first inquiry that brought it; later inquiries see it on
 *       that side.</li>
 * </ul>
 */
public final class ArrivalSides {

    /** Where an arrived inquiry belongs. */
    public enum Side { SOURCE, TARGET }

    private final Set<String> source;
    private final Set<String> target;
    private final Set<String> fresh;
    private final Map<String, Side> freshSides = new HashMap<>();

    /**
     * @param source identities of the restored source card
     * @param target identities the target held before the merge (and still holds)
     * @param fresh  identities on the target that neither card held at the merge: first seen while merged
     */
    public ArrivalSides(Collection<String> source, Collection<String> target, Collection<String> fresh) {
        this.source = Set.copyOf(source);
        this.target = Set.copyOf(target);
        this.fresh = Set.copyOf(fresh);
    }

    /** The key of an identity as this class compares them. */
    public static String key(IdentityKind kind, String value) {
        return kind.name() + ":" + value;
    }

    /** Decides one inquiry, in order of arrival; its identities first seen here take its side. */
    public Side decide(Collection<String> identities) {
        Set<Side> sides = new HashSet<>();
        for (String id : identities) {
            if (source.contains(id)) {
                sides.add(Side.SOURCE);
            } else if (target.contains(id)) {
                sides.add(Side.TARGET);
            } else if (freshSides.containsKey(id)) {
                sides.add(freshSides.get(id));
            }
        }
        Side side = sides.equals(Set.of(Side.SOURCE)) ? Side.SOURCE : Side.TARGET;
        for (String id : identities) {
            if (fresh.contains(id)) {
                freshSides.putIfAbsent(id, side);
            }
        }
        return side;
    }

    /** The identities first seen while merged that went with an inquiry back to the source. */
    public List<String> freshToSource() {
        return freshSides.entrySet().stream().filter(e -> e.getValue() == Side.SOURCE).map(Map.Entry::getKey)
                .sorted().toList();
    }
}
