package jp.kosodatehub.feeds;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.IntFunction;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.EventOccurrence;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.events.Facility;
import jp.kosodatehub.events.FeedParameters;
import jp.kosodatehub.events.TargetGroup;
import jp.kosodatehub.reference.ReferenceItem;
import org.springframework.stereotype.Service;

/** Pages of upcoming dates as JSON for other sites and apps of the network (a ward page, a LINE bot). */
@Service
class EventsApi {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final EventService events;

    EventsApi(EventService events) {
        this.events = events;
    }

    /**
     * @param pageUrl the address of another page of the same request, for {@code next}
     */
    Page page(ApiQuery query, FeedTexts texts, IntFunction<String> pageUrl) {
        List<Item> items = events.feed(query.feed().filter(), query.offset(), query.size()).stream()
                .map(date -> item(date, texts)).toList();
        long total = events.feedCount(query.feed().filter());
        String next = (long) query.offset() + items.size() < total && items.size() == query.size()
                ? pageUrl.apply(query.page() + 1) : null;
        return new Page(items, query.page(), query.size(), total, next);
    }

    private static Item item(EventOccurrence date, FeedTexts texts) {
        Event event = date.getEvent();
        String reason = date.getReason() != null ? date.getReason()
                : event.isCancelled() ? event.getStatusReason() : null;
        return new Item(date.publicId(), event.getId(), event.getTitle(), LOCAL.format(date.getStartsAt()),
                LOCAL.format(date.getEndsAt()), date.isEffectivelyCancelled(), reason,
                code(event.getKind(), texts), event.getDistrict() == null ? null : code(event.getDistrict(), texts),
                event.getAgeBands().stream().map(FeedParameters::code).toList(),
                event.getTargetGroups().stream().map(TargetGroup::code).toList(),
                event.getFacilities().stream().map(Facility::code).toList(),
                event.isFree(), event.isFree() ? null : event.getFeeYen(), event.isBookingRequired(),
                new Venue(event.getVenueName(), event.getVenueAddress()),
                new Organiser(event.getOrganisation().getName()), texts.eventUrl(event), event.isSeries());
    }

    private static Code code(ReferenceItem item, FeedTexts texts) {
        return new Code(item.getCode(), item.displayName(texts.locale()));
    }

    record Page(List<Item> items, int page, int size, long total, String next) {
    }

    /**
     * One date. {@code id} is stable for as long as the date exists, also after it was moved; {@code eventId}
     * groups the dates of a series.
     */
    record Item(String id, Long eventId, String title, String start, String end, boolean cancelled, String reason,
                Code kind, Code district, List<String> ageBands, List<String> targetGroups, List<String> facilities,
                boolean free, Integer feeYen, boolean bookingRequired, Venue venue, Organiser organisation,
                String url, boolean series) {
    }

    record Code(String code, String name) {
    }

    record Venue(String name, String address) {
    }

    record Organiser(String name) {
    }
}
