package io.leadgate.pipeline;

import java.util.Locale;
import java.util.Optional;

/** What a stage means: deals in it are still being worked on, won, or lost. */
public enum Semantics {
    IN_PROGRESS, WON, LOST;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads {@code in-progress}, {@code won}, {@code lost} (case and {@code _}/{@code -} tolerant). */
    public static Optional<Semantics> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String normal = code.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (Semantics s : values()) {
            if (s.name().equals(normal)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
