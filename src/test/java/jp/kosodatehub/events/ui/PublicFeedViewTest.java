package jp.kosodatehub.events.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import jp.kosodatehub.KaribuTest;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.base.i18n.TranslationProvider;
import jp.kosodatehub.base.ui.NotFoundView;
import jp.kosodatehub.base.ui.PlainText;
import jp.kosodatehub.events.AgeBand;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.EventDraft;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.events.FeedParameters;
import jp.kosodatehub.events.Recurrence;
import jp.kosodatehub.events.TargetGroup;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.reference.District;
import jp.kosodatehub.reference.EventKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What an anonymous parent sees: only upcoming public events, filters in the address, safe text. */
class PublicFeedViewTest extends KaribuTest {

    @Autowired
    EventService events;

    EventKind kind;
    District district;
    String member;
    String coordinator;

    @BeforeEach
    void setUp() {
        kind = fixtures.kind("イベント");
        district = fixtures.district("能見台");
        Organisation trusted = fixtures.organisation("trusted", true);
        member = fixtures.member(trusted);
        coordinator = fixtures.coordinator();
    }

    /** Creates an event in this test's district; trusted, so submitting publishes it. */
    private Event event(String title, LocalDateTime start, boolean publish, AgeBand... bands) {
        EventDraft draft = TestFixtures.draft(kind, title);
        draft.setDistrict(district);
        draft.setStartsAt(start);
        draft.setEndsAt(start.plusHours(2));
        draft.setAgeBands(EnumSet.of(bands[0], bands));
        draft.setDescription("詳しくは https://example.jp/salon をご覧ください。\n<当日>は雨天決行");
        Event saved = fixtures.as(member, () -> events.save(draft));
        return publish ? fixtures.as(member, () -> events.submit(saved.getId(), saved.getVersion())) : saved;
    }

    private void openFeed(Map<String, String> parameters) {
        UI.getCurrent().navigate("", QueryParameters.simple(parameters));
    }

    private static List<String> titles() {
        return _find(EventCard.class).stream().map(EventCard::title).toList();
    }

    @Test
    void showsUpcomingPublishedAndCancelledButNotPastOrUnpublished() {
        LocalDateTime tomorrow = LocalDate.now().plusDays(1).atTime(10, 0);
        event("published", tomorrow, true, AgeBand.AGE_0);
        event("draft", tomorrow, false, AgeBand.AGE_0);
        event("past", LocalDateTime.now().minusDays(2), true, AgeBand.AGE_0);
        Event cancelled = event("cancelled", tomorrow.plusDays(1), true, AgeBand.AGE_0);
        fixtures.as(member, () -> events.cancel(cancelled.getId(), cancelled.getVersion(), "雨天中止"));

        openFeed(Map.of("district", district.getCode()));

        assertThat(titles()).containsExactly("published", "cancelled");
        EventCard cancelledCard = _find(EventCard.class).get(1);
        assertThat(cancelledCard.getClassNames()).contains("cancelled");
        assertThat(cancelledCard.text()).contains("中止");
    }

    @Test
    void charactersSpecialToHtmlInATitleAreShownAsTextOnTheCard() {
        // Tags are refused when an event is saved; what may pass must still never be read as markup.
        String title = "パパ&ママ \"お話会\" 1<2";
        Event event = event(title, LocalDate.now().plusDays(1).atTime(10, 0), true, AgeBand.AGE_1);

        openFeed(Map.of("district", district.getCode()));

        EventCard card = _get(EventCard.class);
        assertThat(card.title()).isEqualTo(title);
        String html = card.getElement().getProperty("innerHTML");
        assertThat(html).contains("パパ&amp;ママ").contains("1&lt;2").doesNotContain("1<2")
                .contains("href=\"events/" + event.getId() + "\"");
    }

    @Test
    void filterFromTheAddressIsShownInTheFieldsAndApplied() {
        LocalDateTime start = LocalDate.now().plusDays(2).atTime(10, 0);
        event("for babies", start, true, AgeBand.AGE_0);
        event("for school children", start, true, AgeBand.ELEMENTARY);

        openFeed(Map.of("district", district.getCode(), "age", "elementary"));

        assertThat(_get(Select.class, spec -> spec.withLabel("子どもの年齢")).getValue())
                .isEqualTo(AgeBand.ELEMENTARY);
        assertThat(_get(Select.class, spec -> spec.withLabel("地区")).getValue()).isEqualTo(district);
        assertThat(titles()).containsExactly("for school children");
    }

