package jp.kosodatehub.goals;

import static jp.kosodatehub.TestFixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.base.validation.InvalidInputException;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.EventDraft;
import jp.kosodatehub.events.EventOccurrence;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.events.InitiativeChoice;
import jp.kosodatehub.events.MonthCount;
import jp.kosodatehub.goals.GoalForms.InitiativeForm;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.reference.EventKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Members tag their events with the initiatives they serve; the initiative counts the dates held for it. */
@SpringBootTest
class InitiativeTaggingTest {

    @Autowired
    EventService events;

    @Autowired
    GoalService goals;

    @Autowired
    TestFixtures fixtures;

    EventKind kind;
    Organisation ours;
    String member;
    String coordinator;
    GoalTestData plan;
    Initiative second;

    @BeforeEach
    void setUp() {
        kind = fixtures.kind("サロン");
        ours = fixtures.organisation("tagging", false);
        member = fixtures.member(ours);
        coordinator = fixtures.coordinator();
        plan = new GoalTestData(goals, fixtures, coordinator);
        second = fixtures.as(coordinator, () -> goals.saveInitiative(
                new InitiativeForm(null, 0, plan.pillar.getId(), 2, "平日日中以外の居場所・イベントの試行")));
    }

    private Event save(String title, Set<Long> initiativeIds) {
        EventDraft draft = draft(kind, title);
        draft.setInitiativeIds(initiativeIds);
        return fixtures.as(member, () -> events.save(draft));
    }

    private Event publish(Event event) {
        Event submitted = fixtures.as(member, () -> events.submit(event.getId(), event.getVersion()));
        return fixtures.as(coordinator, () -> events.publish(event.getId(), submitted.getVersion()));
    }

    @Test
    void savedEventKeepsItsInitiativesAndAnEditCanChangeThem() {
        Event event = save("ひよこサロン", Set.of(plan.initiative.getId(), second.getId()));

        EventDraft loaded = fixtures.as(member, () -> events.loadForEdit(event.getId()));
        assertThat(loaded.getInitiativeIds()).containsExactlyInAnyOrder(plan.initiative.getId(), second.getId());

        loaded.setInitiativeIds(Set.of(second.getId()));
        fixtures.as(member, () -> events.save(loaded));
        assertThat(fixtures.as(member, () -> events.loadForEdit(event.getId())).getInitiativeIds())
                .containsExactly(second.getId());
    }

    @Test
    void unknownInitiativeIsRefusedAtTheFieldAndNothingIsSaved() {
        long before = fixtures.as(member, () -> events.myEventsCount(Set.of()));
        EventDraft draft = draft(kind, "存在しない取組");
        draft.setInitiativeIds(Set.of(plan.initiative.getId(), Long.MAX_VALUE));

        assertThatThrownBy(() -> fixtures.as(member, () -> events.save(draft)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .containsExactly(new InvalidInputException.FieldProblem("initiativeIds",
                                "event.validation.unknown-initiative")));
        assertThat(fixtures.as(member, () -> events.myEventsCount(Set.of()))).isEqualTo(before);
    }

    @Test
    void memberEditTaggingAnUnknownInitiativeKeepsTheOldTags() {
        Event event = save("すくすく", Set.of(second.getId()));
        EventDraft loaded = fixtures.as(member, () -> events.loadForEdit(event.getId()));
        loaded.setInitiativeIds(Set.of(-5L));

        assertThatThrownBy(() -> fixtures.as(member, () -> events.save(loaded)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(fixtures.as(member, () -> events.loadForEdit(event.getId())).getInitiativeIds())
                .containsExactly(second.getId());
    }

    @Test
    void choicesAreLabelledAsThePlanNumbersThem() {
        List<InitiativeChoice> choices = events.initiativeChoices();

        assertThat(choices).contains(new InitiativeChoice(second.getId(), "1-② 平日日中以外の居場所・イベントの試行"),
                new InitiativeChoice(plan.initiative.getId(), "1-① 「とことこ」への情報集約と発信"));
    }

    @Test
    void datesOfAnInitiativeArePublishedNotCancelledTaggedAndInRange() {
        Long id = second.getId();
        Event held = publish(save("日曜ひろば", Set.of(id)));
        Event cancelled = publish(save("中止になった会", Set.of(id)));
        fixtures.as(member, () -> events.cancel(cancelled.getId(), cancelled.getVersion(), "雨天のため"));
        save("下書きのまま", Set.of(id));
        publish(save("別の取組の会", Set.of(plan.initiative.getId())));
        publish(save("タグなしの会", Set.of()));
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(1);

        List<EventOccurrence> dates = events.publicDatesOfInitiative(id, tomorrow, tomorrow, 10);
        assertThat(dates).extracting(date -> date.getEvent().getId()).containsExactly(held.getId());
        assertThat(events.publicDatesOfInitiative(id, tomorrow.plusDays(1), tomorrow.plusDays(30), 10)).isEmpty();
        assertThat(events.publicDatesOfInitiativeByMonth(id, tomorrow.minusDays(1), tomorrow.plusDays(1)))
                .containsExactly(new MonthCount(YearMonth.from(tomorrow), 1));
    }

    @Test
    void initiativeWithTaggedEventsCannotBeDeleted() {
        save("タグ付きの下書き", Set.of(second.getId()));

        assertThatThrownBy(() -> fixtures.as(coordinator, () -> goals.deleteInitiative(second.getId(),
                second.getVersion()))).isInstanceOf(InvalidInputException.class);
    }
}
