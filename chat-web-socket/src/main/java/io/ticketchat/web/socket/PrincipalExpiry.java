package io.ticketchat.web.socket;

import java.security.Principal;
import java.time.Instant;
import java.util.Optional;

/**
 * When the credential behind a socket stops being valid. A socket outlives the handshake that
 * authenticated it, so the adapter asks this on every frame and on every heartbeat and closes the
 * socket with 1008 once the moment has passed. The JWT adapter answers with the token's {@code exp}.
 */
@FunctionalInterface
public interface PrincipalExpiry {

    PrincipalExpiry NEVER = principal -> Optional.empty();

    Optional<Instant> expiresAt(Principal principal);
}
