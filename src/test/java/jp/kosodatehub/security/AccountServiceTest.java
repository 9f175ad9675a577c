package jp.kosodatehub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.base.validation.InvalidInputException;
import jp.kosodatehub.base.validation.InvalidInputException.FieldProblem;
import jp.kosodatehub.organisations.Organisation;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

@SpringBootTest
class AccountServiceTest {

    private static final String NEW_PASSWORD = "kites-over-kanazawa";

    @Autowired
    AccountService accounts;

    @Autowired
    AccountRepository repository;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    TestFixtures fixtures;

    Organisation organisation;
    String coordinator;
    String member;

    @BeforeEach
    void setUp() {
        organisation = fixtures.organisation("accounts", false);
        coordinator = fixtures.coordinator();
        member = fixtures.member(organisation);
    }

    private AccountService.NewAccount newMember(String username, String password) {
        return new AccountService.NewAccount(username, "新しいスタッフ", AccountRole.MEMBER, organisation.getId(),
                password);
    }

    private Account stored(String username) {
        return repository.findByUsernameIgnoreCase(username).orElseThrow();
    }

    private boolean exists(String username) {
        return repository.existsByUsernameIgnoreCase(username);
    }

    private void assertRefusedWith(AccountService.NewAccount request, String field, String messageKey) {
        long before = fixtures.as(coordinator, () -> accounts.count());
        assertThatThrownBy(() -> fixtures.as(coordinator, () -> accounts.create(request)))
                .as("username %s, password %s", request.username(), request.password())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .contains(new FieldProblem(field, messageKey)));
        assertThat(fixtures.as(coordinator, () -> accounts.count())).isEqualTo(before);
    }

    // --- creating accounts -------------------------------------------------------------------------------------

    @Test
    void coordinatorCreatesMemberWhosePasswordIsStoredHashed() {
        String username = TestFixtures.unique("new-staff");

        Account created = fixtures.as(coordinator, () -> accounts.create(newMember(username, NEW_PASSWORD)));

        assertThat(created.getId()).isNotNull();
        assertThat(created.getOrganisation()).isEqualTo(organisation);
        assertThat(created.isEnabled()).isTrue();
        assertThat(created.getCreatedAt()).isNotNull();
        Account saved = stored(username);
        assertThat(saved.getPasswordHash()).isNotEqualTo(NEW_PASSWORD);
        assertThat(encoder.matches(NEW_PASSWORD, saved.getPasswordHash())).isTrue();
    }

    @Test
    void tooShortPasswordIsRefused() {
        assertRefusedWith(newMember(TestFixtures.unique("short"), "kosodate1"), "password", "password.too-short");
    }

    @Test
    void wellKnownPasswordIsRefusedWhateverItsCase() {
        assertRefusedWith(newMember(TestFixtures.unique("common"), "Password123"), "password", "password.too-common");
        assertRefusedWith(newMember(TestFixtures.unique("common"), "1234567890"), "password", "password.too-common");
    }

    @Test
    void passwordOfOnlyThreeDifferentCharactersIsRefused() {
        assertRefusedWith(newMember(TestFixtures.unique("repeat"), "abcabcabcabc"), "password",
                "password.too-common");
        assertRefusedWith(newMember(TestFixtures.unique("repeat"), "zzzzzzzzzzzz"), "password",
                "password.too-common");
    }

    @Test
    void usernameWithMarkupOrSpacesIsRefused() {
        for (String username : List.of("<b>bob</b>", "bob smith", "bob\tsmith", "ab", "たろう", "-leading-dash",
                "x".repeat(Account.USERNAME_MAX + 1))) {
            assertRefusedWith(newMember(username, NEW_PASSWORD), "username", "account.username-format");
        }
    }

    @Test
    void usernameIsTrimmedBeforeItIsChecked() {
        String username = TestFixtures.unique("trimmed");

        fixtures.as(coordinator, () -> accounts.create(newMember("  " + username + "  ", NEW_PASSWORD)));

        assertThat(stored(username).getUsername()).isEqualTo(username);
    }

    @Test
    void duplicateUsernameIsRefusedWhateverItsCase() {
        String username = TestFixtures.unique("Taro");
        fixtures.as(coordinator, () -> accounts.create(newMember(username, NEW_PASSWORD)));
        long before = fixtures.as(coordinator, () -> accounts.count());

        assertThatThrownBy(() -> fixtures.as(coordinator,
                () -> accounts.create(newMember(username.toLowerCase(), NEW_PASSWORD))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .contains(new FieldProblem("username", "account.username-taken")));
        assertThatThrownBy(() -> fixtures.as(coordinator,
                () -> accounts.create(newMember(username.toUpperCase(), NEW_PASSWORD))))
                .isInstanceOf(InvalidInputException.class);
        assertThat(fixtures.as(coordinator, () -> accounts.count())).isEqualTo(before);
    }

    @Test
    void memberWithoutOrganisationIsRefused() {
        String username = TestFixtures.unique("orphan");

        assertThatThrownBy(() -> fixtures.as(coordinator, () -> accounts.create(new AccountService.NewAccount(
                username, "所属なし", AccountRole.MEMBER, null, NEW_PASSWORD))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .contains(new FieldProblem("organisation", "account.organisation-required")));
        assertThatThrownBy(() -> fixtures.as(coordinator, () -> accounts.create(new AccountService.NewAccount(
                username, "存在しない団体", AccountRole.MEMBER, 987_654_321L, NEW_PASSWORD))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .contains(new FieldProblem("organisation", "account.organisation-required")));
        assertThat(exists(username)).isFalse();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> fixtures.as(coordinator, () -> accounts.create(new AccountService.NewAccount(
                "a b", " ", null, null, "short"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field)
                        .contains("username", "displayName", "role", "password"));
    }

    // --- who may do what ---------------------------------------------------------------------------------------

    @Test
    void memberCannotAdministerAccounts() {
        Account target = stored(member);

        assertDenied(() -> fixtures.as(member, () -> accounts.create(newMember(TestFixtures.unique("x"),
                NEW_PASSWORD))));
        assertDenied(() -> fixtures.as(member, () -> accounts.page(0, 10)));
        assertDenied(() -> fixtures.as(member, () -> accounts.count()));
        assertDenied(() -> fixtures.as(member, () -> accounts.notificationRecipients(null, null)));
        assertDenied(() -> fixtures.as(member, () -> accounts.setEnabled(target.getId(), target.getVersion(),
                false)));
        assertDenied(() -> fixtures.as(member, () -> accounts.resetPassword(target.getId(), target.getVersion(),
                NEW_PASSWORD)));

        Account after = stored(member);
        assertThat(after.isEnabled()).isTrue();
        assertThat(encoder.matches(TestFixtures.PASSWORD, after.getPasswordHash())).isTrue();
    }

    @Test
    void anonymousCallerCannotAdministerAccounts() {
        Account target = stored(member);

        assertDenied(() -> accounts.page(0, 10));
        assertDenied(() -> accounts.create(newMember(TestFixtures.unique("anon"), NEW_PASSWORD)));
        assertDenied(() -> accounts.setEnabled(target.getId(), target.getVersion(), false));
        assertDenied(() -> accounts.resetPassword(target.getId(), target.getVersion(), NEW_PASSWORD));
        assertDenied(() -> accounts.changeOwnPassword(TestFixtures.PASSWORD, NEW_PASSWORD));
        assertThat(stored(member).isEnabled()).isTrue();
    }

    private static void assertDenied(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfAny(AccessDeniedException.class,
                AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void coordinatorListsAccountsSortedByUsername() {
        // The shared test database holds more accounts than one page: the first page must come sorted, and the
        // accounts of this test are found by paging on.
        List<Account> page = fixtures.as(coordinator, () -> accounts.page(0, 100));

        assertThat(page).hasSizeGreaterThan(1).extracting(Account::getUsername)
                .isSortedAccordingTo(String::compareTo);
        assertThat(fixtures.account(coordinator).getUsername()).isEqualTo(coordinator);
        assertThat(fixtures.account(member).getUsername()).isEqualTo(member);
    }

    // --- own password ------------------------------------------------------------------------------------------

    @Test
    void changingOwnPasswordNeedsTheCurrentOne() {
        assertThatThrownBy(() -> fixtures.as(member,
                () -> accounts.changeOwnPassword("not-my-password", NEW_PASSWORD)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .containsExactly(new FieldProblem("currentPassword", "password.current-wrong")));
        assertThatThrownBy(() -> fixtures.as(member, () -> accounts.changeOwnPassword(null, NEW_PASSWORD)))
                .isInstanceOf(InvalidInputException.class);

        assertThat(encoder.matches(TestFixtures.PASSWORD, stored(member).getPasswordHash())).isTrue();
    }

    @Test
    void changingOwnPasswordWithTheRightCurrentOneReplacesIt() {
        fixtures.as(member, () -> accounts.changeOwnPassword(TestFixtures.PASSWORD, NEW_PASSWORD));

        String hash = stored(member).getPasswordHash();
        assertThat(encoder.matches(NEW_PASSWORD, hash)).isTrue();
        assertThat(encoder.matches(TestFixtures.PASSWORD, hash)).isFalse();
    }

    @Test
    void newOwnPasswordMustFollowThePolicyAndDiffer() {
        assertThatThrownBy(() -> fixtures.as(member, () -> accounts.changeOwnPassword(TestFixtures.PASSWORD,
                "short")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .containsExactly(new FieldProblem("newPassword", "password.too-short")));
        assertThatThrownBy(() -> fixtures.as(member, () -> accounts.changeOwnPassword(TestFixtures.PASSWORD,
                TestFixtures.PASSWORD)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .containsExactly(new FieldProblem("newPassword", "password.same-as-current")));

        assertThat(encoder.matches(TestFixtures.PASSWORD, stored(member).getPasswordHash())).isTrue();
    }

    @Test
    void passphraseLongerThanBcryptReadsIsRefusedAtTheFieldNotCrashing() {
        // 30 kanji are 90 bytes in UTF-8: more than the 72 bcrypt reads, so storing it would silently cut it.
        String passphrase = "金沢区の子育てサロンで毎週火曜日に赤ちゃんと一緒に遊んでいます";

        assertThatThrownBy(() -> fixtures.as(member,
                () -> accounts.changeOwnPassword(TestFixtures.PASSWORD, passphrase)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .containsExactly(new InvalidInputException.FieldProblem("newPassword",
                                "password.too-long")));
        assertThat(encoder.matches(TestFixtures.PASSWORD, stored(member).getPasswordHash())).isTrue();
    }

    // --- enabling, disabling, resetting ------------------------------------------------------------------------

    @Test
    void coordinatorDisablesAndEnablesAnotherAccount() {
        Account target = stored(member);

        Account disabled = fixtures.as(coordinator,
                () -> accounts.setEnabled(target.getId(), target.getVersion(), false));
        assertThat(disabled.isEnabled()).isFalse();
        assertThat(stored(member).isEnabled()).isFalse();
        assertThat(stored(member).getVersion()).isGreaterThan(target.getVersion());

        Account enabled = fixtures.as(coordinator,
                () -> accounts.setEnabled(target.getId(), stored(member).getVersion(), true));
        assertThat(enabled.isEnabled()).isTrue();
        assertThat(stored(member).isEnabled()).isTrue();
    }

    @Test
    void coordinatorCannotDisableOwnAccount() {
        Account self = stored(coordinator);

        assertThatThrownBy(() -> fixtures.as(coordinator,
                () -> accounts.setEnabled(self.getId(), self.getVersion(), false)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .containsExactly(new FieldProblem("enabled", "account.cannot-disable-self")));
        assertThat(stored(coordinator).isEnabled()).isTrue();
    }

    @Test
    void staleVersionOnSetEnabledIsRefusedAndNothingChanges() {
        Account target = stored(member);
        fixtures.as(coordinator, () -> accounts.setEnabled(target.getId(), target.getVersion(), false));
        Account afterFirst = stored(member);

        assertThatThrownBy(() -> fixtures.as(coordinator,
                () -> accounts.setEnabled(target.getId(), target.getVersion(), true)))
                .isInstanceOf(OptimisticLockingFailureException.class);

        Account afterSecond = stored(member);
        assertThat(afterSecond.isEnabled()).isFalse();
        assertThat(afterSecond.getVersion()).isEqualTo(afterFirst.getVersion());
    }

    @Test
    void unknownAccountIsRefusedLikeAConcurrentDeletion() {
        assertThatThrownBy(() -> fixtures.as(coordinator, () -> accounts.setEnabled(987_654_321L, 0, false)))
                .isInstanceOf(OptimisticLockingFailureException.class);
    }

    @Test
    void coordinatorResetsPasswordOnlyToOneThePolicyAccepts() {
        Account target = stored(member);

        assertThatThrownBy(() -> fixtures.as(coordinator,
                () -> accounts.resetPassword(target.getId(), target.getVersion(), "password123")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .containsExactly(new FieldProblem("password", "password.too-common")));
        assertThat(encoder.matches(TestFixtures.PASSWORD, stored(member).getPasswordHash())).isTrue();

        fixtures.as(coordinator, () -> accounts.resetPassword(target.getId(), target.getVersion(), NEW_PASSWORD));
        assertThat(encoder.matches(NEW_PASSWORD, stored(member).getPasswordHash())).isTrue();
    }

    @Test
    void staleVersionOnPasswordResetIsRefused() {
        Account target = stored(member);
        fixtures.as(coordinator, () -> accounts.setEnabled(target.getId(), target.getVersion(), false));

        assertThatThrownBy(() -> fixtures.as(coordinator,
                () -> accounts.resetPassword(target.getId(), target.getVersion(), NEW_PASSWORD)))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(encoder.matches(TestFixtures.PASSWORD, stored(member).getPasswordHash())).isTrue();
    }

    // --- notification addresses --------------------------------------------------------------------------------

    private AccountService.NewAccount newMemberWithEmail(String username, String email) {
        return new AccountService.NewAccount(username, "新しいスタッフ", AccountRole.MEMBER, organisation.getId(),
                NEW_PASSWORD, email);
    }

    @Test
    void coordinatorCreatesAccountWithANotificationAddressTrimmedAndHalfWidth() {
        String username = TestFixtures.unique("mailed");

        fixtures.as(coordinator, () -> accounts.create(newMemberWithEmail(username, "  ｈａｎａｋｏ＠example.jp ")));

        assertThat(stored(username).getEmail()).isEqualTo("hanako@example.jp");
    }

    @Test
    void accountWithoutAnAddressIsFine() {
        String username = TestFixtures.unique("unmailed");

        fixtures.as(coordinator, () -> accounts.create(newMemberWithEmail(username, "   ")));

        assertThat(stored(username).getEmail()).isNull();
    }

    @Test
    void addressOfTheWrongShapeIsRefusedAndNoAccountIsCreated() {
        for (String email : List.of("hanako", "hanako@", "@example.jp", "hanako@example", "hanako@@example.jp",
                "hana ko@example.jp", "hanako@example.jp, taro@example.jp", "はなこ@example.jp",
                "hanako@例え.jp", "hanako@-example.jp", ".hanako@example.jp", "hana..ko@example.jp",
                "\"hanako\"@example.jp", "x".repeat(65) + "@example.jp")) {
            assertRefusedWith(newMemberWithEmail(TestFixtures.unique("bad-mail"), email), "email",
                    "mail.validation.email-format");
        }
    }

    @Test
    void tooLongAddressIsRefused() {
        String email = "a@" + "b".repeat(62) + "." + "c".repeat(62) + "." + "d".repeat(62) + "." + "e".repeat(62)
                + ".jp";
        assertThat(email.length()).isGreaterThan(Account.EMAIL_MAX);

        assertRefusedWith(newMemberWithEmail(TestFixtures.unique("long-mail"), email), "email",
                "validation.too-long");
    }

    @Test
    void addressWithMarkupOrControlCharactersIsRefused() {
        assertRefusedWith(newMemberWithEmail(TestFixtures.unique("markup-mail"), "<script>@example.jp"), "email",
                "validation.markup");
        assertRefusedWith(newMemberWithEmail(TestFixtures.unique("markup-mail"), "a&amp;b@example.jp"), "email",
                "validation.markup");
        // A line break would let someone add mail headers of their own.
        assertRefusedWith(newMemberWithEmail(TestFixtures.unique("header-mail"),
                "hanako@example.jp\nBcc: all@example.jp"), "email", "validation.control-characters");
        assertRefusedWith(newMemberWithEmail(TestFixtures.unique("nul-mail"), "hanako\u0000@example.jp"), "email",
                "validation.control-characters");
    }

    @Test
    void coordinatorChangesAndRemovesAnAccountsAddress() {
        Account target = stored(member);

        Account changed = fixtures.as(coordinator, () -> accounts.setEmail(target.getId(), target.getVersion(),
                "office-set@example.jp"));
        assertThat(stored(member).getEmail()).isEqualTo("office-set@example.jp");

        fixtures.as(coordinator, () -> accounts.setEmail(target.getId(), changed.getVersion(), ""));
        assertThat(stored(member).getEmail()).isNull();
    }

    @Test
    void badAddressFromTheOfficeChangesNothing() {
        Account target = stored(member);
        fixtures.as(member, () -> accounts.changeOwnEmail("keep@example.jp"));
        long version = stored(member).getVersion();

        assertThatThrownBy(() -> fixtures.as(coordinator,
                () -> accounts.setEmail(target.getId(), version, "not an address")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .containsExactly(new FieldProblem("email", "mail.validation.email-format")));
        assertThatThrownBy(() -> fixtures.as(coordinator,
                () -> accounts.setEmail(target.getId(), target.getVersion(), "stale@example.jp")))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(stored(member).getEmail()).isEqualTo("keep@example.jp");
    }

    @Test
    void everyoneSetsOnlyTheirOwnAddress() {
        String colleague = fixtures.member(organisation);

        fixtures.as(member, () -> accounts.changeOwnEmail("mine@example.jp"));

        assertThat(fixtures.as(member, () -> accounts.ownEmail())).isEqualTo("mine@example.jp");
        assertThat(stored(member).getEmail()).isEqualTo("mine@example.jp");
        assertThat(stored(colleague).getEmail()).isNull();
        assertThatThrownBy(() -> fixtures.as(member, () -> accounts.changeOwnEmail("<b>@example.jp")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .containsExactly(new FieldProblem("email", "validation.markup")));
        assertThat(stored(member).getEmail()).isEqualTo("mine@example.jp");
    }

    @Test
    void memberCannotSetAnotherAccountsAddressAndAnonymousNoneAtAll() {
        Account colleague = stored(fixtures.member(organisation));

        assertDenied(() -> fixtures.as(member, () -> accounts.setEmail(colleague.getId(), colleague.getVersion(),
                "hijack@example.jp")));
        assertDenied(() -> accounts.changeOwnEmail("anon@example.jp"));
        assertDenied(() -> accounts.ownEmail());
        assertThat(stored(colleague.getUsername()).getEmail()).isNull();
    }

    @Test
    void notificationsGoToTheSubmitterElseToTheOrganisationsEnabledMembersWithAnAddress() {
        Organisation own = fixtures.organisation("recipients", false);
        String submitter = fixtures.member(own);
        String withAddress = fixtures.member(own);
        String disabled = fixtures.member(own);
        fixtures.member(own);
        fixtures.as(withAddress, () -> accounts.changeOwnEmail("colleague@example.jp"));
        fixtures.as(disabled, () -> accounts.changeOwnEmail("left@example.jp"));
        Account leaver = stored(disabled);
        fixtures.as(coordinator, () -> accounts.setEnabled(leaver.getId(), leaver.getVersion(), false));
        Long submitterId = stored(submitter).getId();

        assertThat(accounts.notificationRecipients(submitterId, own.getId()))
                .extracting(AccountService.Recipient::email).containsExactly("colleague@example.jp");

        fixtures.as(submitter, () -> accounts.changeOwnEmail("me@example.jp"));
        assertThat(accounts.notificationRecipients(submitterId, own.getId()))
                .containsExactly(new AccountService.Recipient(submitterId, "me@example.jp"));
        // Someone who is not (or no longer) of the organisation is not told about its submissions.
        assertThat(accounts.notificationRecipients(submitterId, organisation.getId()))
                .extracting(AccountService.Recipient::email).doesNotContain("me@example.jp");
        // The office entering something for an organisation: the organisation hears, not the office.
        Long coordinatorId = stored(coordinator).getId();
        fixtures.as(coordinator, () -> accounts.changeOwnEmail("office@example.jp"));
        assertThat(accounts.notificationRecipients(coordinatorId, own.getId()))
                .extracting(AccountService.Recipient::email)
                .containsExactlyInAnyOrder("me@example.jp", "colleague@example.jp");
    }

    // --- first coordinator -------------------------------------------------------------------------------------

    @Test
    void firstCoordinatorIsNotCreatedWhenAccountsExist() {
        String username = TestFixtures.unique("bootstrap");
        assertThat(repository.count()).isPositive();

        boolean created = accounts.createFirstCoordinator(username, "最初の事務局", NEW_PASSWORD);

        assertThat(created).isFalse();
        assertThat(exists(username)).isFalse();
    }
}
