package jp.kosodatehub.security;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.kosodatehub.base.OffsetPage;
import jp.kosodatehub.base.validation.Problems;
import jp.kosodatehub.base.validation.TextRules;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.organisations.OrganisationService;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.scheduling.annotation.Scheduled;
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
    private final LoginLockRepository loginLocks;

    AccountService(AccountRepository accounts, OrganisationService organisations, PasswordEncoder encoder,
                   CurrentUser currentUser, Clock clock, LoginProperties login, LoginLockRepository loginLocks) {
        this.login = login;
        this.loginLocks = loginLocks;
        this.accounts = accounts;
        this.organisations = organisations;
        this.encoder = encoder;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** At most this many of an organisation's members are mailed when the submitter cannot be. */
    static final int ORGANISATION_RECIPIENTS_MAX = 20;

    /** What a coordinator fills in to open an account; the notification address is optional. */
    public record NewAccount(String username, String displayName, AccountRole role, Long organisationId,
                             String password, String email) {

        public NewAccount(String username, String displayName, AccountRole role, Long organisationId,
                          String password) {
            this(username, displayName, role, organisationId, password, null);
        }
    }

    /** Someone to notify: the account (for the log, which never names addresses) and its address. */
    public record Recipient(Long accountId, String email) {
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

    /** Sets or (with a blank value) removes an account's notification address. */
    @Transactional
    @RolesAllowed(Roles.COORDINATOR)
    public Account setEmail(Long accountId, long expectedVersion, String email) {
        String address = checkedEmail(email);
        Account account = load(accountId, expectedVersion);
        account.setEmail(address);
        return account;
    }

    /** The caller's own notification address, or {@code null}. */
    @Transactional(readOnly = true)
    @PermitAll
    public String ownEmail() {
        return own().getEmail();
    }

    /** Everyone may choose where their own notifications go, or stop them with a blank value. */
    @Transactional
    @PermitAll
    public void changeOwnEmail(String email) {
        String address = checkedEmail(email);
        own().setEmail(address);
    }

    /**
     * Whom to tell about a submission: the member who submitted it if they can be mailed, else the enabled members
     * of its organisation who gave an address. A submission entered by the office on an organisation's behalf goes
     * to the organisation. For the notifier, which runs after the moderation action, with no one logged in.
     */
    @Transactional(readOnly = true)
    public List<Recipient> notificationRecipients(Long submitterAccountId, Long organisationId) {
        // Addresses are personal data: a member's session, which never needs them, is refused outright.
        if (currentUser.get().filter(user -> !user.isCoordinator()).isPresent()) {
            throw new AccessDeniedException("Notification recipients are for the notifier only");
        }
        if (submitterAccountId != null) {
            Optional<Account> submitter = accounts.findById(submitterAccountId)
                    .filter(a -> a.isEnabled() && a.getEmail() != null && a.getRole() == AccountRole.MEMBER
                            && a.getOrganisation() != null && a.getOrganisation().getId().equals(organisationId));
            if (submitter.isPresent()) {
                return List.of(new Recipient(submitter.get().getId(), submitter.get().getEmail()));
            }
        }
        if (organisationId == null) {
            return List.of();
        }
        return accounts.mailableMembers(organisationId, AccountRole.MEMBER,
                        OffsetPage.of(0, ORGANISATION_RECIPIENTS_MAX, Sort.unsorted())).stream()
                .map(a -> new Recipient(a.getId(), a.getEmail()))
                .toList();
    }

    @Transactional
    @PermitAll
    public void changeOwnPassword(String currentPassword, String newPassword) {
        Account account = own();
        if (currentPassword == null || !encoder.matches(currentPassword, account.getPasswordHash())) {
            new Problems().add("currentPassword", "password.current-wrong").throwIfAny();
        }
        checkPassword("newPassword", newPassword);
        if (newPassword.equals(currentPassword)) {
            new Problems().add("newPassword", "password.same-as-current").throwIfAny();
        }
        account.setPasswordHash(encoder.encode(newPassword));
    }

    /** Lifts every lock of the account's logins, from whichever address, e.g. when the person called the office. */
    @Transactional
    @RolesAllowed(Roles.COORDINATOR)
    public Account unlock(Long accountId, long expectedVersion) {
        Account account = load(accountId, expectedVersion);
        account.clearLock();
        loginLocks.deleteName(LoginLock.key(account.getUsername()));
        return account;
    }

    /**
     * Whether logins to the account are locked from some address now. Reads only the given account and the
     * clock, so no transaction: the accounts grid asks this for every row it shows.
     */
    public boolean isLocked(Account account) {
        return account.isLockedAt(clock.instant());
    }

    /** A successful login also forgets the failures of that name from that address. */
    @Transactional
    public void recordLogin(String username, String address) {
        accounts.recordLogin(username, clock.instant());
        loginLocks.deletePair(LoginLock.key(username), LoginLock.addressKey(address));
    }

    /**
     * Whether logins with this name from this address are refused for now, before any password is looked at.
     * Names without an account are answered exactly like real ones.
     */
    @Transactional(readOnly = true)
    public boolean isLoginLocked(String username, String address) {
        return loginLocks.findByUsernameKeyAndAddress(LoginLock.key(username), LoginLock.addressKey(address))
                .map(pair -> pair.isLockedAt(clock.instant())).orElse(false);
    }

    /**
     * Counts a failed login of that name from that address, whether or not an account has the name.
     *
     * @return when logins of that name from that address are now locked until, or {@code null} if this failure
     *         did not lock them
     */
    @Transactional
    public Instant recordFailedLogin(String username, String address) {
        String name = LoginLock.key(username);
        String from = LoginLock.addressKey(address);
        Instant now = clock.instant();
        LoginLock pair = loginLocks.findByUsernameKeyAndAddress(name, from)
                .orElseGet(() -> loginLocks.save(new LoginLock(name, from, now)));
        Instant until = pair.recordFailure(now, login.maxFailures(), login.lockout());
        if (until != null) {
            accounts.markLocked(name, until);
        }
        return until;
    }

    /** Forgets pairs without a failure for a day and without a running lock. */
    @Transactional
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void forgetOldLoginFailures() {
        Instant now = clock.instant();
        loginLocks.deleteStale(now.minus(LoginLock.FORGOTTEN_AFTER), now);
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
        String email = EmailAddress.normalise(request.email());
        String emailProblem = EmailAddress.check(email);
        if (emailProblem != null) {
            problems.add("email", emailProblem);
        }
        String passwordProblem = PasswordPolicy.check(request.password());
        if (passwordProblem != null) {
            problems.add("password", passwordProblem);
        }
        problems.throwIfAny();
        Account account = new Account(username, displayName, encoder.encode(request.password()), request.role(),
                organisation, clock.instant());
        account.setEmail(email);
        return accounts.save(account);
    }

    private Account own() {
        AppUser me = currentUser.require();
        return accounts.findById(me.accountId() == null ? -1 : me.accountId())
                .orElseThrow(() -> new AccessDeniedException("Account no longer exists"));
    }

    private static String checkedEmail(String email) {
        String address = EmailAddress.normalise(email);
        String problem = EmailAddress.check(address);
        if (problem != null) {
            new Problems().add("email", problem).throwIfAny();
        }
        return address;
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
