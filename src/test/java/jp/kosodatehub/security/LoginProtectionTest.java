package jp.kosodatehub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

/**
 * Password guessing is stopped per (account name, network address) and per network address, over real HTTP as a
 * browser logs in. Each
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
    LoginProperties settings;

    /**
     * This server's context may have been started by an earlier class while another context (Karibu's) installed
     * its strategy since: SystemAccess.runAs in the fixtures must write where this context's services look.
     */
    @BeforeEach
    void useThisContextsSecurityStrategy() {
        SecurityContextHolder.setContextHolderStrategy(securityStrategy);
    }

    @Test
    void fiveWrongPasswordsLockThatNameFromThatAddressWhileTheOfficeStillLogsIn() throws Exception {
        String username = fixtures.member(fixtures.organisation("lockout", false));
        HttpBrowser stranger = fromNewAddress();

        for (int i = 1; i < settings.maxFailures(); i++) {
            assertThat(stranger.login(username, WRONG)).isEqualTo("/login?error");
        }
        assertThat(fixtures.account(username).getLockedUntil()).as("not locked before the limit").isNull();
        assertThat(stranger.login(username, WRONG)).isEqualTo("/login?error");

        assertThat(stranger.login(username, TestFixtures.PASSWORD)).isEqualTo("/login?locked");
        assertThat(stranger.login(username, WRONG)).as("the same answer, whether the password was right or not")
                .isEqualTo("/login?locked");
        assertThat(stranger.login(username.toUpperCase(Locale.ROOT), TestFixtures.PASSWORD))
                .as("the name's case does not matter").isEqualTo("/login?locked");
        assertThat(fixtures.account(username).getLastLoginAt()).isNull();
        assertThat(fixtures.account(username).getLockedUntil()).as("shown to the office")
                .isAfter(Instant.now().plus(settings.lockout()).minusSeconds(60));
        assertThat(fromNewAddress().login(username, TestFixtures.PASSWORD)).as("the office's address still logs in")
                .doesNotContain("error", "locked");
        assertThat(fixtures.account(username).getLastLoginAt()).isNotNull();
    }

    @Test
    void unknownNamesAndDisabledAccountsAnswerExactlyLikeAnAccountWithAWrongPassword() throws Exception {
        var organisation = fixtures.organisation("enumeration", false);
        String known = fixtures.member(organisation);
        String disabled = fixtures.member(organisation);
        Account account = fixtures.account(disabled);
        fixtures.as(fixtures.coordinator(), () -> accounts.setEnabled(account.getId(), account.getVersion(), false));
        String unknown = TestFixtures.unique("nobody");

        List<String> knownAnswers = answers(fromNewAddress(), known, WRONG);
        List<String> disabledAnswers = answers(fromNewAddress(), disabled, WRONG);
        List<String> unknownAnswers = answers(fromNewAddress(), unknown, WRONG);

        assertThat(knownAnswers).startsWith("/login?error").endsWith("/login?locked", "/login?locked");
        assertThat(unknownAnswers).isEqualTo(knownAnswers);
        assertThat(disabledAnswers).isEqualTo(knownAnswers);
        assertThat(fromNewAddress().login(unknown, WRONG)).as("an unknown name is locked from that address only")
                .isEqualTo("/login?error");
    }

    @Test
    void failuresOfOneNameFromOneAddressAtTheSameMomentAreAllCounted() throws Exception {
        String username = fixtures.member(fixtures.organisation("lockout", false));
        String address = fromNewAddress().address();
        ExecutorService pool = Executors.newFixedThreadPool(settings.maxFailures());
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < settings.maxFailures(); i++) {
                answers.add(pool.submit(() -> fromAddress(address).login(username, WRONG)));
            }
            for (Future<String> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS)).as("no server error").isEqualTo("/login?error");
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(fromAddress(address).login(username, TestFixtures.PASSWORD)).isEqualTo("/login?locked");
    }

    @Test
    void successfulLoginStartsTheCountAfreshForThatAddress() throws Exception {
        String username = fixtures.member(fixtures.organisation("lockout", false));
        HttpBrowser browser = fromNewAddress();
        for (int i = 1; i < settings.maxFailures(); i++) {
            browser.login(username, WRONG);
        }

        assertThat(browser.login(username, TestFixtures.PASSWORD)).doesNotContain("error", "locked");

        HttpBrowser again = fromAddress(browser.address());
        for (int i = 1; i < settings.maxFailures(); i++) {
            assertThat(again.login(username, WRONG)).isEqualTo("/login?error");
        }
        assertThat(again.login(username, TestFixtures.PASSWORD)).doesNotContain("error", "locked");
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
    void coordinatorUnlocksALockedAccountAndItLogsInAgainFromTheLockedAddress() throws Exception {
        String username = fixtures.member(fixtures.organisation("unlock", false));
        HttpBrowser browser = fromNewAddress();
        lock(username, browser.address());
        assertThat(browser.login(username, TestFixtures.PASSWORD)).isEqualTo("/login?locked");
        Account locked = fixtures.account(username);

        fixtures.as(fixtures.coordinator(), () -> accounts.unlock(locked.getId(), locked.getVersion()));

        assertThat(fixtures.account(username).getLockedUntil()).isNull();
        assertThat(browser.login(username, TestFixtures.PASSWORD)).doesNotContain("error", "locked");
    }

    @Test
    void memberCannotUnlockAnAccount() {
        var organisation = fixtures.organisation("unlock", false);
        String username = fixtures.member(organisation);
        String colleague = fixtures.member(organisation);
        lock(username, "203.0.113.9");
        Account locked = fixtures.account(username);

        assertThatThrownBy(() -> fixtures.as(colleague, () -> accounts.unlock(locked.getId(), locked.getVersion())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(fixtures.account(username).getLockedUntil()).isNotNull();
        assertThat(accounts.isLoginLocked(username, "203.0.113.9")).isTrue();
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

    private void lock(String username, String address) {
        for (int i = 0; i < settings.maxFailures(); i++) {
            accounts.recordFailedLogin(username, address);
        }
        assertThat(fixtures.account(username).getLockedUntil()).isNotNull();
    }

    /** What the login answers to a run of attempts: up to the lock and two more. */
    private List<String> answers(HttpBrowser browser, String username, String password) throws Exception {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < settings.maxFailures() + 2; i++) {
            answers.add(browser.login(username, password));
        }
        return answers;
    }

    private HttpBrowser fromNewAddress() {
        int n = ADDRESS.incrementAndGet();
        return fromAddress("198.51." + (n / 250 % 250) + "." + (n % 250 + 1));
    }

    private HttpBrowser fromAddress(String address) {
        return new HttpBrowser(port, address);
    }
}
