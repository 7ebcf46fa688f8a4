package io.leadgate.channel.messenger.shared;

import io.leadgate.channel.messenger.DeepLinks;
import io.leadgate.inquiry.Attribution;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeepLinksTest {

    @Test
    void queryLikeValueGivesUtmAndClickIds() {
        Attribution a = DeepLinks.decode("utm_source=vk&utm_campaign=spring%20sale&yclid=123&promo=x");
        assertEquals(Map.of("utm_source", "vk", "utm_campaign", "spring sale"), a.utm());
        assertEquals(Map.of("yclid", "123"), a.clickIds());
    }

    @Test
    void bareValueIsKeptAsCampaign() {
        assertEquals(Map.of("utm_campaign", "spring_sale"), DeepLinks.decode(" spring_sale ").utm());
    }

    @Test
    void absentValueGivesNothing() {
        assertTrue(DeepLinks.decode(null).isEmpty());
        assertTrue(DeepLinks.decode("  ").isEmpty());
    }
}
