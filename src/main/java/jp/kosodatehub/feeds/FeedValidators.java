package jp.kosodatehub.feeds;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import jp.kosodatehub.events.EventService;
import org.springframework.stereotype.Service;

/**
 * ETag and Last-Modified of a feed response, so that calendar apps and feed readers polling every few minutes
 * get a bodiless 304 until something changes. A response depends on the public events (their last change), on
 * the day (dates that have passed drop out), on what was asked (format, canonical query, language) and on the
 * address the client used (the links in the body are absolute).
 */
@Service
class FeedValidators {

    record Validators(String etag, Instant lastModified) {
    }

    private final EventService events;
    private final Clock clock;

    FeedValidators(EventService events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    Validators of(String format, String normalisedQuery, Locale locale, String baseUrl) {
        Instant lastChange = events.lastPublicChange();
        LocalDate today = today();
        String key = String.join("\n", format, lastChange.toString(), today.toString(), normalisedQuery,
                locale.getLanguage(), baseUrl);
        Instant startOfDay = today.atStartOfDay(clock.getZone()).toInstant();
        return new Validators("\"" + hash(key) + "\"", lastChange.isAfter(startOfDay) ? lastChange : startOfDay);
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
