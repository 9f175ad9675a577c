package jp.kosodatehub.volunteers;

import jakarta.persistence.criteria.Predicate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jp.kosodatehub.base.AppProperties;
import jp.kosodatehub.base.NotFoundException;
import jp.kosodatehub.base.OffsetPage;
import jp.kosodatehub.base.i18n.TranslationProvider;
import jp.kosodatehub.base.validation.Problems;
import jp.kosodatehub.base.validation.TextRules;
import jp.kosodatehub.security.AppUser;
import jp.kosodatehub.security.CurrentUser;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisations' applicant pipeline and everything that guards the applicants' personal data. A member sees
 * and changes only their own organisation's applicants, the office all of them, anonymous callers nothing. Every
 * look at personal data (lists, a detail, an export, an erasure) is written to the access log here, so that no
 * screen or download can skip it.
 */
@Service
public class ApplicantService {

    /** A new offer unanswered for longer than this needs a reply. */
    public static final int REPLY_DAYS = 3;
    public static final BigDecimal MAX_HOURS = BigDecimal.valueOf(24);

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by(
            Sort.Direction.DESC, "id"));
    private static final Sort OLDEST_FIRST = Sort.by("createdAt", "id");
    private static final int BATCH = 200;
    private static final char BOM = '\uFEFF';
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get();
    /** Cells Excel would run as a formula get a leading apostrophe. */
    private static final String FORMULA_STARTS = "=+-@";
    private static final List<String> CSV_COLUMNS = List.of("id", "received", "organisation", "opening", "status",
            "name", "email", "phone", "age-band", "supporter-type", "availability", "message", "guardian",
            "duplicate-of", "recruited", "last-activity", "anonymised");

    private final ApplicantRepository applicants;
    private final ApplicantNoteRepository notes;
    private final VolunteerActivityRepository activities;
    private final ApplicantAccessRepository accessLog;
    private final CurrentUser currentUser;
    private final TranslationProvider translations;
    private final AppProperties properties;
    private final Clock clock;

    ApplicantService(ApplicantRepository applicants, ApplicantNoteRepository notes,
                     VolunteerActivityRepository activities, ApplicantAccessRepository accessLog,
                     CurrentUser currentUser, TranslationProvider translations, AppProperties properties,
                     Clock clock) {
        this.applicants = applicants;
        this.notes = notes;
        this.activities = activities;
        this.accessLog = accessLog;
        this.currentUser = currentUser;
        this.translations = translations;
        this.properties = properties;
        this.clock = clock;
    }

    // --- lists -------------------------------------------------------------------------------------------------

    /** The caller's applicants matching the filter, newest offer first; logged as a list view. */
    @Transactional
    public List<Applicant> applicants(PipelineFilter filter, int offset, int limit) {
        AppUser user = requireStaff();
        Long organisationId = scope(user, filter.organisationId());
        List<Applicant> page = applicants.findAll(spec(organisationId, filter),
                OffsetPage.of(offset, limit, NEWEST_FIRST)).getContent();
        log(user, AccessAction.LIST, organisationId, null, page.size());
        return page;
    }

    @Transactional(readOnly = true)
    public long count(PipelineFilter filter) {
        AppUser user = requireStaff();
        return applicants.count(spec(scope(user, filter.organisationId()), filter));
    }

    /** New offers nobody has answered for more than {@link #REPLY_DAYS} days, the longest waiting first. */
    @Transactional
    public List<Applicant> needsReply(int offset, int limit) {
        AppUser user = requireStaff();
        Long organisationId = scope(user, null);
        List<Applicant> page = applicants.findAll(spec(organisationId, needsReplyFilter()),
                OffsetPage.of(offset, limit, OLDEST_FIRST)).getContent();
        log(user, AccessAction.LIST, organisationId, null, page.size());
        return page;
    }

    @Transactional(readOnly = true)
    public long needsReplyCount() {
        AppUser user = requireStaff();
        return applicants.count(spec(scope(user, null), needsReplyFilter()));
    }

    /** Whole days an offer has been waiting, by the service's clock. */
    @Transactional(readOnly = true)
    public long daysWaiting(Applicant applicant) {
        return Duration.between(applicant.getCreatedAt(), clock.instant()).toDays();
    }

    // --- one applicant -----------------------------------------------------------------------------------------

    /** One applicant with their personal data; logged as a detail view. */
    @Transactional
    public Applicant get(Long id) {
        AppUser user = requireStaff();
        Applicant applicant = loadOwned(user, id);
        log(user, AccessAction.VIEW, applicant.getOrganisationId(), applicant.getId(), 1);
        return applicant;
    }

    /** The notes kept on an applicant, newest first. */
    @Transactional(readOnly = true)
    public List<ApplicantNote> notes(Long id) {
        Applicant applicant = loadOwned(requireStaff(), id);
        return notes.findByApplicantId(applicant.getId(), OffsetPage.of(0, OffsetPage.MAX_LIMIT,
                Sort.by(Sort.Direction.DESC, "createdAt", "id")));
    }

    /** The activity recorded for an applicant, latest day first. */
    @Transactional(readOnly = true)
    public List<VolunteerActivity> activities(Long id) {
        Applicant applicant = loadOwned(requireStaff(), id);
        return activities.findByApplicantId(applicant.getId(), OffsetPage.of(0, OffsetPage.MAX_LIMIT,
                Sort.by(Sort.Direction.DESC, "activityDate", "id")));
    }

    @Transactional(readOnly = true)
    public BigDecimal totalHours(Long id) {
        Applicant applicant = loadOwned(requireStaff(), id);
        return activities.totalHours(applicant.getId());
    }

    /** Moves an applicant one step along the pipeline; only the moves {@link ApplicantStatus} allows. */
    @Transactional
    public Applicant moveTo(Long id, long version, ApplicantStatus status) {
        Applicant applicant = loadOwned(requireStaff(), id);
        checkVersion(applicant, version);
        new Problems().require(status != null && applicant.getStatus().canMoveTo(status), "status",
                "volunteer.pipeline.validation.move-not-allowed").throwIfAny();
        applicant.moveTo(status, clock.instant());
        return applicants.saveAndFlush(applicant);
    }

    @Transactional
    public ApplicantNote addNote(Long id, String text) {
        AppUser user = requireStaff();
        Applicant applicant = loadOwned(user, id);
        Problems problems = new Problems().text("text", text, true, ApplicantNote.TEXT_MAX, true);
        refuseAnonymised(applicant, problems, "text");
        problems.throwIfAny();
        Instant now = clock.instant();
        applicant.touch(now);
        applicants.saveAndFlush(applicant);
        return notes.save(new ApplicantNote(applicant.getId(), TextRules.normalise(text), user.getUsername(), now));
    }

    /**
     * Records time a volunteer gave: a day between their offer and today, a quarter-hour multiple of at most a
     * day, optionally the role they took; only for someone who is or was active.
     */
    @Transactional
    public VolunteerActivity recordActivity(Long id, LocalDate date, BigDecimal hours, String role) {
        AppUser user = requireStaff();
        Applicant applicant = loadOwned(user, id);
        Problems problems = new Problems();
        refuseAnonymised(applicant, problems, "date");
        problems.require(ApplicantStatus.RECRUITED.contains(applicant.getStatus()), "status",
                "volunteer.pipeline.validation.not-active");
        if (date == null) {
            problems.add("date", "validation.required");
        } else if (date.isAfter(LocalDate.now(clock))) {
            problems.add("date", "volunteer.pipeline.validation.date-future");
        } else if (date.isBefore(LocalDate.ofInstant(applicant.getCreatedAt(), clock.getZone()))) {
            problems.add("date", "volunteer.pipeline.validation.date-before-offer");
        }
        if (hours == null) {
            problems.add("hours", "validation.required");
        } else if (hours.signum() <= 0 || hours.compareTo(MAX_HOURS) > 0) {
            problems.add("hours", "volunteer.pipeline.validation.hours-range");
        } else if (hours.multiply(BigDecimal.valueOf(4)).stripTrailingZeros().scale() > 0) {
            problems.add("hours", "volunteer.pipeline.validation.hours-step");
        }
        problems.text("role", role, false, VolunteerActivity.ROLE_MAX, false);
        problems.throwIfAny();
        Instant now = clock.instant();
        applicant.touch(now);
        applicants.saveAndFlush(applicant);
        return activities.save(new VolunteerActivity(applicant.getId(), applicant.getOrganisationId(), date,
                hours.setScale(2, RoundingMode.UNNECESSARY), TextRules.normalise(role), user.getUsername(), now));
    }

    // --- privacy -----------------------------------------------------------------------------------------------

    /** Erases one person's personal data on request, for the office only; what the statistics need stays. */
    @Transactional
    public Applicant erase(Long id) {
        AppUser user = requireCoordinator();
        Applicant applicant = loadOwned(user, id);
        anonymise(List.of(applicant));
        log(user, AccessAction.ERASE, applicant.getOrganisationId(), applicant.getId(), 1);
        return applicant;
    }

    /**
     * Anonymises everyone whose last activity is older than the retention period, with their notes; status, age
     * band, supporter type, dates and activity stay for the statistics. Returns how many were anonymised.
     */
    @Transactional
    public int anonymiseExpired() {
        requireCoordinator();
        Instant cutoff = ZonedDateTime.now(clock).minusMonths(properties.volunteers().retentionMonths()).toInstant();
        Specification<Applicant> expired = (root, query, cb) -> cb.and(cb.isNull(root.get("anonymisedAt")),
                cb.lessThan(root.get("lastActivityAt"), cutoff));
        int total = 0;
        List<Applicant> batch;
        // Each batch drops out of the condition once anonymised, so the first page is always the next batch.
        while (!(batch = applicants.findAll(expired, OffsetPage.of(0, BATCH, Sort.by("id"))).getContent())
                .isEmpty()) {
            anonymise(batch);
            total += batch.size();
        }
        return total;
    }

    /** The access log, newest first, for the office. */
    @Transactional(readOnly = true)
    public List<ApplicantAccess> accessLog(int offset, int limit) {
        requireCoordinator();
        return accessLog.findAll(OffsetPage.of(offset, limit, Sort.by(Sort.Direction.DESC, "at", "id")))
                .getContent();
    }

    @Transactional(readOnly = true)
    public long accessLogCount() {
        requireCoordinator();
        return accessLog.count();
    }

    /**
     * Writes the applicants of one organisation (or, for the office, of all when {@code organisationId} is null)
     * as CSV for Excel: UTF-8 with BOM, CRLF, a header in the given language. Logged as an export.
     */
    @Transactional
    public int export(Long organisationId, Locale locale, Writer out) {
        AppUser user = requireStaff();
        if (!user.isCoordinator() && organisationId != null && !user.isMemberOf(organisationId)) {
            throw new AccessDeniedException("Applicants of organisation " + organisationId + " are not yours");
        }
        Long scope = scope(user, organisationId);
        Specification<Applicant> spec = spec(scope, PipelineFilter.all());
        int written = 0;
        try {
            out.write(BOM);
            CSVPrinter printer = new CSVPrinter(out, CSV);
            printer.printRecord(CSV_COLUMNS.stream()
                    .map(column -> translations.getTranslation("volunteer.pipeline.csv." + column, locale))
                    .toList());
            List<Applicant> page;
            do {
                page = applicants.findAll(spec, OffsetPage.of(written, OffsetPage.MAX_LIMIT, Sort.by("id")))
                        .getContent();
                for (Applicant applicant : page) {
                    printer.printRecord(row(applicant, locale));
                }
                written += page.size();
            } while (page.size() == OffsetPage.MAX_LIMIT);
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log(user, AccessAction.EXPORT, scope, null, written);
        return written;
    }

    private List<String> row(Applicant a, Locale locale) {
        List<String> row = new ArrayList<>();
        row.add(String.valueOf(a.getId()));
        row.add(date(a.getCreatedAt()));
        row.add(cell(a.getOpening().getOrganisation().getName()));
        row.add(cell(a.getOpening().getRole()));
        row.add(translations.getTranslation(a.getStatus().translationKey(), locale));
        row.add(cell(a.getName()));
        row.add(cell(a.getEmail()));
        row.add(cell(a.getPhone()));
        row.add(translations.getTranslation(a.getAgeBand().translationKey(), locale));
        row.add(translations.getTranslation(a.getSupporterType().translationKey(), locale));
        row.add(cell(a.getAvailability()));
        row.add(cell(a.getMessage()));
        row.add(cell(a.getGuardianName()));
        row.add(a.getDuplicateOfId() == null ? "" : String.valueOf(a.getDuplicateOfId()));
        row.add(date(a.getRecruitedAt()));
        row.add(date(a.getLastActivityAt()));
        row.add(date(a.getAnonymisedAt()));
        return row;
    }

    private String date(Instant instant) {
        return instant == null ? "" : LocalDate.ofInstant(instant, clock.getZone()).toString();
    }

    /** Text as the person typed it, made harmless for spreadsheets: a leading = + - @ would run as a formula. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private void anonymise(List<Applicant> batch) {
        Instant now = clock.instant();
        List<Long> ids = new ArrayList<>();
        for (Applicant applicant : batch) {
            if (!applicant.isAnonymised()) {
                applicant.anonymise(now);
            }
            ids.add(applicant.getId());
        }
        applicants.saveAllAndFlush(batch);
        notes.deleteForApplicants(ids);
    }

    private PipelineFilter needsReplyFilter() {
        return new PipelineFilter(null, Set.of(), true);
    }

    private Specification<Applicant> spec(Long organisationId, PipelineFilter filter) {
        Instant replyDue = clock.instant().minus(Duration.ofDays(REPLY_DAYS));
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (organisationId != null) {
                where.add(cb.equal(root.get("organisationId"), organisationId));
            }
            if (!filter.statuses().isEmpty()) {
                where.add(root.get("status").in(filter.statuses()));
            }
            if (filter.needsReplyOnly()) {
                where.add(cb.equal(root.get("status"), ApplicantStatus.NEW));
                where.add(cb.lessThan(root.get("createdAt"), replyDue));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    /** The organisation a query is limited to: a member's own always, the office's choice (null for all). */
    private static Long scope(AppUser user, Long requested) {
        return user.isCoordinator() ? requested : user.organisationId();
    }

    private AppUser requireStaff() {
        AppUser user = currentUser.require();
        if (!user.isCoordinator() && (user.organisationId() == null || !user.isMemberOf(user.organisationId()))) {
            throw new AccessDeniedException("Applicants are for member organisations and the office");
        }
        return user;
    }

    private AppUser requireCoordinator() {
        AppUser user = currentUser.require();
        if (!user.isCoordinator()) {
            throw new AccessDeniedException("Only the office may do this");
        }
        return user;
    }

    private Applicant loadOwned(AppUser user, Long id) {
        Applicant applicant = applicants.findById(id == null ? -1 : id)
                .orElseThrow(() -> new NotFoundException("No applicant " + id));
        if (!user.isCoordinator() && !user.isMemberOf(applicant.getOrganisationId())) {
            throw new AccessDeniedException("Applicant " + id + " belongs to another organisation");
        }
        return applicant;
    }

    private static void checkVersion(Applicant applicant, long expected) {
        if (applicant.getVersion() != expected) {
            throw new OptimisticLockingFailureException("Applicant " + applicant.getId() + " was changed meanwhile");
        }
    }

    private static void refuseAnonymised(Applicant applicant, Problems problems, String field) {
        problems.require(!applicant.isAnonymised(), field, "volunteer.pipeline.validation.anonymised");
    }

    private void log(AppUser user, AccessAction action, Long organisationId, Long applicantId, int count) {
        accessLog.save(new ApplicantAccess(clock.instant(), user.accountId(), user.getUsername(), action,
                organisationId, applicantId, count));
    }
}
