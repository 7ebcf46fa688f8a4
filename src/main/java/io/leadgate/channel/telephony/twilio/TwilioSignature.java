package io.leadgate.channel.telephony.twilio;

import io.leadgate.channel.HookRequest;
import io.leadgate.channel.Secrets;
import io.leadgate.channel.Verification;
import io.leadgate.channel.telephony.CallEventAdapter;
import io.leadgate.channel.telephony.FormParams;
import io.leadgate.inquiry.UrlQuery;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks {@code X-Twilio-Signature}: base64 HMAC-SHA1 with the account's auth token over the full URL Twilio
 * requested (as configured there, query included) followed by every POST parameter's name and value, sorted by
 * name. A JSON body is signed through the URL instead: Twilio adds {@code bodySHA256=<hex sha256 of the body>}
 * to the query and signs the URL alone. Like Twilio's own validators, the URL is tried as given, without its port
 * and with the scheme's default port (443/80) added, because proxies add or drop it.
 *
 * <p>The URL is the channel's {@code public-url} when set (with the request's query appended when the setting has
 * none, since Twilio signs what it actually requested), else the URL the gateway saw.
 */
public final class TwilioSignature {

    public static final String HEADER = "X-Twilio-Signature";

    private TwilioSignature() {
    }

    public static Verification verify(HookRequest request, String authToken, Optional<String> publicUrl) {
        Optional<String> sent = request.headers().first(HEADER).filter(s -> !s.isBlank());
        if (sent.isEmpty()) {
            return Verification.MISSING;
        }
        List<String> bodyHash = UrlQuery.parse(request.query()).get("bodySHA256");
        String signedParams = "";
        if (bodyHash != null && !bodyHash.isEmpty()) {
            String actual = Secrets.hex(Secrets.sha256(request.body()));
            if (!Secrets.constantTimeEquals(actual, bodyHash.get(0).toLowerCase(Locale.ROOT))) {
                return Verification.BAD_SIGNATURE;
            }
        } else if (CallEventAdapter.FORM.equals(request.mediaType())) {
            signedParams = sortedParams(FormParams.of(request).values());
        }
        for (String url : candidateUrls(request, publicUrl)) {
            if (Secrets.constantTimeEquals(sign(authToken, url + signedParams), sent.get().strip())) {
                return Verification.VALID;
            }
        }
        return Verification.BAD_SIGNATURE;
    }

    /** The signature Twilio computes over {@code data}. */
    public static String sign(String authToken, String data) {
        byte[] mac = Secrets.hmac("HmacSHA1", authToken.getBytes(StandardCharsets.UTF_8),
                data.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(mac);
    }

    /** Every parameter as name + value, names sorted; a repeated name contributes each value, sorted. */
    static String sortedParams(Map<String, List<String>> params) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(params).forEach((name, values) -> values.stream().sorted()
                .forEach(v -> out.append(name).append(v)));
        return out.toString();
    }

    static Set<String> candidateUrls(HookRequest request, Optional<String> publicUrl) {
        List<String> bases = new ArrayList<>();
        if (publicUrl.isPresent()) {
            String configured = publicUrl.get().strip();
            bases.add(configured);
            if (request.query() != null && !request.query().isEmpty()) {
                int q = configured.indexOf('?');
                bases.add((q < 0 ? configured : configured.substring(0, q)) + "?" + request.query());
            }
        } else if (request.requestUrl() != null) {
            bases.add(request.requestUrl());
        }
        Set<String> out = new LinkedHashSet<>();
        for (String base : bases) {
            out.add(base);
            out.addAll(portVariants(base));
        }
        return out;
    }

    /** The URL without its port and with the port (its own, or the scheme's default) written out. */
    static List<String> portVariants(String url) {
        int schemeEnd = url.indexOf("://");
        if (schemeEnd < 0) {
            return List.of();
        }
        String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        int hostStart = schemeEnd + 3;
        int authorityEnd = hostStart;
        while (authorityEnd < url.length() && "/?#".indexOf(url.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        String authority = url.substring(hostStart, authorityEnd);
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? "" : authority.substring(0, at + 1);
        String hostPort = authority.substring(at + 1);
        int colon = hostPort.lastIndexOf(':');
        boolean hasPort = colon > hostPort.lastIndexOf(']');
        String host = hasPort ? hostPort.substring(0, colon) : hostPort;
        String port = hasPort ? hostPort.substring(colon + 1) : scheme.equals("https") ? "443"
                : scheme.equals("http") ? "80" : null;
        String head = url.substring(0, hostStart) + userInfo + host;
        String tail = url.substring(authorityEnd);
        List<String> variants = new ArrayList<>();
        variants.add(head + tail);
        if (port != null && !port.isEmpty()) {
            variants.add(head + ":" + port + tail);
        }
        return variants;
    }
}
