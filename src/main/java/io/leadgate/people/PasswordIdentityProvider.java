package io.leadgate.people;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Console sign-in (the form at {@code /j_security_check}): username and password checked by {@link SignIn}. */
@ApplicationScoped
public class PasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final SignIn signIn;

    PasswordIdentityProvider(SignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            SignIn.Attempt attempt = signIn.attempt(request.getUsername(), request.getPassword().getPassword());
            if (attempt.outcome() != SignIn.Outcome.SIGNED_IN) {
                throw new AuthenticationFailedException(attempt.outcome().name());
            }
            return identity(attempt.user());
        });
    }

    static SecurityIdentity identity(User u) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(u.username))
                .addRoles(u.role.grants())
                .addAttribute(ConsoleUser.DISPLAY_NAME, u.shownName())
                .build();
    }
}
