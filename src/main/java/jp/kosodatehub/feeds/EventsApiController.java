package jp.kosodatehub.feeds;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.kosodatehub.base.AppProperties;
import jp.kosodatehub.base.i18n.TranslationProvider;
import jp.kosodatehub.base.web.PublicUrl;
import jp.kosodatehub.reference.ReferenceDataService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.databind.json.JsonMapper;

/** Upcoming dates as JSON, filtered with the public feed's parameters, a page at a time. */
@RestController
class EventsApiController {

    private final EventsApi api;
    private final FeedValidators validators;
    private final ReferenceDataService reference;
    private final TranslationProvider translations;
    private final AppProperties app;
    private final FeedResponseCache cache;
    private final JsonMapper json;
    private final PublicUrl publicUrl;

    EventsApiController(EventsApi api, FeedValidators validators, ReferenceDataService reference,
                        TranslationProvider translations, AppProperties app, FeedResponseCache cache,
                        JsonMapper json, PublicUrl publicUrl) {
        this.api = api;
        this.validators = validators;
        this.reference = reference;
        this.translations = translations;
        this.app = app;
        this.cache = cache;
        this.json = json;
        this.publicUrl = publicUrl;
    }

    @GetMapping("/api/events")
    ResponseEntity<Object> events(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request,
                                  HttpServletResponse response, WebRequest webRequest) {
        LocalDate today = validators.today();
        ApiQuery query;
        try {
            query = ApiQuery.parse(params, reference.activeKinds(), reference.activeDistricts(), today);
        } catch (BadApiRequest e) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("error", e.getMessage());
            error.put("allowed", e.allowed());
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(error);
        }
        FeedTexts texts = new FeedTexts(translations, app, FeedLanguage.of(request), publicUrl.base(), today);
        FeedValidators.Validators current = validators.of("json", query.normalised(), texts.locale(),
                texts.baseUrl());
        if (HttpCaching.notModified(webRequest, response, current)) {
            return null;
        }
        // The page links repeat the request's own path and query (at the public address), so that is part of the key.
        String self = publicUrl.ofRequest(request).build().toUriString();
        byte[] body = cache.get(current.etag() + "\n" + self, () -> json.writeValueAsBytes(api.page(query, texts,
                number -> publicUrl.ofRequest(request).replaceQueryParam(ApiQuery.PAGE, number)
                        .build().toUriString())));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
