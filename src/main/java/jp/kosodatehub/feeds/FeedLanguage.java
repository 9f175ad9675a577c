package jp.kosodatehub.feeds;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import jp.kosodatehub.base.i18n.TranslationProvider;

/** Japanese first: a feed is written in English only when the client prefers English to Japanese. */
final class FeedLanguage {

    private FeedLanguage() {
    }

    static Locale of(HttpServletRequest request) {
        // Not request.getLocale(): without the header it gives the server's default, which may well be English.
        return of(request.getHeader("Accept-Language"));
    }

    static Locale of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return TranslationProvider.JAPANESE;
        }
        try {
            // Parsed ranges come sorted by weight, highest first.
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String tag = range.getRange().toLowerCase(Locale.ROOT);
                if (range.getWeight() <= 0) {
                    continue;
                }
                if (tag.equals("ja") || tag.startsWith("ja-")) {
                    return TranslationProvider.JAPANESE;
                }
                if (tag.equals("en") || tag.startsWith("en-")) {
                    return TranslationProvider.ENGLISH;
                }
            }
        } catch (IllegalArgumentException e) {
            // A malformed header is no reason to fail a feed.
        }
        return TranslationProvider.JAPANESE;
    }
}
