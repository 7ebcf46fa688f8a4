package io.leadgate.delivery.crm;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

/** {@link CrmWireMock}'s server for tests in sub-packages. */
public final class CrmWireMockAccess {

    private CrmWireMockAccess() {
    }

    public static StubMapping stub(MappingBuilder mapping) {
        return CrmWireMock.server.stubFor(mapping);
    }

    public static void remove(StubMapping stub) {
        CrmWireMock.server.removeStub(stub);
    }

    public static void verify(RequestPatternBuilder pattern) {
        CrmWireMock.server.verify(pattern);
    }

    public static void verify(com.github.tomakehurst.wiremock.client.CountMatchingStrategy count,
                              RequestPatternBuilder pattern) {
        CrmWireMock.server.verify(count, pattern);
    }

    public static String baseUrl() {
        return CrmWireMock.server.baseUrl();
    }
}
