package jp.kosodatehub.security;

import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Stops password guessing. Per account: a run of wrong passwords locks the account for a while (kept in the
 * database, see {@link AccountService#recordFailedLogin}); Spring Security then refuses it before comparing the
 * password. Per network address: too many failed logins and {@link LoginThrottleFilter} refuses further attempts
 * from there for a while, whichever accounts they try. The address buckets live in memory, bounded: a restart
 * only lets an address start afresh.
 */
@Component
public class LoginProtection {

    /** Addresses remembered at most; the least recently seen is forgotten first. */
    static final int MAX_ADDRESSES = 10_000;
    private static final Duration IP_WINDOW = Duration.ofMinutes(10);
    private static final String UNKNOWN = "unknown";
    private static final Logger log = LoggerFactory.getLogger(LoginProtection.class);

    private final AccountService accounts;
    private final int ipFailures;
    private final Map<String, Bucket> buckets;

    @Autowired
    LoginProtection(AccountService accounts, LoginProperties properties) {
        this(accounts, properties.ipFailuresPer10Minutes(), MAX_ADDRESSES);
    }

    LoginProtection(AccountService accounts, int ipFailures, int maxAddresses) {
        this.accounts = accounts;
        this.ipFailures = ipFailures;
        this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxAddresses;
            }
        };
    }

    /** Whether logins from this address are refused for now, before any password is looked at. */
    public boolean isThrottled(String clientAddress) {
        return bucket(clientAddress).getAvailableTokens() < 1;
    }

    /** Every failed login counts against the address; only a wrong password counts against the account. */
    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String address = clientAddress(event);
        Bucket bucket = bucket(address);
        if (bucket.tryConsume(1) && bucket.getAvailableTokens() < 1) {
            log.warn("Login failures from {} reached the limit; further attempts are refused for {} minutes",
                    address, IP_WINDOW.toMinutes());
        }
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            // The name typed is not logged: people type their password into the user name field by mistake.
            Instant lockedUntil = accounts.recordFailedLogin(event.getAuthentication().getName());
            if (lockedUntil != null) {
                log.warn("Account {} locked until {} after repeated failed logins", accountName(event),
                        lockedUntil);
            } else {
                log.info("Failed login from {}", address);
            }
        } else {
            log.info("Refused login from {}: {}", address, event.getException().getClass().getSimpleName());
        }
    }

    int addressesRemembered() {
        synchronized (buckets) {
            return buckets.size();
        }
    }

    private Bucket bucket(String address) {
        String key = address == null || address.isBlank() ? UNKNOWN : address;
        synchronized (buckets) {
            return buckets.computeIfAbsent(key, ignored -> Bucket.builder()
                    .addLimit(limit -> limit.capacity(ipFailures).refillGreedy(ipFailures, IP_WINDOW))
                    .build());
        }
    }

    private static String clientAddress(AbstractAuthenticationFailureEvent event) {
        return event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                ? clean(details.getRemoteAddress()) : UNKNOWN;
    }

    /** Only a name that locked an account is logged, so it is an account's name, not a mistyped password. */
    private static String accountName(AbstractAuthenticationFailureEvent event) {
        return clean(event.getAuthentication().getName());
    }

    /** Addresses come from request headers behind a proxy: keep control characters out of the log. */
    static String clean(String value) {
        return value == null ? UNKNOWN : value.replaceAll("[\\p{Cntrl}]", "?");
    }
}
