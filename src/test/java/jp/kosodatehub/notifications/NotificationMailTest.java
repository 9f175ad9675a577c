package jp.kosodatehub.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import jp.kosodatehub.RestoreSecurityContextStrategy;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.events.EventStatus;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.reference.EventKind;
import jp.kosodatehub.security.AccountService;
import jp.kosodatehub.volunteers.Opening;
import jp.kosodatehub.volunteers.OpeningService;
import jp.kosodatehub.volunteers.VolunteerFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Mail to submitters through a real SMTP conversation, with an in-process server standing in for the provider. */
@ExtendWith(RestoreSecurityContextStrategy.class)
// A context of its own, with a mail sender: the shared one has none, so no other test ever sends mail.
@SpringBootTest(properties = {"kosodatehub.test.context=notification-mail", "spring.mail.host=127.0.0.1",
        "kosodate.base-url=https://hub.example.jp/", "kosodate.mail.from=hub@example.jp"})
@ExtendWith(OutputCaptureExtension.class)
class NotificationMailTest {

    private static final int SMTP_PORT = freePort();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    @DynamicPropertySource
    static void mailPort(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    TestFixtures fixtures;

    @Autowired
    EventService events;

    @Autowired
    OpeningService openings;

    @Autowired
    AccountService accounts;

    @Autowired
    Notifier notifier;

    @Autowired
    PlatformTransactionManager transactions;

    EventKind kind;
    String coordinator;

    @BeforeEach
    void setUp() {
        kind = fixtures.kind("講座");
        coordinator = fixtures.coordinator();
    }

    @AfterEach
    void drain() {
        // Nothing of one test may arrive in the next one's server.
        assertThat(notifier.awaitIdle(WAIT)).isTrue();
    }

    @Test
    void submitterWithAnAddressGetsOneMailWithTitleAndLinkWhenTheOfficePublishes() throws Exception {
        Organisation organisation = fixtures.organisation("mail-salon", false);
        String member = memberWithEmail(organisation, "hanako@example.jp");
        String title = TestFixtures.unique("親子リトミック");
        Event submitted = submitted(member, title);

        fixtures.as(coordinator, () -> events.publish(submitted.getId(), submitted.getVersion()));

        MimeMessage[] mails = received();
        assertThat(mails).hasSize(1);
        MimeMessage mail = mails[0];
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactly("hanako@example.jp");
        assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("hub@example.jp");
        assertThat(mail.getSubject()).startsWith("[健やか子育て連絡会] ").contains(title, "公開しました", "published");
        String text = text(mail);
        assertThat(text).contains(title, "公開中", "Published", "https://hub.example.jp/events/" + submitted.getId());
        assertThat(text.indexOf("公開しました")).as("Japanese first").isLessThan(text.indexOf("has published"));
        // Nothing personal beyond what the recipient submitted: not who they are, not who decided.
        assertThat(text).doesNotContain(member, "事務局 " + coordinator);
    }

    @Test
    void sendBackMailCarriesTheReasonAndPointsToTheEditor() throws Exception {
        Organisation organisation = fixtures.organisation("mail-back", false);
        String member = memberWithEmail(organisation, "taro@example.jp");
        String title = TestFixtures.unique("離乳食講座");
        Event submitted = submitted(member, title);

        fixtures.as(coordinator, () -> events.sendBack(submitted.getId(), submitted.getVersion(),
                "会場の住所を書いてください。\n駐車場の有無もお願いします。"));

        MimeMessage[] mails = received();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getSubject()).contains(title, "差し戻されました");
        assertThat(text(mails[0])).contains("会場の住所を書いてください。", "駐車場の有無もお願いします。", "差し戻し",
                "Sent back", "https://hub.example.jp/my/events/" + submitted.getId());
    }

    @Test
    void trustedOrganisationsDirectPublicationIsConfirmedToTheSubmitter() throws Exception {
        Organisation organisation = fixtures.organisation("mail-trusted", true);
        String member = memberWithEmail(organisation, "trusted@example.jp");
        Event draft = fixtures.as(member, () -> events.save(TestFixtures.draft(kind, TestFixtures.unique("お話し会"))));

        Event published = fixtures.as(member, () -> events.submit(draft.getId(), draft.getVersion()));

        assertThat(published.getStatus()).isEqualTo(EventStatus.PUBLISHED);
        MimeMessage[] mails = received();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactly("trusted@example.jp");
    }

