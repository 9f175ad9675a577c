package jp.kosodatehub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import jp.kosodatehub.RestoreSecurityContextStrategy;
import jp.kosodatehub.TestFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Password guessing is stopped per account and per network address, over real HTTP as a browser logs in. Each
 * test logs in through the proxy from its own made-up address, so no test drains another's address allowance.
 */
@ExtendWith({RestoreSecurityContextStrategy.class, OutputCaptureExtension.class})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginProtectionTest {

    private static final String WRONG = "not-the-password-42";
    private static final AtomicInteger ADDRESS = new AtomicInteger(ThreadLocalRandom.current().nextInt(1, 200));

    @LocalServerPort
    int port;

    @Autowired
    SecurityContextHolderStrategy securityStrategy;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    AccountService accounts;

    @Autowired
    AccountRepository repository;

    @Autowired
    LoginProperties settings;

    @Autowired
    PlatformTransactionManager transactions;

    /**
     * This server's context may have been started by an earlier class while another context (Karibu's) installed
     * its strategy since: SystemAccess.runAs in the fixtures must write where this context's services look.
     */
    @BeforeEach
    void useThisContextsSecurityStrategy() {
        SecurityContextHolder.setContextHolderStrategy(securityStrategy);
    }

    @Test
    void fiveWrongPasswordsLockTheAccountAndThenEvenTheRightPasswordIsRefusedAsLocked() throws Exception {
        String username = fixtures.member(fixtures.organisation("lockout", false));
        HttpBrowser browser = fromNewAddress();

        for (int i = 1; i < settings.maxFailures(); i++) {
            assertThat(browser.login(username, WRONG)).isEqualTo("/login?error");
        }
        assertThat(fixtures.account(username).getLockedUntil()).as("not locked before the limit").isNull();
        assertThat(browser.login(username, WRONG)).isEqualTo("/login?error");

        Account locked = fixtures.account(username);
        assertThat(locked.getLockedUntil()).isAfter(Instant.now().plus(settings.lockout()).minusSeconds(60));
        assertThat(browser.login(username, TestFixtures.PASSWORD)).isEqualTo("/login?locked");
        assertThat(browser.login(username, WRONG)).as("the same answer, whether the password was right or not")
                .isEqualTo("/login?locked");
        assertThat(fixtures.account(username).getLastLoginAt()).isNull();
        assertThat(fromNewAddress().login(username, TestFixtures.PASSWORD)).as("locked from everywhere")
                .isEqualTo("/login?locked");
    }

    @Test
    void successfulLoginStartsTheCountAfresh() throws Exception {
        String username = fixtures.member(fixtures.organisation("lockout", false));
        HttpBrowser browser = fromNewAddress();
        for (int i = 1; i < settings.maxFailures(); i++) {
            browser.login(username, WRONG);
        }
        assertThat(fixtures.account(username).getFailedLogins()).isEqualTo(settings.maxFailures() - 1);

        assertThat(fromNewAddress().login(username, TestFixtures.PASSWORD)).doesNotContain("error", "locked");

        assertThat(fixtures.account(username).getFailedLogins()).isZero();
        assertThat(browser.login(username, WRONG)).isEqualTo("/login?error");
        assertThat(fromNewAddress().login(username, TestFixtures.PASSWORD)).doesNotContain("error", "locked");
    }

    @Test
    void addressWithTooManyFailuresIsRefusedWhileAnotherAddressStillLogsIn() throws Exception {
        String username = fixtures.member(fixtures.organisation("throttle", false));
        HttpBrowser guesser = fromNewAddress();
        for (int i = 0; i < settings.ipFailuresPer10Minutes(); i++) {
            // Unknown names: no account gets locked, only the address runs out of attempts.
            assertThat(guesser.login(TestFixtures.unique("guess"), WRONG)).isEqualTo("/login?error");
        }

        assertThat(guesser.login(username, TestFixtures.PASSWORD)).isEqualTo("/login?throttled");
        assertThat(fixtures.account(username).getLastLoginAt()).as("refused before the password was checked")
                .isNull();
        assertThat(fromNewAddress().login(username, TestFixtures.PASSWORD)).doesNotContain("error", "throttled");
        assertThat(fixtures.account(username).getLastLoginAt()).isNotNull();
    }

    @Test
    void lockExpiresAfterTheLockoutPeriod() {
        Account account = new Account("expiry", "Expiry", "{noop}x", AccountRole.MEMBER, null, Instant.now());
        Instant until = Instant.parse("2026-05-01T10:15:00Z");
        account.setLockedUntil(until);

        assertThat(AccountUserDetailsService.toUser(account, until.minusSeconds(1)).isAccountNonLocked()).isFalse();
        assertThat(AccountUserDetailsService.toUser(account, until).isAccountNonLocked()).isTrue();
        assertThat(AccountUserDetailsService.toUser(account, until.plusSeconds(60)).isAccountNonLocked()).isTrue();
    }

    @Test
    void failuresFurtherApartThanTheWindowDoNotAddUp() {
        String username = fixtures.member(fixtures.organisation("window", false));
        Instant start = Instant.parse("2026-05-01T09:00:00Z");
        TransactionTemplate tx = new TransactionTemplate(transactions);
        for (int i = 0; i < settings.maxFailures() - 1; i++) {
            Instant at = start.plusSeconds(i);
            tx.executeWithoutResult(s -> repository.recordFailure(username, at, at.minus(settings.lockout())));
        }
        Instant later = start.plus(settings.lockout()).plusSeconds(60);
        tx.executeWithoutResult(s -> repository.recordFailure(username, later, later.minus(settings.lockout())));

        assertThat(fixtures.account(username).getFailedLogins()).isEqualTo(1);
        Integer locked = tx.execute(s -> repository.lockIfTooMany(username, settings.maxFailures(), later));
        assertThat(locked).isZero();
    }

    @Test
    void coordinatorUnlocksALockedAccountAndItLogsInAgain() throws Exception {
        String username = fixtures.member(fixtures.organisation("unlock", false));
        lock(username);
        assertThat(fromNewAddress().login(username, TestFixtures.PASSWORD)).isEqualTo("/login?locked");
        Account locked = fixtures.account(username);

        fixtures.as(fixtures.coordinator(), () -> accounts.unlock(locked.getId(), locked.getVersion()));

        Account unlocked = fixtures.account(username);
        assertThat(unlocked.getLockedUntil()).isNull();
        assertThat(unlocked.getFailedLogins()).isZero();
        assertThat(fromNewAddress().login(username, TestFixtures.PASSWORD)).doesNotContain("error", "locked");
    }

    @Test
    void memberCannotUnlockAnAccount() {
        var organisation = fixtures.organisation("unlock", false);
        String username = fixtures.member(organisation);
        String colleague = fixtures.member(organisation);
        lock(username);
        Account locked = fixtures.account(username);

        assertThatThrownBy(() -> fixtures.as(colleague, () -> accounts.unlock(locked.getId(), locked.getVersion())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(fixtures.account(username).getLockedUntil()).isNotNull();
    }

    @Test
    void failedLoginsAreLoggedWithoutThePasswordOrWhatWasTypedAsTheName(CapturedOutput output) throws Exception {
        String username = fixtures.member(fixtures.organisation("logs", false));
        String password = "secret-" + TestFixtures.unique("pw");
        String typedAsName = "typed-" + TestFixtures.unique("pw");
        HttpBrowser browser = fromNewAddress();

        browser.login(username, password);
        browser.login(typedAsName, password);

        assertThat(output.getAll()).contains("Failed login from").doesNotContain(password).doesNotContain(typedAsName);
    }

    private void lock(String username) {
        for (int i = 0; i < settings.maxFailures(); i++) {
            accounts.recordFailedLogin(username);
        }
        assertThat(fixtures.account(username).getLockedUntil()).isNotNull();
    }

    private HttpBrowser fromNewAddress() {
        int n = ADDRESS.incrementAndGet();
        return new HttpBrowser(port, "198.51." + (n / 250 % 250) + "." + (n % 250 + 1));
    }
}
