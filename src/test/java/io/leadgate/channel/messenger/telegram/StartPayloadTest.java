package io.leadgate.channel.messenger.telegram;

import io.leadgate.inquiry.Attribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StartPayloadTest {

    @ParameterizedTest
    @ValueSource(strings = {"/start", "/start ", "hello", "/startnow abc", "/start two words",
            "/start bad!chars", "/start 12345678901234567890123456789012345678901234567890123456789012345"})
    void noDeepLinkPayload(String text) {
        assertEquals(Optional.empty(), StartPayload.of(text));
    }

    @Test
    void payloadAfterStartAndAfterStartAddressedToTheBot() {
        assertEquals(Optional.of("abc-1_2"), StartPayload.of("/start abc-1_2"));
        assertEquals(Optional.of("abc"), StartPayload.of("/start@shop_bot abc"));
        assertEquals(Optional.of("x".repeat(64)), StartPayload.of("/start " + "x".repeat(64)));
    }

    @Test
    void base64UrlQueryString() {
        Attribution a = StartPayload.decode("dXRtX3NvdXJjZT12ayZ1dG1fbWVkaXVtPWNwYyZ1dG1fY2FtcGFpZ249c3ByaW5n");
        assertEquals(Map.of("utm_source", "vk", "utm_medium", "cpc", "utm_campaign", "spring"), a.utm());
    }

    @Test
    void base64UrlQueryStringWithUnicodeAndClickId() {
        Attribution a = StartPayload.decode("dXRtX3NvdXJjZT3Rj9C90LTQtdC60YEmZ2NsaWQ9YWJj"); // utm_source=яндекс&gclid=abc
        assertEquals(Map.of("utm_source", "яндекс"), a.utm());
        assertEquals(Map.of("gclid", "abc"), a.clickIds());
    }

    @Test
    void keyValuePairsJoinedByDoubleUnderscore() {
        Attribution a = StartPayload.decode("utm_source-google__utm_campaign-spring");
        assertEquals(Map.of("utm_source", "google", "utm_campaign", "spring"), a.utm());
    }

    @Test
    void keyValuePairsWithShortKeysAndClickIds() {
        Attribution a = StartPayload.decode("source-yandex__medium-cpc__yclid-123");
        assertEquals(Map.of("utm_source", "yandex", "utm_medium", "cpc"), a.utm());
        assertEquals(Map.of("yclid", "123"), a.clickIds());
    }

    @ParameterizedTest
    @ValueSource(strings = {"promo_2024", "spring-sale", "ref__abc", "utm_source-google__ref-1", "dGVzdA"})
    void anyOtherPayloadIsTheCampaign(String payload) { // dGVzdA is base64 of "test": no query, so a campaign
        assertEquals(Map.of("utm_campaign", payload), StartPayload.decode(payload).utm());
    }
}
