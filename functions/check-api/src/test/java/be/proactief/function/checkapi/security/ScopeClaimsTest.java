package be.proactief.function.checkapi.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How the filter reads the caller and its scopes from the claims API Gateway's JWT authorizer passes on. */
class ScopeClaimsTest {

    @Test
    void theAuthorizersScopeListCounts() {
        Caller caller = ScopeFilter.caller(Map.of("client_id", "uitpas-desk"), List.of("entitlements/check"));

        assertThat(caller.id()).isEqualTo("uitpas-desk");
        assertThat(caller.scopes()).containsExactly("entitlements/check");
    }

    @Test
    void aScopeClaimIsSplitOnSpaces() {
        Caller caller = ScopeFilter.caller(Map.of("sub", "caseworker-7", "scope", " entitlements/check  entitlements/override "), null);

        assertThat(caller.id()).isEqualTo("caseworker-7");
        assertThat(caller.scopes()).containsExactlyInAnyOrder("entitlements/check", "entitlements/override");
    }

    @Test
    void aListClaimThatApiGatewayPassedOnAsTextIsSplitToo() {
        Caller caller = ScopeFilter.caller(Map.of("sub", "s", "scope", "[entitlements/check, entitlements/override]"), null);

        assertThat(caller.scopes()).containsExactlyInAnyOrder("entitlements/check", "entitlements/override");
    }

    @Test
    void anScpListClaimCounts() {
        Caller caller = ScopeFilter.caller(Map.of("scp", List.of("entitlements/override")), null);

        assertThat(caller.id()).isEqualTo("unknown");
        assertThat(caller.has("entitlements/override")).isTrue();
        assertThat(caller.has("entitlements/check")).isFalse();
    }

    @Test
    void onlyAsciiWhiteSpaceSeparatesScopesAsBefore() {
        Caller caller = ScopeFilter.caller(Map.of("sub", "s", "scope", "x\u2003entitlements/override"), null);

        assertThat(caller.has("entitlements/override")).isFalse();
        assertThat(caller.scopes()).containsExactly("x\u2003entitlements/override");
    }

    @Test
    void theCallersScopesCannotBeChangedAfterwards() {
        Caller caller = ScopeFilter.caller(Map.of("sub", "s", "scope", "entitlements/check"), null);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> caller.scopes().add("entitlements/override"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void noScopeAnywhereGrantsNothing() {
        assertThat(ScopeFilter.caller(Map.of("sub", "s", "scope", "  "), null).scopes()).isEmpty();
    }

    @Test
    void a_subject_that_is_a_national_number_is_kept_masked() {
        Caller caller = ScopeFilter.caller(Map.of("sub", "85073003328", "scope", "entitlements/override"), null);
        assertThat(caller.id()).isEqualTo("85.07.30-***.**");
    }
}
