package io.leadgate.pipeline;

import io.leadgate.outbound.AddressGuard;
import io.leadgate.outbound.RefusedTargetException;

import java.net.URI;
import java.net.UnknownHostException;

/** Automation webhook targets, checked by the same SSRF guard as webhook subscriptions ({@link AddressGuard}). */
final class WebhookTargets {

    private static final AddressGuard GUARD = new AddressGuard(false, AddressGuard.SYSTEM);

    private WebhookTargets() {
    }

    /** The URL as a URI; refuses (invalid) anything but an absolute http(s) URL. */
    static URI parse(String url) {
        try {
            return AddressGuard.parse(url == null ? "" : url.strip());
        } catch (RefusedTargetException e) {
            throw PipelineException.invalid(e.getMessage());
        }
    }

    /** Refuses a host that is, or resolves to, a loopback, private, link-local or metadata address. */
    static void refuseInternal(URI uri) {
        try {
            GUARD.check(uri.toString());
        } catch (RefusedTargetException e) {
            throw PipelineException.invalid("webhook targets on internal addresses are not allowed");
        } catch (UnknownHostException e) {
            throw PipelineException.invalid("webhook host cannot be resolved");
        }
    }
}
