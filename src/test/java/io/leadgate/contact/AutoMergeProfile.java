package io.leadgate.contact;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** The gateway with {@code leadgate.identity.auto-merge=true} (rules and scores at their defaults). */
public class AutoMergeProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("leadgate.identity.auto-merge", "true");
    }
}
