package io.leadgate.channel;

import io.leadgate.intake.Outcome;

/**
 * Not used by anything: a class in {@code channel} that reaches up into the write path, as the IMAP poller once did.
 * {@code LayeringTest} checks its rules against it to prove they fail on such a class; the real check leaves test
 * classes out.
 */
final class IntakeImportProbe {

    private IntakeImportProbe() {
    }

    static boolean stored(Outcome outcome) {
        return outcome instanceof Outcome.Stored;
    }
}
