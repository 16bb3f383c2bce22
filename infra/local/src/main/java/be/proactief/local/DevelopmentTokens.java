package be.proactief.local;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JWTs signed with a local development key (HS256), for the local run and tests only. On AWS,
 * API Gateway's JWT authorizer validates the city's real tokens and passes their claims to the
 * function; locally, this plays the authorizer's part.
 */
public final class DevelopmentTokens {

    public static final String ISSUER = "proactief-local";
    public static final String AUDIENCE = "proactief-api";
    public static final String SCOPE_CHECK = be.proactief.function.checkapi.security.Scopes.CHECK;
    public static final String SCOPE_OVERRIDE = be.proactief.function.checkapi.security.Scopes.OVERRIDE;

    private final byte[] key;
    private final Clock clock;

    public DevelopmentTokens(String key, Clock clock) {
        this.key = key.getBytes(StandardCharsets.UTF_8);
        if (this.key.length < 32) throw new IllegalArgumentException("the development token key needs at least 32 bytes");
        this.clock = clock;
    }

    /** A token of an application acting for itself (a portal, a billing system): {@code sub} and {@code client_id} the same. */
    public String issue(String subject, List<String> scopes, Duration lifetime) {
        return issue(subject, subject, scopes, lifetime);
    }

    /** A token of a person ({@code sub}) signed in through an application ({@code client_id}), as the console's sign-in gives. */
    public String issue(String subject, String clientId, List<String> scopes, Duration lifetime) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .claim("client_id", clientId)
                .claim("scope", String.join(" ", scopes))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a development token", e);
        }
    }

    /** The claims of a valid token (signature, issuer, audience, expiry), else empty. */
    public Optional<Map<String, Object>> verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(key))) return Optional.empty();
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date exp = claims.getExpirationTime();
            if (exp == null || !exp.toInstant().isAfter(clock.instant())) return Optional.empty();
            if (!ISSUER.equals(claims.getIssuer()) || claims.getAudience() == null || !claims.getAudience().contains(AUDIENCE)) return Optional.empty();
            return Optional.of(claims.toJSONObject());
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }
}
