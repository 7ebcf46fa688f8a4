package io.leadgate.channel.connect;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/** The provider APIs on {@link ProviderWireMock} and a public URL for "connect"; shared by the channel API tests. */
public class ChannelApiProfile implements QuarkusTestProfile {

    public static final String PUBLIC_URL = "https://leads.example.com";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("leadgate.connect.public-url", PUBLIC_URL);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ProviderWireMock.class));
    }
}
