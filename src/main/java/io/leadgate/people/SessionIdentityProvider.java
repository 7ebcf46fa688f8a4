package io.leadgate.people;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A signed-in session (the encrypted form cookie names the user): the user is read again on every request, so a
 * deactivated user is out at once and a changed role applies on the next page. A session of a user who is no longer
 * active keeps its name but holds no role, so every console page answers 403 (a failure here would send even the
 * sign-in page back to itself).
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final SignIn signIn;

    SessionIdentityProvider(SignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> signIn.active(request.getPrincipal())
                .map(PasswordIdentityProvider::identity)
                .orElseGet(() -> QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(request.getPrincipal())).build()));
    }
}
