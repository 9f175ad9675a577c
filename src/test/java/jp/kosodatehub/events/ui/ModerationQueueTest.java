package jp.kosodatehub.events.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Locale;
import jp.kosodatehub.KaribuTest;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.EventDraft;
import jp.kosodatehub.events.EventLimits;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.events.Recurrence;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.reference.EventKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The office's queue shows what was submitted: the whole title, and whether it is a series and how it repeats. */
class ModerationQueueTest extends KaribuTest {

    @Autowired
    EventService events;

    @Test
    void queueShowsWholeTitlesAndMarksASeriesWithItsRule() {
        EventKind kind = fixtures.kind("サロン");
        Organisation salon = fixtures.organisation("queue-salon", false);
        String member = fixtures.member(salon);
        String prefix = TestFixtures.unique("親子で楽しむ季節の手遊びとわらべうた");
        String longTitle = prefix + "・".repeat(EventLimits.TITLE_MAX - prefix.length() - 3) + "最終回";
        Event single = submit(member, TestFixtures.draft(kind, longTitle));
        EventDraft weekly = TestFixtures.draft(kind, TestFixtures.unique("ひよこサロン"));
        LocalDateTime start = weekly.getStartsAt();
        weekly.setRecurrence(new Recurrence(Recurrence.Pattern.WEEKLY, 1, EnumSet.of(start.getDayOfWeek()), 0, 0,
                null, 6));
        Event series = submit(member, weekly);

        login(fixtures.coordinator());
        UI.getCurrent().navigate("moderation");

        @SuppressWarnings("unchecked")
        Grid<Event> grid = LocatorJ._get(Grid.class);
        String singleCell = titleCell(grid, single);
        String seriesCell = titleCell(grid, series);
        assertThat(longTitle).hasSize(EventLimits.TITLE_MAX);
        assertThat(singleCell).isEqualTo(longTitle);
        String weekday = start.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.JAPAN);
        assertThat(seriesCell).startsWith(series.getTitle()).contains("定期開催", "毎週" + weekday + "曜日", "（全6回開催");
    }

    private Event submit(String member, EventDraft draft) {
        Event saved = fixtures.as(member, () -> events.save(draft));
        return fixtures.as(member, () -> events.submit(saved.getId(), saved.getVersion()));
    }

    private static String titleCell(Grid<Event> grid, Event event) {
        for (int row = 0; row < GridKt._size(grid); row++) {
            if (GridKt._get(grid, row).getId().equals(event.getId())) {
                return BasicUtilsKt.get_textRecursively(GridKt._getCellComponent(grid, row, "title")).strip();
            }
        }
        throw new AssertionError("not in the queue: " + event.getTitle());
    }
}
