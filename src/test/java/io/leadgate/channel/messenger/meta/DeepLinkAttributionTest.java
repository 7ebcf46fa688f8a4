package io.leadgate.channel.messenger.meta;

import io.leadgate.inquiry.Attribution;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeepLinkAttributionTest {

    @Test
    void queryLikeValueGivesUtmAndClickIds() {
        Attribution a = DeepLinkAttribution.of("utm_source=vk&utm_campaign=spring%20sale&yclid=123&promo=x");
        assertEquals(Map.of("utm_source", "vk", "utm_campaign", "spring sale"), a.utm());
        assertEquals(Map.of("yclid", "123"), a.clickIds());
    }

    @Test
    void bareValueIsKeptAsCampaign() {
        assertEquals(Map.of("utm_campaign", "spring_sale"), DeepLinkAttribution.of(" spring_sale ").utm());
    }

    @Test
    void absentValueGivesNothing() {
        assertTrue(DeepLinkAttribution.of(null).isEmpty());
        assertTrue(DeepLinkAttribution.of("  ").isEmpty());
    }
}
