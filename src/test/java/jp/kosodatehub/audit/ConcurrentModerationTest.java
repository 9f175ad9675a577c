package jp.kosodatehub.audit;

import static jp.kosodatehub.TestFixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.base.validation.InvalidInputException;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.events.EventStatus;
import jp.kosodatehub.events.EventStatusChange;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.reference.EventKind;
import jp.kosodatehub.volunteers.Opening;
import jp.kosodatehub.volunteers.OpeningService;
import jp.kosodatehub.volunteers.PostStatus;
import jp.kosodatehub.volunteers.VolunteerFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;

/** Two coordinators act on the same submission at the same moment: exactly one action wins, the other is refused. */
@SpringBootTest
class ConcurrentModerationTest {

    private static final int ROUNDS = 5;

    @Autowired
    EventService events;

    @Autowired
    OpeningService openings;

    @Autowired
    AuditService audit;

    @Autowired
    TestFixtures fixtures;

    EventKind kind;
    String member;
    String first;
    String second;
    ExecutorService threads;

    @BeforeEach
    void setUp() {
        kind = fixtures.kind("サロン");
        Organisation organisation = fixtures.organisation("contested", false);
        member = fixtures.member(organisation);
        first = fixtures.coordinator();
        second = fixtures.coordinator();
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
    }

    /** Runs both actions at once; returns what each one returned, or the exception that refused it. */
    private List<Object> race(Supplier<?> one, Supplier<?> other) throws Exception {
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Object>> results = new ArrayList<>();
        for (Supplier<?> action : List.of(one, other)) {
            results.add(threads.submit(() -> {
                ready.countDown();
                go.await();
                try {
                    return (Object) action.get();
                } catch (RuntimeException e) {
                    return e;
                }
            }));
        }
        assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> result : results) {
            outcomes.add(result.get(30, TimeUnit.SECONDS));
        }
        return outcomes;
    }

    private static void assertExactlyOneWon(List<Object> outcomes) {
        assertThat(outcomes.stream().filter(outcome -> !(outcome instanceof RuntimeException))).hasSize(1);
        assertThat(outcomes.stream().filter(RuntimeException.class::isInstance)).singleElement()
                .satisfies(refusal -> assertThat(refusal).isInstanceOfAny(OptimisticLockingFailureException.class,
                        InvalidInputException.class));
    }

    @Test
    void publishAndSendBackOfTheSameEventAtOnceExactlyOneWins() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Event saved = fixtures.as(member, () -> events.save(draft(kind, TestFixtures.unique("競合"))));
            Event submitted = fixtures.as(member, () -> events.submit(saved.getId(), saved.getVersion()));
            long version = submitted.getVersion();

            List<Object> outcomes = race(
                    () -> fixtures.as(first, () -> events.publish(saved.getId(), version)),
                    () -> fixtures.as(second, () -> events.sendBack(saved.getId(), version, "写真を差し替えてください")));

            assertExactlyOneWon(outcomes);
            Event stored = fixtures.as(first, () -> events.get(saved.getId()));
            Event winner = (Event) outcomes.stream().filter(Event.class::isInstance).findFirst().orElseThrow();
            assertThat(stored.getStatus()).isEqualTo(winner.getStatus()).isIn(EventStatus.PUBLISHED,
                    EventStatus.SENT_BACK);
            List<EventStatusChange> decisions = fixtures.as(first, () -> events.history(saved.getId())).stream()
                    .filter(change -> change.getFromStatus() == EventStatus.SUBMITTED).toList();
            assertThat(decisions).singleElement().extracting(EventStatusChange::getToStatus)
                    .isEqualTo(stored.getStatus());
        }
    }

    @Test
    void twoCoordinatorsPublishingTheSameEventAtOncePublishItOnce() throws Exception {
        Event saved = fixtures.as(member, () -> events.save(draft(kind, TestFixtures.unique("二重公開"))));
        Event submitted = fixtures.as(member, () -> events.submit(saved.getId(), saved.getVersion()));

        List<Object> outcomes = race(
                () -> fixtures.as(first, () -> events.publish(saved.getId(), submitted.getVersion())),
                () -> fixtures.as(second, () -> events.publish(saved.getId(), submitted.getVersion())));

        assertExactlyOneWon(outcomes);
        assertThat(fixtures.as(first, () -> events.history(saved.getId()))).filteredOn(
                change -> change.getToStatus() == EventStatus.PUBLISHED).hasSize(1);
    }

    @Test
    void publishAndSendBackOfTheSameOpeningAtOnceExactlyOneWins() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Opening saved = fixtures.as(member, () -> openings.save(
                    VolunteerFixtures.draft(TestFixtures.unique("受付"))));
            Opening submitted = fixtures.as(member, () -> openings.submit(saved.getId(), saved.getVersion()));
            assertThat(submitted.getStatus()).isEqualTo(PostStatus.SUBMITTED);
            long version = submitted.getVersion();

            List<Object> outcomes = race(
                    () -> fixtures.as(first, () -> openings.publish(saved.getId(), version)),
                    () -> fixtures.as(second, () -> openings.sendBack(saved.getId(), version, "日時を書いてください")));

            assertExactlyOneWon(outcomes);
            Opening stored = fixtures.as(first, () -> openings.get(saved.getId()));
            assertThat(stored.getStatus()).isIn(PostStatus.PUBLISHED, PostStatus.SENT_BACK);
            List<AuditEntry> decisions = fixtures.as(first, () -> audit.entries(
                    new AuditFilter("Opening", saved.getId(), null, null, null, null), 0, 20)).stream()
                    .filter(entry -> entry.getChanges().stream().anyMatch(change -> change.field().equals("status")
                            && "SUBMITTED".equals(change.before()))).toList();
            assertThat(decisions).singleElement().satisfies(entry -> assertThat(entry.getChanges())
                    .contains(new FieldChange("status", "SUBMITTED", stored.getStatus().name())));
        }
    }
}
