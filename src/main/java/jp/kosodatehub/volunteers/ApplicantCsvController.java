package jp.kosodatehub.volunteers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import jp.kosodatehub.base.i18n.TranslationProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An organisation's applicants as CSV, for Excel. Who may have which file is decided, and the download logged, by
 * {@link ApplicantService#export}: a member asking for another organisation is refused there (403).
 */
@RestController
class ApplicantCsvController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ApplicantService applicants;
    private final Clock clock;

    ApplicantCsvController(ApplicantService applicants, Clock clock) {
        this.applicants = applicants;
        this.clock = clock;
    }

    @GetMapping("/my/volunteers/export.csv")
    ResponseEntity<byte[]> export(@RequestParam(name = "organisation", required = false) Long organisationId,
                                  @RequestParam(name = "lang", required = false) String lang) {
        Locale locale = "en".equals(lang) ? TranslationProvider.ENGLISH : TranslationProvider.JAPANESE;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            applicants.export(organisationId, locale, writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String filename = "volunteers-" + (organisationId == null ? "all" : organisationId) + "-"
                + LocalDate.now(clock) + ".csv";
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(bytes.toByteArray());
    }
}
