package jp.kosodatehub.security;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import jp.kosodatehub.base.OffsetPage;
import jp.kosodatehub.base.validation.Problems;
import jp.kosodatehub.base.validation.TextRules;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.organisations.OrganisationService;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class AccountService {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{2,59}");

    private final AccountRepository accounts;
    private final OrganisationService organisations;
    private final PasswordEncoder encoder;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final LoginProperties login;

    AccountService(AccountRepository accounts, OrganisationService organisations, PasswordEncoder encoder,
                   CurrentUser currentUser, Clock clock, LoginProperties login) {
        this.login = login;
        this.accounts = accounts;
        this.organisations = organisations;
        this.encoder = encoder;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** What a coordinator fills in to open an account. */
    public record NewAccount(String username, String displayName, AccountRole role, Long organisationId,
                             String password) {
    }

    @Transactional(readOnly = true)
    @RolesAllowed(Roles.COORDINATOR)
    public List<Account> page(int offset, int limit) {
        return accounts.findAllByOrderByUsernameAsc(OffsetPage.of(offset, limit, Sort.unsorted())).getContent();
    }

    @Transactional(readOnly = true)
    @RolesAllowed(Roles.COORDINATOR)
    public long count() {
        return accounts.count();
    }

    @Transactional
    @RolesAllowed(Roles.COORDINATOR)
    public Account create(NewAccount request) {
        return createAccount(request);
    }

    @Transactional
    @RolesAllowed(Roles.COORDINATOR)
    public Account setEnabled(Long accountId, long expectedVersion, boolean enabled) {
        Account account = load(accountId, expectedVersion);
        if (!enabled && account.getId().equals(currentUser.require().accountId())) {
            new Problems().add("enabled", "account.cannot-disable-self").throwIfAny();
        }
        account.setEnabled(enabled);
        return account;
    }

    @Transactional
    @RolesAllowed(Roles.COORDINATOR)
    public Account resetPassword(Long accountId, long expectedVersion, String newPassword) {
        checkPassword("password", newPassword);
        Account account = load(accountId, expectedVersion);
        account.setPasswordHash(encoder.encode(newPassword));
        return account;
    }

    @Transactional
    @PermitAll
    public void changeOwnPassword(String currentPassword, String newPassword) {
        AppUser me = currentUser.require();
        Account account = accounts.findById(me.accountId())
                .orElseThrow(() -> new AccessDeniedException("Account no longer exists"));
        if (currentPassword == null || !encoder.matches(currentPassword, account.getPasswordHash())) {
            new Problems().add("currentPassword", "password.current-wrong").throwIfAny();
        }
        checkPassword("newPassword", newPassword);
        if (newPassword.equals(currentPassword)) {
            new Problems().add("newPassword", "password.same-as-current").throwIfAny();
        }
        account.setPasswordHash(encoder.encode(newPassword));
    }

    /** Lifts a lock after repeated failed logins, e.g. when the person called the office. */
    @Transactional
    @RolesAllowed(Roles.COORDINATOR)
    public Account unlock(Long accountId, long expectedVersion) {
        Account account = load(accountId, expectedVersion);
        account.clearFailedLogins();
        return account;
    }

    /**
     * Whether the account is locked after repeated failed logins now. Reads only the given account and the
     * clock, so no transaction: the accounts grid asks this for every row it shows.
     */
    public boolean isLocked(Account account) {
        return account.isLockedAt(clock.instant());
    }

    @Transactional
    public void recordLogin(String username) {
        accounts.recordLogin(username, clock.instant());
    }

    /**
     * Counts a failed login (a wrong password) for the account of that name, if there is one.
     *
     * @return when the account is now locked until, or {@code null} if this failure did not lock it
     */
    @Transactional
    public Instant recordFailedLogin(String username) {
        if (username == null || username.isBlank()) {
            return null;
        }
        String name = username.strip();
        Instant now = clock.instant();
        if (accounts.recordFailure(name, now, now.minus(login.lockout())) == 0) {
            return null;
        }
        Instant until = now.plus(login.lockout());
        return accounts.lockIfTooMany(name, login.maxFailures(), until) > 0 ? until : null;
    }

    /** Creates the first coordinator on an empty database; does nothing when any account exists. */
    @Transactional
    boolean createFirstCoordinator(String username, String displayName, String password) {
        if (accounts.count() > 0) {
            return false;
        }
        createAccount(new NewAccount(username, displayName, AccountRole.COORDINATOR, null, password));
        return true;
    }

    private Account createAccount(NewAccount request) {
        String username = TextRules.normalise(request.username());
        String displayName = TextRules.normalise(request.displayName());
        Problems problems = new Problems()
                .text("displayName", displayName, true, Account.DISPLAY_NAME_MAX, false)
                .require(request.role() != null, "role", "validation.required");
        if (username == null) {
            problems.add("username", "validation.required");
        } else if (!USERNAME.matcher(username).matches()) {
            problems.add("username", "account.username-format");
        } else if (accounts.existsByUsernameIgnoreCase(username)) {
            problems.add("username", "account.username-taken");
        }
        Organisation organisation = null;
        if (request.role() == AccountRole.MEMBER) {
            organisation = organisations.find(request.organisationId()).orElse(null);
            problems.require(organisation != null, "organisation", "account.organisation-required");
        }
        String passwordProblem = PasswordPolicy.check(request.password());
        if (passwordProblem != null) {
            problems.add("password", passwordProblem);
        }
        problems.throwIfAny();
        return accounts.save(new Account(username, displayName, encoder.encode(request.password()), request.role(),
                organisation, clock.instant()));
    }

    private Account load(Long accountId, long expectedVersion) {
        Account account = accounts.findById(accountId)
                .orElseThrow(() -> new OptimisticLockingFailureException("Account no longer exists"));
        if (account.getVersion() != expectedVersion) {
            throw new OptimisticLockingFailureException("Account was changed by someone else");
        }
        return account;
    }

    private static void checkPassword(String field, String password) {
        String problem = PasswordPolicy.check(password);
        if (problem != null) {
            new Problems().add(field, problem).throwIfAny();
        }
    }
}