    @Test
    void weekendToggleAndQuickRangeGoIntoTheAddress() {
        LocalDate saturday = LocalDate.now().with(java.time.temporal.TemporalAdjusters.next(
                java.time.DayOfWeek.SATURDAY));
        event("weekday", saturday.plusDays(2).atTime(10, 0), true, AgeBand.AGE_1);
        event("saturday", saturday.atTime(10, 0), true, AgeBand.AGE_1);

        openFeed(Map.of("district", district.getCode()));
        _setValue(_get(Checkbox.class, spec -> spec.withLabel("土日・祝日")), true);

        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters())
                .contains("weekend=1");
        assertThat(titles()).containsExactly("saturday");

        _setValue(_get(Checkbox.class, spec -> spec.withLabel("土日・祝日")), false);
        _setValue(_get(Select.class, spec -> spec.withLabel("日程")), FeedParameters.When.WEEKEND);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters())
                .contains("when=weekend").doesNotContain("weekend=1");
        // On a Sunday "this weekend" is today only, so next Saturday is outside it.
        LocalDate[] weekend = FeedParameters.When.WEEKEND.range(LocalDate.now());
        boolean inRange = !saturday.isBefore(weekend[0]) && !saturday.isAfter(weekend[1]);
        assertThat(titles()).isEqualTo(inRange ? List.of("saturday") : List.of());
    }

    @Test
    void cancelledDateOfASeriesShowsAsCancelledWithItsReason() {
        LocalDate first = LocalDate.now().plusDays(3);
        EventDraft draft = TestFixtures.draft(kind, "series");
        draft.setDistrict(district);
        draft.setStartsAt(first.atTime(10, 0));
        draft.setEndsAt(first.atTime(12, 0));
        draft.setSkipHolidays(false);
        draft.setRecurrence(new Recurrence(Recurrence.Pattern.WEEKLY, 1, EnumSet.of(first.getDayOfWeek()), 0, 0,
                first.plusWeeks(1), null));
        Event saved = fixtures.as(member, () -> events.save(draft));
        Event published = fixtures.as(member, () -> events.submit(saved.getId(), saved.getVersion()));
        fixtures.as(member, () -> events.cancelDate(published.getId(), published.getVersion(),
                first.atTime(10, 0), "雨天中止"));

        openFeed(Map.of("district", district.getCode()));

        List<EventCard> cards = _find(EventCard.class);
        assertThat(cards).hasSize(2);
        assertThat(cards.get(0).getClassNames()).contains("cancelled");
        assertThat(cards.get(0).text()).contains("中止").contains("雨天中止");
        assertThat(cards.get(1).getClassNames()).doesNotContain("cancelled");
    }

    @Test
    void unreadableParametersAreIgnoredNotFatal() {
        event("still listed", LocalDate.now().plusDays(2).atTime(10, 0), true, AgeBand.AGE_1);

        openFeed(Map.of("district", district.getCode(), "age", "<script>", "from", "2026-99-99",
                "kind", "no-such-kind"));

        assertThat(titles()).containsExactly("still listed");
    }

    @Test
    void dateRangeKeepsOnlyEventsOnThoseDays() {
        LocalDate day = LocalDate.now().plusDays(5);
        event("before", day.minusDays(1).atTime(10, 0), true, AgeBand.AGE_1);
        event("inside", day.atTime(10, 0), true, AgeBand.AGE_1);
        event("after", day.plusDays(1).atTime(10, 0), true, AgeBand.AGE_1);

        openFeed(Map.of("district", district.getCode(), "from", day.toString(), "to", day.toString()));

        assertThat(titles()).containsExactly("inside");
    }

    @Test
    void morePagesLoadFromTheDatabaseOnRequest() {
        LocalDateTime start = LocalDate.now().plusDays(4).atTime(9, 0);
        for (int i = 0; i < PublicFeedView.PAGE_SIZE + 5; i++) {
            event("event " + i, start.plusMinutes(i), true, AgeBand.AGE_2);
        }

        openFeed(Map.of("district", district.getCode()));
        assertThat(titles()).hasSize(PublicFeedView.PAGE_SIZE);
        _click(_get(Button.class, spec -> spec.withText("もっと見る")));

        assertThat(titles()).hasSize(PublicFeedView.PAGE_SIZE + 5).startsWith("event 0").endsWith("event 24");
        _assertNone(Button.class, spec -> spec.withText("もっと見る"));
    }

    @Test
    void eventPageShowsDescriptionAsTextWithLinks() {
        Event event = event("with link", LocalDate.now().plusDays(2).atTime(10, 0), true, AgeBand.AGE_1);

        UI.getCurrent().navigate("events/" + event.getId());

        assertThat(_get(H1.class).getText()).isEqualTo("with link");
        PlainText description = _get(PlainText.class, spec -> spec.withClasses("event-description"));
        Anchor link = _get(description, Anchor.class);
        assertThat(link.getHref()).isEqualTo("https://example.jp/salon");
        assertThat(link.getElement().getAttribute("rel")).contains("noopener");
        // Angle brackets typed by a user stay text: no element is created from them.
        assertThat(description.getElement().getChildren().filter(child -> !child.isTextNode()).count()).isOne();
        assertThat(BasicUtilsKt.get_textRecursively(description)).contains("<当日>は雨天決行");
    }

    @Test
    void unpublishedEventPageIsNotFoundForTheAnonymousButVisibleToItsOrganisation() {
        Event draft = event("not yet", LocalDate.now().plusDays(2).atTime(10, 0), false, AgeBand.AGE_1);

        UI.getCurrent().navigate("events/" + draft.getId());
        _get(NotFoundView.class);

        login(member);
        UI.getCurrent().navigate("events/" + draft.getId());
        assertThat(_get(H1.class).getText()).isEqualTo("not yet");
    }

    @Test
    void unknownEventAddressIsNotFound() {
        UI.getCurrent().navigate("events/999999999999");
        _get(NotFoundView.class);
    }

    @Test
    void englishBrowserGetsEnglishPage() {
        LocalDate day = LocalDate.of(LocalDate.now().getYear() + 1, 3, 3);
        event("english", day.atTime(10, 0), true, AgeBand.AGE_1);

        useLocale(TranslationProvider.ENGLISH);
        openFeed(Map.of("district", district.getCode()));

        assertThat(_get(H1.class).getText()).isEqualTo("Find things to do with children");
        assertThat(_get(Select.class, spec -> spec.withLabel("Child's age"))).isNotNull();
        assertThat(_get(EventCard.class).text()).contains("10:00–12:00").contains("Age 1");
    }

    @Test
    void japaneseDatesReadAsInJapan() {
        LocalDate day = LocalDate.now().plusDays(6);
        event("japanese", day.atTime(10, 0), true, AgeBand.AGE_1);

        openFeed(Map.of("district", district.getCode()));

        String heading = _find(com.vaadin.flow.component.html.H2.class, spec -> spec.withClasses("feed-day"))
                .get(0).getText();
        assertThat(heading).matches(day.getMonthValue() + "月" + day.getDayOfMonth() + "日\\(.\\)");
        assertThat(_get(EventCard.class).text()).contains("10:00〜12:00");
    }

    @Test
    void furtherFiltersAreBuiltWhenOpenedAndTheAddressesChoicesStandMeanwhile() {
        openFeed(Map.of("when", "weekend"));

        assertThat(_find(Select.class, spec -> spec.withLabel("種類"))).as("not built before opening").isEmpty();
        assertThat(_get(Details.class).isOpened()).isFalse();
        _setValue(_get(Select.class, spec -> spec.withLabel("子どもの年齢")), AgeBand.AGE_1);
        assertThat(location()).contains("when=weekend").contains("age=").doesNotContain("from=");

        _get(Details.class).setOpened(true);
        _setValue(_get(Select.class, spec -> spec.withLabel("種類")), kind);
        assertThat(location()).contains("when=weekend").contains("age=").contains("kind=" + kind.getCode());
    }

    @Test
    void aFurtherFilterInTheAddressOpensThemWithItsValue() {
        openFeed(Map.of("group", TargetGroup.FATHERS.code(), "district", district.getCode()));

        assertThat(_get(Details.class).isOpened()).isTrue();
        assertThat(_get(Select.class, spec -> spec.withLabel("対象")).getValue()).isEqualTo(TargetGroup.FATHERS);
        _setValue(_get(Select.class, spec -> spec.withLabel("地区")), null);
        assertThat(location()).contains("group=" + TargetGroup.FATHERS.code()).doesNotContain("district=");
    }

    private static String location() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters();
    }
}
