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
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Stops password guessing. Per account name and network address: a run of failed logins locks that name from that
 * address for a while, longer each time (kept in the database, see {@link AccountService#recordFailedLogin}), and
 * {@link LoginThrottleFilter} then refuses it before any password is compared; the same name from another address
 * (the office's) still logs in. Names without an account are counted and locked exactly alike, so a lock tells
 * nothing about which accounts exist. Per network address: too many failed logins and further attempts from there
 * are refused for a while, whichever names they try. The address buckets live in memory, bounded: a restart only
 * lets an address start afresh.
 */
@Component
public class LoginProtection {

    /** Addresses remembered at most; the least recently seen is forgotten first. */
    static final int MAX_ADDRESSES = 10_000;
    private static final Duration IP_WINDOW = Duration.ofMinutes(10);
    private static final String UNKNOWN = "unknown";
    private static final int MAX_ATTEMPTS = 5;
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

    /** Whether logins with this name from this address are refused for now, known name or not. */
    public boolean isLocked(String username, String clientAddress) {
        return accounts.isLoginLocked(username, clientAddress);
    }

    /**
     * Every failed login counts against the address, and against the name from that address: a wrong password,
     * an unknown name and a disabled account alike, so that none of them can be told from the others.
     */
    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String address = clientAddress(event);
        Bucket bucket = bucket(address);
        if (bucket.tryConsume(1) && bucket.getAvailableTokens() < 1) {
            log.warn("Login failures from {} reached the limit; further attempts are refused for {} minutes",
                    address, IP_WINDOW.toMinutes());
        }
        // The name typed is not logged: people type their password into the user name field by mistake.
        Instant lockedUntil = recordFailure(event.getAuthentication().getName(), rawAddress(event));
        if (lockedUntil != null) {
            log.warn("Logins of one name from {} locked until {} after repeated failures", address, lockedUntil);
        } else if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            log.info("Failed login from {}", address);
        } else {
            log.info("Refused login from {}: {}", address, event.getException().getClass().getSimpleName());
        }
    }

    /**
     * Counts the failure of the name from the address. Two failures of the same pair at the same moment collide
     * (the pair's version, or its first insert): the later one is counted again on top of the other.
     */
    private Instant recordFailure(String username, String address) {
        for (int attempt = 1; ; attempt++) {
            try {
                return accounts.recordFailedLogin(username, address);
            } catch (OptimisticLockingFailureException | DataIntegrityViolationException e) {
                if (attempt == MAX_ATTEMPTS) {
                    log.warn("A failed login from {} could not be counted: {}", clean(address),
                            e.getClass().getSimpleName());
                    return null;
                }
            }
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
        return clean(rawAddress(event));
    }

    private static String rawAddress(AbstractAuthenticationFailureEvent event) {
        return event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
    }

    /** Addresses come from request headers behind a proxy: keep control characters out of the log. */
    static String clean(String value) {
        return value == null ? UNKNOWN : value.replaceAll("[\\p{Cntrl}]", "?");
    }
}
