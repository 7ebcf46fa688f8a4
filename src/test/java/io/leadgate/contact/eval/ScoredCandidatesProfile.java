package io.leadgate.contact.eval;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * Auto-merge on (rules and merge score at their defaults) and every scored candidate kept, however low, so an
 * evaluation sees what the default listing threshold leaves out and can count it.
 */
public class ScoredCandidatesProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("leadgate.identity.auto-merge", "true", "leadgate.identity.candidate-score", "0");
    }
}
