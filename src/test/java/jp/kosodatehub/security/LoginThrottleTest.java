package jp.kosodatehub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** The per-address allowance of failed logins, without a server: counted per address, bounded in memory. */
class LoginThrottleTest {

    @Test
    void addressIsThrottledAfterItsAllowanceOfFailuresWhileOthersAreNot() {
        LoginProtection protection = new LoginProtection(mock(AccountService.class), 3, 100);

        for (int i = 0; i < 3; i++) {
            assertThat(protection.isThrottled("203.0.113.7")).isFalse();
            protection.onFailure(failureFrom("203.0.113.7"));
        }

        assertThat(protection.isThrottled("203.0.113.7")).isTrue();
        assertThat(protection.isThrottled("203.0.113.8")).isFalse();
    }

    @Test
    void rememberedAddressesAreBounded() {
        LoginProtection protection = new LoginProtection(mock(AccountService.class), 3, 50);

        for (int i = 0; i < 500; i++) {
            protection.onFailure(failureFrom("198.51.100." + (i % 250) + "." + i));
        }

        assertThat(protection.addressesRemembered()).isEqualTo(50);
    }

    @Test
    void controlCharactersFromForwardedHeadersDoNotReachTheLog() {
        assertThat(LoginProtection.clean("1.2.3.4\nFAKE log line")).doesNotContain("\n");
    }

    private static AuthenticationFailureLockedEvent failureFrom(String address) {
        UsernamePasswordAuthenticationToken attempt =
                UsernamePasswordAuthenticationToken.unauthenticated("someone", "whatever-was-typed");
        attempt.setDetails(new WebAuthenticationDetails(address, null));
        return new AuthenticationFailureLockedEvent(attempt, new LockedException("locked"));
    }
}
