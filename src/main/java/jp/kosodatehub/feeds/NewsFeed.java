package jp.kosodatehub.feeds;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.EventOccurrence;
import jp.kosodatehub.events.EventService;
import org.springframework.stereotype.Service;

/** The next dates matching a filter as an RSS 2.0 or Atom 1.0 feed, for feed readers and for reposting. */
@Service
class NewsFeed {

    static final int ITEMS = 100;

    enum Format {
        RSS("rss_2.0"), ATOM("atom_1.0");

        private final String romeType;

        Format(String romeType) {
            this.romeType = romeType;
        }
    }

    private final EventService events;

    NewsFeed(EventService events) {
        this.events = events;
    }

    /**
     * @param updated when the feed as a whole last changed: the validators' Last-Modified, so that the body stays
     *                the same for as long as its ETag does
     */
    String write(Format format, FeedQuery query, FeedTexts texts, String selfUrl, Instant updated) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(format.romeType);
        feed.setEncoding(StandardCharsets.UTF_8.name());
        feed.setTitle(texts.feedTitle());
        feed.setDescription(texts.newsDescription());
        feed.setLink(texts.feedPageUrl(query.normalised()));
        feed.setUri(selfUrl);
        feed.setLanguage(texts.locale().getLanguage());
        feed.setPublishedDate(Date.from(updated));
        List<SyndEntry> entries = new ArrayList<>();
        for (EventOccurrence date : events.feed(query.filter(), 0, ITEMS)) {
            entries.add(entry(format, date, texts));
        }
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("Feed could not be written", e);
        }
    }

    private static SyndEntry entry(Format format, EventOccurrence date, FeedTexts texts) {
        Event event = date.getEvent();
        boolean cancelled = date.isEffectivelyCancelled();
        FeedTexts.DateNote note = cancelled ? FeedTexts.DateNote.CANCELLED
                : date.isMoved() ? FeedTexts.DateNote.MOVED : FeedTexts.DateNote.NONE;
        String reason = date.getReason() != null ? date.getReason() : event.getStatusReason();
        SyndEntry entry = new SyndEntryImpl();
        entry.setTitle(texts.itemTitle(event, date.getStartsAt(), cancelled));
        entry.setLink(texts.eventUrl(event));
        // RSS takes the date's stable id as its guid; Atom wants a URI, so the same id is turned into a UUID.
        entry.setUri(format == Format.RSS ? date.publicId()
                : "urn:uuid:" + UUID.nameUUIDFromBytes(("kosodate-hub:" + date.publicId())
                        .getBytes(StandardCharsets.UTF_8)));
        SyndContent description = new SyndContentImpl();
        description.setType("text/plain");
        description.setValue(texts.description(event, note, reason));
        entry.setDescription(description);
        entry.setPublishedDate(Date.from(event.getUpdatedAt()));
        entry.setUpdatedDate(Date.from(event.getUpdatedAt()));
        SyndCategory category = new SyndCategoryImpl();
        category.setName(texts.kindName(event));
        entry.setCategories(List.of(category));
        entry.setAuthor(event.getOrganisation().getName());
        return entry;
    }
}
