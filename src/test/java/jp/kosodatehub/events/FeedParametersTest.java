package jp.kosodatehub.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import jp.kosodatehub.reference.District;
import jp.kosodatehub.reference.ReferenceItem;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

class FeedParametersTest {

    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 11, 25);

    private static final District TOMIOKA = district(7L, "tomioka");

    private static District district(long id, String code) {
        District district = new District(code, code, code, 1);
        ReflectionTestUtils.setField(district, ReferenceItem.class, "id", id, Long.class);
        return district;
    }

    private static FeedParameters.Parsed parse(Map<String, List<String>> params) {
        return FeedParameters.parse(params, List.of(), List.of(TOMIOKA), WEDNESDAY);
    }

    @Test
    void quickRangesAreSeenFromToday() {
        assertThat(FeedParameters.When.TODAY.range(WEDNESDAY)).containsExactly(WEDNESDAY, WEDNESDAY);
        assertThat(FeedParameters.When.WEEK.range(WEDNESDAY)).containsExactly(WEDNESDAY, LocalDate.of(2026, 11, 29));
        assertThat(FeedParameters.When.WEEKEND.range(WEDNESDAY))
                .containsExactly(LocalDate.of(2026, 11, 28), LocalDate.of(2026, 11, 29));
        assertThat(FeedParameters.When.WEEKEND.range(LocalDate.of(2026, 11, 29)))
                .as("on a Sunday, this weekend is today").containsExactly(LocalDate.of(2026, 11, 29),
                        LocalDate.of(2026, 11, 29));
        assertThat(FeedParameters.When.MONTH.range(WEDNESDAY)).containsExactly(WEDNESDAY, LocalDate.of(2026, 11, 30));
    }

    @Test
    void everyFilterSurvivesTheRoundTripThroughTheAddress() {
        EventFilter filter = new EventFilter("サロン", null, AgeBand.AGE_1, TOMIOKA.getId(), WEDNESDAY,
                WEDNESDAY.plusDays(3), true, true, true, true, TargetGroup.SINGLE_PARENTS,
                EnumSet.of(Facility.STROLLER, Facility.NAPPY_CHANGE));

        Map<String, List<String>> params = FeedParameters.toParameters(filter, null, List.of(), List.of(TOMIOKA));

        assertThat(params).containsEntry("age", List.of("age-1")).containsEntry("district", List.of("tomioka"))
                .containsEntry("weekend", List.of("1")).containsEntry("facility", List.of("stroller,nappy-change"));
        assertThat(parse(params).filter()).isEqualTo(filter);
    }

    @Test
    void nonsenseValuesAreIgnoredAndAReversedRangeIsTurnedRound() {
        FeedParameters.Parsed parsed = parse(Map.of("age", List.of("<script>"), "district", List.of("nowhere"),
                "from", List.of("2026-12-10"), "to", List.of("2026-12-01"), "weekend", List.of("maybe"),
                "facility", List.of("pool,stroller"), "when", List.of("yesterday")));

        assertThat(parsed.filter()).isEqualTo(new EventFilter(null, null, null, null, LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 12, 10), false, false, false, false, null, EnumSet.of(Facility.STROLLER)));
        assertThat(parsed.when()).isNull();
    }

    @Test
    void overlongKeywordIsCut() {
        assertThat(parse(Map.of("q", List.of("あ".repeat(5000)))).filter().keyword())
                .hasSize(EventFilter.KEYWORD_MAX);
    }
}