    @Test
    void submitterWithoutAnAddressAndNoColleagueWithOneGetsNoMailAndPublishingWorks() {
        Organisation organisation = fixtures.organisation("mail-none", false);
        String member = fixtures.member(organisation);
        Event submitted = submitted(member, TestFixtures.unique("ベビーマッサージ"));

        Event published = fixtures.as(coordinator, () -> events.publish(submitted.getId(), submitted.getVersion()));

        assertThat(published.getStatus()).isEqualTo(EventStatus.PUBLISHED);
        assertThat(notifier.awaitIdle(WAIT)).isTrue();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void withoutTheSubmittersAddressTheOrganisationsMembersWithAnAddressAreToldEachInTheirOwnMail()
            throws Exception {
        Organisation organisation = fixtures.organisation("mail-colleagues", false);
        String submitter = fixtures.member(organisation);
        memberWithEmail(organisation, "a@example.jp");
        memberWithEmail(organisation, "b@example.jp");
        memberWithEmail(fixtures.organisation("mail-other", false), "other@example.jp");
        Event submitted = submitted(submitter, TestFixtures.unique("手形アート"));

        fixtures.as(coordinator, () -> events.publish(submitted.getId(), submitted.getVersion()));

        assertThat(smtp.waitForIncomingEmail(WAIT.toMillis(), 2)).isTrue();
        assertThat(notifier.awaitIdle(WAIT)).isTrue();
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(2);
        for (MimeMessage mail : mails) {
            assertThat(mail.getAllRecipients()).hasSize(1);
        }
        assertThat(mails).extracting(mail -> mail.getAllRecipients()[0].toString())
                .containsExactlyInAnyOrder("a@example.jp", "b@example.jp");
    }

    @Test
    void brokenMailServerNeverBreaksPublishingAndTheLogNamesTheAccountNotTheAddress(
            CapturedOutput output) {
        Organisation organisation = fixtures.organisation("mail-down", false);
        String member = memberWithEmail(organisation, "down@example.jp");
        Long accountId = fixtures.account(member).getId();
        Event submitted = submitted(member, TestFixtures.unique("育児相談"));
        smtp.stop();

        Event published = fixtures.as(coordinator, () -> events.publish(submitted.getId(), submitted.getVersion()));

        assertThat(published.getStatus()).isEqualTo(EventStatus.PUBLISHED);
        assertThat(fixtures.as(member, () -> events.get(submitted.getId())).getStatus())
                .isEqualTo(EventStatus.PUBLISHED);
        assertThat(notifier.awaitIdle(WAIT)).isTrue();
        assertThat(output.getAll()).contains("Mail to account " + accountId + " about EVENT " + submitted.getId()
                + " failed").doesNotContain("down@example.jp");
    }

    @Test
    void publishingThatIsRolledBackSendsNothing() {
        Organisation organisation = fixtures.organisation("mail-rollback", false);
        String member = memberWithEmail(organisation, "rollback@example.jp");
        Event submitted = submitted(member, TestFixtures.unique("絵本の会"));

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            fixtures.as(coordinator, () -> events.publish(submitted.getId(), submitted.getVersion()));
            status.setRollbackOnly();
        });

        assertThat(fixtures.as(member, () -> events.get(submitted.getId())).getStatus())
                .isEqualTo(EventStatus.SUBMITTED);
        assertThat(notifier.awaitIdle(WAIT)).isTrue();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void sentBackVolunteerOpeningIsMailedToTheOrganisationWithTheReason() throws Exception {
        Organisation organisation = fixtures.organisation("mail-opening", false);
        String member = memberWithEmail(organisation, "opening@example.jp");
        String role = TestFixtures.unique("受付ボランティア");
        Opening draft = fixtures.as(member, () -> openings.save(VolunteerFixtures.draft(role)));
        Opening submitted = fixtures.as(member, () -> openings.submit(draft.getId(), draft.getVersion()));

        fixtures.as(coordinator, () -> openings.sendBack(submitted.getId(), submitted.getVersion(),
                "集合時間を書いてください"));

        MimeMessage[] mails = received();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getSubject()).contains("ボランティア募集", role);
        assertThat(text(mails[0])).contains("集合時間を書いてください",
                "https://hub.example.jp/my/volunteers/openings/" + submitted.getId());
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private String memberWithEmail(Organisation organisation, String email) {
        String member = fixtures.member(organisation);
        fixtures.as(member, () -> accounts.changeOwnEmail(email));
        return member;
    }

    private Event submitted(String member, String title) {
        Event draft = fixtures.as(member, () -> events.save(TestFixtures.draft(kind, title)));
        Event submitted = fixtures.as(member, () -> events.submit(draft.getId(), draft.getVersion()));
        assertThat(submitted.getStatus()).isEqualTo(EventStatus.SUBMITTED);
        return submitted;
    }

    /** What arrived once the notifier is done: waiting for it means "nothing more" is known, not guessed. */
    private MimeMessage[] received() {
        assertThat(notifier.awaitIdle(WAIT)).isTrue();
        return smtp.getReceivedMessages();
    }

    private static String text(MimeMessage mail) throws Exception {
        return mail.getContent().toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
