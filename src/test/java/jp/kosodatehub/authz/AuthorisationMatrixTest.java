package jp.kosodatehub.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.router.Route;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.kosodatehub.KaribuTest;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.audit.AuditFilter;
import jp.kosodatehub.audit.AuditService;
import jp.kosodatehub.base.ui.AccessDeniedView;
import jp.kosodatehub.base.ui.NotFoundView;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.EventDraft;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.events.EventStatus;
import jp.kosodatehub.goals.Direction;
import jp.kosodatehub.goals.GoalCsv;
import jp.kosodatehub.goals.GoalForms;
import jp.kosodatehub.goals.GoalService;
import jp.kosodatehub.goals.Indicator;
import jp.kosodatehub.goals.IndicatorForm;
import jp.kosodatehub.goals.IndicatorKind;
import jp.kosodatehub.goals.IndicatorResult;
import jp.kosodatehub.goals.Initiative;
import jp.kosodatehub.goals.Pillar;
import jp.kosodatehub.goals.Plan;
import jp.kosodatehub.goals.UpdateFrequency;
import jp.kosodatehub.ops.BackupService;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.organisations.OrganisationKind;
import jp.kosodatehub.organisations.OrganisationService;
import jp.kosodatehub.reference.District;
import jp.kosodatehub.reference.EventKind;
import jp.kosodatehub.reference.ReferenceDataService;
import jp.kosodatehub.security.Account;
import jp.kosodatehub.security.AccountRole;
import jp.kosodatehub.security.AccountService;
import jp.kosodatehub.security.ui.LoginView;
import jp.kosodatehub.volunteers.Applicant;
import jp.kosodatehub.volunteers.ApplicantService;
import jp.kosodatehub.volunteers.ApplicantStatus;
import jp.kosodatehub.volunteers.HelpOffer;
import jp.kosodatehub.volunteers.OfferService;
import jp.kosodatehub.volunteers.Opening;
import jp.kosodatehub.volunteers.OpeningService;
import jp.kosodatehub.volunteers.PipelineFilter;
import jp.kosodatehub.volunteers.PostStatus;
import jp.kosodatehub.volunteers.Story;
import jp.kosodatehub.volunteers.StoryDraft;
import jp.kosodatehub.volunteers.StoryService;
import jp.kosodatehub.volunteers.SupporterType;
import jp.kosodatehub.volunteers.VolunteerFixtures;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.util.ClassUtils;

/**
 * Who may open which page and call which service method, written out as a table, for four callers: an anonymous
 * visitor, a member of organisation A, a member of organisation B and a coordinator. Ids passed to services are
 * always those of organisation A's records, so that member B's refusal is about ownership, not absence.
 *
 * <p>Both tables are checked against what exists: a new view or a new public service method without a line here
 * fails the build, so its access rule has to be decided, not inherited by accident.
 *
 * <p>Anonymous refusals: a method guarded by {@code @RolesAllowed} refuses with
 * {@link AuthenticationCredentialsNotFoundException} before it runs; one that checks the caller itself
 * ({@code CurrentUser.require()}, also behind {@code @PermitAll}, which lets anyone in) with
 * {@link AccessDeniedException}. Member refusals are always {@link AccessDeniedException}. "Allowed" means no
 * security exception: a call may still fail a business rule (a record in the wrong state), which is not the
 * question here.
 *
 * <p>Methods marked {@link Access#PUBLIC} without a call are read-only queries of public data (the feed, the public
 * board, the plan and its figures, reference lists) and are classified only; every write method and every method
 * returning records that are not public is invoked.
 */
class AuthorisationMatrixTest extends KaribuTest {

    enum Caller { ANONYMOUS, MEMBER_A, MEMBER_B, COORDINATOR }

    enum Access {
        /** Everybody, logged in or not. */
        PUBLIC,
        /** Any logged-in member or coordinator; a member sees only their own organisation's records. */
        STAFF,
        /** Organisation A's members and coordinators; member B is refused. */
        OWNER,
        /** Coordinators only. */
        COORDINATOR,
        /** Infrastructure called before anyone is logged in (the login itself); no check by design. */
        SYSTEM;

        boolean allows(Caller caller) {
            return switch (this) {
                case PUBLIC, SYSTEM -> true;
                case STAFF -> caller != Caller.ANONYMOUS;
                case OWNER -> caller == Caller.MEMBER_A || caller == Caller.COORDINATOR;
                case COORDINATOR -> caller == Caller.COORDINATOR;
            };
        }
    }

    @Autowired
    VolunteerFixtures volunteers;

    @Autowired
    EventService events;

    @Autowired
    OpeningService openings;

    @Autowired
    ApplicantService applicants;

    @Autowired
    StoryService stories;

    @Autowired
    OfferService offers;

    @Autowired
    GoalService goals;

    @Autowired
    GoalCsv goalCsv;

    @Autowired
    ReferenceDataService reference;

    @Autowired
    OrganisationService organisationService;

    @Autowired
    AccountService accounts;

    @Autowired
    AuditService audit;

    @Autowired
    BackupService backups;

    private static People people;

    /** The callers and their organisations, made once for the class. */
    record People(Organisation a, Organisation b, String memberA, String memberB, String coordinator, EventKind kind) {
    }

    private People people() {
        if (people == null) {
            Organisation a = fixtures.organisation("authz-a", false);
            Organisation b = fixtures.organisation("authz-b", false);
            people = new People(a, b, fixtures.member(a), fixtures.member(b), fixtures.coordinator(),
                    fixtures.kind("サロン"));
        }
        return people;
    }

    // =====================================================================================================
    // Routes
    // =====================================================================================================

    private record RouteRule(Access access, Function<Records, String> path) {
    }

    private static RouteRule page(Access access, String path) {
        return new RouteRule(access, records -> path);
    }

    private static RouteRule page(Access access, Function<Records, String> path) {
        return new RouteRule(access, path);
    }

    /** Route template (as in {@code @Route}) → who may open it, and a concrete address to open. */
    private static final Map<String, RouteRule> ROUTES = Map.ofEntries(
            Map.entry("", page(Access.PUBLIC, "")),
            Map.entry("calendar", page(Access.PUBLIC, "calendar")),
            Map.entry("print", page(Access.PUBLIC, "print")),
            Map.entry("login", page(Access.PUBLIC, "login")),
            Map.entry("events/:id([0-9]{1,18})", page(Access.PUBLIC, r -> "events/" + r.publishedEvent().getId())),
            Map.entry("goals", page(Access.PUBLIC, "goals")),
            Map.entry("goals/volunteers", page(Access.PUBLIC, "goals/volunteers")),
            Map.entry("goals/initiatives/:id([0-9]{1,18})",
                    page(Access.PUBLIC, r -> "goals/initiatives/" + r.initiative().getId())),
            Map.entry("goals/indicators/:id([0-9]{1,18})",
                    page(Access.PUBLIC, r -> "goals/indicators/" + r.indicator().getId())),
            Map.entry("volunteer", page(Access.PUBLIC, "volunteer")),
            Map.entry("volunteer/:openingId([0-9]{1,18})",
                    page(Access.PUBLIC, r -> "volunteer/" + r.publishedOpening().getId())),
            Map.entry("my/events", page(Access.STAFF, "my/events")),
            Map.entry("my/events/:eventId(new|[0-9]{1,18})", page(Access.OWNER, r -> "my/events/" + r.event().getId())),
            Map.entry("my/indicators", page(Access.STAFF, "my/indicators")),
            Map.entry("my/password", page(Access.STAFF, "my/password")),
            Map.entry("my/volunteers", page(Access.STAFF, "my/volunteers")),
            Map.entry("my/volunteers/stories", page(Access.STAFF, "my/volunteers/stories")),
            Map.entry("my/volunteers/openings", page(Access.STAFF, "my/volunteers/openings")),
            Map.entry("my/volunteers/openings/:openingId(new|[0-9]{1,18})",
                    page(Access.OWNER, r -> "my/volunteers/openings/" + r.opening().getId())),
            Map.entry("moderation", page(Access.COORDINATOR, "moderation")),
            Map.entry("moderation/:eventId([0-9]{1,18})",
                    page(Access.COORDINATOR, r -> "moderation/" + r.submittedEvent().getId())),
            Map.entry("moderation/stories", page(Access.COORDINATOR, "moderation/stories")),
            Map.entry("moderation/volunteers", page(Access.COORDINATOR, "moderation/volunteers")),
            Map.entry("admin/goals", page(Access.COORDINATOR, "admin/goals")),
            Map.entry("admin/reference", page(Access.COORDINATOR, "admin/reference")),
            Map.entry("admin/organisations", page(Access.COORDINATOR, "admin/organisations")),
            Map.entry("admin/accounts", page(Access.COORDINATOR, "admin/accounts")),
            Map.entry("admin/volunteers/access", page(Access.COORDINATOR, "admin/volunteers/access")),
            Map.entry("admin/audit", page(Access.COORDINATOR, "admin/audit")),
            Map.entry("admin/backup", page(Access.COORDINATOR, "admin/backup")),
            Map.entry("my/account", page(Access.STAFF, "my/account")));

    private static Map<String, Class<?>> discoveredRoutes() {
        Map<String, Class<?>> routes = new TreeMap<>();
        try (ScanResult scan = new ClassGraph().enableClassInfo().enableAnnotationInfo().ignoreClassVisibility()
                .acceptPackages("jp.kosodatehub").scan()) {
            scan.getClassesWithAnnotation(Route.class).forEach(info -> {
                Class<?> view = info.loadClass();
                routes.put(view.getAnnotation(Route.class).value(), view);
            });
        }
        return routes;
    }

    @Test
    void everyRouteHasAnAccessRule() {
        assertThat(ROUTES.keySet()).as("routes in the table")
                .containsExactlyInAnyOrderElementsOf(discoveredRoutes().keySet());
    }

    @TestFactory
    Stream<DynamicTest> everyRouteAllowsAndRefusesAsTheTableSays() {
        return discoveredRoutes().entrySet().stream().filter(route -> ROUTES.containsKey(route.getKey()))
                .flatMap(route -> Arrays.stream(Caller.values()).map(caller -> DynamicTest.dynamicTest(
                        "/" + route.getKey() + " as " + caller, () -> checkRoute(route.getValue(),
                                ROUTES.get(route.getKey()), caller))));
    }

    private void checkRoute(Class<?> view, RouteRule rule, Caller caller) {
        Records records = new Records();
        String path = rule.path().apply(records);
        switch (caller) {
            case ANONYMOUS -> logout();
            case MEMBER_A -> login(people().memberA());
            case MEMBER_B -> login(people().memberB());
            case COORDINATOR -> login(people().coordinator());
        }
        UI.getCurrent().navigate(path);
        List<HasElement> chain = UI.getCurrent().getInternals().getActiveRouterTargetsChain();
        // Views with method-level annotations come as Spring proxies: compare the class they were made from.
        Class<?> shown = chain.isEmpty() ? null : ClassUtils.getUserClass(chain.getFirst().getClass());
        if (rule.access().allows(caller)) {
            assertThat(shown).as("/" + path + " as " + caller + " shows the view").isEqualTo(view);
        } else if (caller == Caller.ANONYMOUS) {
            assertThat(shown).as("/" + path + " sends an anonymous visitor to the login").isEqualTo(LoginView.class);
        } else {
            assertThat(shown).as("/" + path + " as " + caller + " is refused")
                    .isIn(NotFoundView.class, AccessDeniedView.class);
        }
    }

    // =====================================================================================================
    // Service methods
    // =====================================================================================================

    @FunctionalInterface
    interface Call {
        Object invoke(Records records) throws Exception;
    }

    private record MethodRule(Access access, Call call, BiPredicate<Records, Object> showsA) {
    }

    private final Map<String, MethodRule> methods = new LinkedHashMap<>();

    private void rule(String signature, Access access) {
        methods.put(signature, new MethodRule(access, null, null));
    }

    private void rule(String signature, Access access, Call call) {
        methods.put(signature, new MethodRule(access, call, null));
    }

    /** A method scoped to the caller: member B is allowed but must get nothing of organisation A's. */
    private void scoped(String signature, Call call, BiPredicate<Records, Object> showsA) {
        methods.put(signature, new MethodRule(Access.STAFF, call, showsA));
    }

    private static final String REASON = "テストのための理由です";

    private void table() {
        if (!methods.isEmpty()) {
            return;
        }
        // --- EventService ---
        rule("EventService.feed(EventFilter,int,int)", Access.PUBLIC);
        rule("EventService.feedCount(EventFilter)", Access.PUBLIC);
        rule("EventService.datesInRange(EventFilter,int,int)", Access.PUBLIC);
        rule("EventService.datesInRangeCount(EventFilter)", Access.PUBLIC);
        rule("EventService.countPublicDates(EventFilter,LocalDate,LocalDate)", Access.PUBLIC);
        rule("EventService.publicDatesOfInitiative(Long,LocalDate,LocalDate,int)", Access.PUBLIC);
        rule("EventService.publicDatesOfInitiativeByMonth(Long,LocalDate,LocalDate)", Access.PUBLIC);
        rule("EventService.isInitiativeUsed(Long)", Access.PUBLIC);
        rule("EventService.initiativeChoices()", Access.PUBLIC);
        rule("EventService.publicEventsWithDatesAhead(EventFilter,int)", Access.PUBLIC);
        rule("EventService.publicPlan(Long)", Access.PUBLIC);
        rule("EventService.nextDates(Long,int)", Access.PUBLIC, r -> events.nextDates(r.event().getId(), 5));
        rule("EventService.lastPublicChange()", Access.PUBLIC);
        rule("EventService.findPublic(Long)", Access.PUBLIC, r -> {
            assertThat(events.findPublic(r.event().getId())).as("a draft is never public").isEmpty();
            return null;
        });
        scoped("EventService.myEvents(Collection,int,int)",
                r -> events.myEvents(EnumSet.allOf(EventStatus.class), 0, 100), containsId(r -> r.event().getId()));
        rule("EventService.myEventsCount(Collection)", Access.STAFF,
                r -> events.myEventsCount(EnumSet.allOf(EventStatus.class)));
        rule("EventService.get(Long)", Access.OWNER, r -> events.get(r.event().getId()));
        rule("EventService.loadForEdit(Long)", Access.OWNER, r -> events.loadForEdit(r.event().getId()));
        rule("EventService.duplicate(Long)", Access.OWNER, r -> events.duplicate(r.event().getId()));
        rule("EventService.history(Long)", Access.OWNER, r -> events.history(r.event().getId()));
        rule("EventService.save(EventDraft)", Access.OWNER, r -> events.save(r.eventDraft()));
        rule("EventService.upcomingDates(Long,int,int)", Access.OWNER,
                r -> events.upcomingDates(r.event().getId(), 0, 10));
        rule("EventService.previewDates(EventDraft)", Access.OWNER, r -> events.previewDates(r.eventDraft()));
        rule("EventService.cancelDate(Long,long,LocalDateTime,String)", Access.OWNER, r -> events.cancelDate(
                r.event().getId(), r.event().getVersion(), r.event().getStartsAt(), REASON));
        rule("EventService.moveDate(Long,long,LocalDateTime,LocalDateTime,LocalDateTime,String)", Access.OWNER,
                r -> events.moveDate(r.event().getId(), r.event().getVersion(), r.event().getStartsAt(),
                        r.event().getStartsAt().plusDays(1), r.event().getEndsAt().plusDays(1), REASON));
        rule("EventService.restoreDate(Long,long,LocalDateTime)", Access.OWNER, r -> events.restoreDate(
                r.event().getId(), r.event().getVersion(), r.event().getStartsAt()));
        rule("EventService.dateChanges(Long)", Access.OWNER, r -> events.dateChanges(r.event().getId()));
        rule("EventService.submit(Long,long)", Access.OWNER,
                r -> events.submit(r.event().getId(), r.event().getVersion()));
        rule("EventService.withdraw(Long,long)", Access.OWNER,
                r -> events.withdraw(r.submittedEvent().getId(), r.submittedEvent().getVersion()));
        rule("EventService.cancel(Long,long,String)", Access.OWNER,
                r -> events.cancel(r.publishedEvent().getId(), r.publishedEvent().getVersion(), REASON));
        rule("EventService.moderationQueue(int,int)", Access.COORDINATOR, r -> events.moderationQueue(0, 10));
        rule("EventService.moderationCount()", Access.COORDINATOR, r -> events.moderationCount());
        rule("EventService.publish(Long,long)", Access.COORDINATOR,
                r -> events.publish(r.submittedEvent().getId(), r.submittedEvent().getVersion()));
        rule("EventService.sendBack(Long,long,String)", Access.COORDINATOR,
                r -> events.sendBack(r.submittedEvent().getId(), r.submittedEvent().getVersion(), REASON));

        // --- OpeningService ---
        rule("OpeningService.findPublic(Long)", Access.PUBLIC, r -> {
            assertThat(openings.findPublic(r.opening().getId())).as("a draft is never public").isEmpty();
            return null;
        });
        rule("OpeningService.publicOpenings(OpeningFilter,int,int)", Access.PUBLIC);
        rule("OpeningService.publicCount(OpeningFilter)", Access.PUBLIC);
        rule("OpeningService.openingsForEvent(Long)", Access.PUBLIC);
        scoped("OpeningService.myOpenings(Collection,int,int)",
                r -> openings.myOpenings(EnumSet.allOf(PostStatus.class), 0, 100),
                containsId(r -> r.opening().getId()));
        rule("OpeningService.myOpeningsCount(Collection)", Access.STAFF,
                r -> openings.myOpeningsCount(EnumSet.allOf(PostStatus.class)));
        rule("OpeningService.get(Long)", Access.OWNER, r -> openings.get(r.opening().getId()));
        rule("OpeningService.loadForEdit(Long)", Access.OWNER, r -> openings.loadForEdit(r.opening().getId()));
        rule("OpeningService.eventChoices()", Access.STAFF, r -> openings.eventChoices());
        rule("OpeningService.save(OpeningDraft)", Access.OWNER, r -> openings.save(
                r.asMemberA(() -> openings.loadForEdit(r.opening().getId()))));
        rule("OpeningService.submit(Long,long)", Access.OWNER,
                r -> openings.submit(r.opening().getId(), r.opening().getVersion()));
        rule("OpeningService.withdraw(Long,long)", Access.OWNER,
                r -> openings.withdraw(r.opening().getId(), r.opening().getVersion()));
        rule("OpeningService.close(Long,long)", Access.OWNER,
                r -> openings.close(r.publishedOpening().getId(), r.publishedOpening().getVersion()));
        rule("OpeningService.moderationQueue(int,int)", Access.COORDINATOR, r -> openings.moderationQueue(0, 10));
        rule("OpeningService.moderationCount()", Access.COORDINATOR, r -> openings.moderationCount());
        rule("OpeningService.publish(Long,long)", Access.COORDINATOR,
                r -> openings.publish(r.submittedOpening().getId(), r.submittedOpening().getVersion()));
        rule("OpeningService.sendBack(Long,long,String)", Access.COORDINATOR, r -> openings.sendBack(
                r.submittedOpening().getId(), r.submittedOpening().getVersion(), REASON));

        // --- ApplicantService: personal data, all invoked ---
        scoped("ApplicantService.applicants(PipelineFilter,int,int)", r -> applicants.applicants(
                new PipelineFilter(r.people.a().getId(), EnumSet.allOf(ApplicantStatus.class), false), 0, 100),
                containsId(r -> r.applicant().getId()));
        scoped("ApplicantService.count(PipelineFilter)", r -> applicants.count(
                new PipelineFilter(r.people.a().getId(), EnumSet.allOf(ApplicantStatus.class), false)), null);
        scoped("ApplicantService.needsReply(int,int)", r -> applicants.needsReply(0, 100),
                containsId(r -> r.applicant().getId()));
        rule("ApplicantService.needsReplyCount()", Access.STAFF, r -> applicants.needsReplyCount());
        rule("ApplicantService.daysWaiting(Applicant)", Access.PUBLIC, r -> applicants.daysWaiting(r.applicant()));
        rule("ApplicantService.get(Long)", Access.OWNER, r -> applicants.get(r.applicant().getId()));
        rule("ApplicantService.notes(Long)", Access.OWNER, r -> applicants.notes(r.applicant().getId()));
        rule("ApplicantService.activities(Long)", Access.OWNER, r -> applicants.activities(r.applicant().getId()));
        rule("ApplicantService.totalHours(Long)", Access.OWNER, r -> applicants.totalHours(r.applicant().getId()));
        rule("ApplicantService.moveTo(Long,long,ApplicantStatus)", Access.OWNER, r -> applicants.moveTo(
                r.applicant().getId(), r.applicant().getVersion(), ApplicantStatus.CONTACTED));
        rule("ApplicantService.addNote(Long,String)", Access.OWNER,
                r -> applicants.addNote(r.applicant().getId(), "電話しました"));
        rule("ApplicantService.recordActivity(Long,LocalDate,BigDecimal,String)", Access.OWNER,
                r -> applicants.recordActivity(r.applicant().getId(), LocalDate.now().minusDays(1),
                        new BigDecimal("2"), "受付"));
        rule("ApplicantService.erase(Long)", Access.COORDINATOR, r -> applicants.erase(r.applicant().getId()));
        rule("ApplicantService.anonymiseExpired()", Access.COORDINATOR, r -> applicants.anonymiseExpired());
        rule("ApplicantService.accessLog(int,int)", Access.COORDINATOR, r -> applicants.accessLog(0, 10));
        rule("ApplicantService.accessLogCount()", Access.COORDINATOR, r -> applicants.accessLogCount());
        rule("ApplicantService.export(Long,Locale,Writer)", Access.OWNER,
                r -> applicants.export(r.people.a().getId(), Locale.JAPANESE, new StringWriter()));

        // --- StoryService ---
        rule("StoryService.publishedStories(int,int)", Access.PUBLIC);
        rule("StoryService.publishedCount()", Access.PUBLIC);
        rule("StoryService.publishedPhoto(Long)", Access.PUBLIC, r -> {
            assertThat(stories.publishedPhoto(r.story().getId())).isEmpty();
            return null;
        });
        rule("StoryService.photo(Long)", Access.PUBLIC, r -> {
            // Checks itself: an unpublished story's photo is only there for its organisation and the office.
            return stories.photo(r.story().getId());
        });
        scoped("StoryService.myStories(int,int)", r -> stories.myStories(0, 100),
                containsId(r -> r.story().getId()));
        rule("StoryService.myStoriesCount()", Access.STAFF, r -> stories.myStoriesCount());
        rule("StoryService.get(Long)", Access.OWNER, r -> stories.get(r.story().getId()));
        rule("StoryService.loadForEdit(Long)", Access.OWNER, r -> stories.loadForEdit(r.story().getId()));
        rule("StoryService.save(StoryDraft)", Access.OWNER,
                r -> stories.save(r.asMemberA(() -> stories.loadForEdit(r.story().getId()))));
        rule("StoryService.setPhoto(Long,long,byte[])", Access.OWNER,
                r -> stories.setPhoto(r.story().getId(), r.story().getVersion(), new byte[] {1, 2, 3}));
        rule("StoryService.removePhoto(Long,long)", Access.OWNER,
                r -> stories.removePhoto(r.story().getId(), r.story().getVersion()));
        rule("StoryService.submit(Long,long)", Access.OWNER,
                r -> stories.submit(r.story().getId(), r.story().getVersion()));
        rule("StoryService.withdraw(Long,long)", Access.OWNER,
                r -> stories.withdraw(r.story().getId(), r.story().getVersion()));
        rule("StoryService.moderationQueue(int,int)", Access.COORDINATOR, r -> stories.moderationQueue(0, 10));
        rule("StoryService.moderationCount()", Access.COORDINATOR, r -> stories.moderationCount());
        rule("StoryService.publish(Long,long)", Access.COORDINATOR,
                r -> stories.publish(r.story().getId(), r.story().getVersion()));
        rule("StoryService.sendBack(Long,long,String)", Access.COORDINATOR,
                r -> stories.sendBack(r.story().getId(), r.story().getVersion(), REASON));

        // --- OfferService: the anonymous offer-of-help form ---
        rule("OfferService.offer(Long,HelpOffer,String)", Access.PUBLIC, r -> offers.offer(
                r.publishedOpening().getId(), new HelpOffer(), "192.0.2." + (r.hashCode() & 0x7f)));
        // The large data set generator's back-dated offers: the office only (an empty offer fails its checks).
        rule("OfferService.recordPastOffer(Long,HelpOffer,Instant)", Access.COORDINATOR, r -> offers.recordPastOffer(
                r.publishedOpening().getId(), new HelpOffer(), Instant.now().minusSeconds(60)));

        // --- VolunteerStatistics: network totals, no personal data ---
        rule("VolunteerStatistics.recruited(LocalDate,LocalDate)", Access.PUBLIC);
        rule("VolunteerStatistics.hours(LocalDate,LocalDate)", Access.PUBLIC);
        rule("VolunteerStatistics.totals(int)", Access.PUBLIC);
        rule("VolunteerStatistics.fiscalYears()", Access.PUBLIC);

        // --- GoalService ---
        rule("GoalService.plans()", Access.PUBLIC);
        rule("GoalService.plan(Long)", Access.PUBLIC);
        rule("GoalService.tree(Long)", Access.PUBLIC);
        rule("GoalService.initiativePage(Long)", Access.PUBLIC);
        rule("GoalService.indicator(Long)", Access.PUBLIC);
        rule("GoalService.firstComputed(Source)", Access.PUBLIC);
        rule("GoalService.planOf(Indicator)", Access.PUBLIC);
        rule("GoalService.notes(Long)", Access.PUBLIC);
        rule("GoalService.history(Long)", Access.PUBLIC);
        rule("GoalService.currentResults(Long)", Access.PUBLIC);
        rule("GoalService.progress(Long)", Access.PUBLIC);
        rule("GoalService.figures(Long)", Access.PUBLIC);
        rule("GoalService.progressOfPlan(Long)", Access.PUBLIC);
        rule("GoalService.canRecord(Long)", Access.PUBLIC, r -> {
            assertThat(goals.canRecord(r.indicator().getId())).isEqualTo(r.caller == Caller.MEMBER_A
                    || r.caller == Caller.COORDINATOR);
            return null;
        });
        rule("GoalService.myIndicators()", Access.STAFF, r -> goals.myIndicators());
        rule("GoalService.recordResult(ResultForm)", Access.OWNER, r -> goals.recordResult(new GoalForms.ResultForm(
                r.indicator().getId(), LocalDate.of(2027, 3, 31), null, new BigDecimal("9"), null, null, null)));
        rule("GoalService.correctResult(Long,BigDecimal,String,String)", Access.OWNER,
                r -> goals.correctResult(r.result().getId(), new BigDecimal("7"), "訂正", null));
        rule("GoalService.savePlan(PlanForm)", Access.COORDINATOR, r -> goals.savePlan(
                new GoalForms.PlanForm(null, 0, TestFixtures.unique("計画"), 2026, 2030)));
        rule("GoalService.savePillar(PillarForm)", Access.COORDINATOR, r -> goals.savePillar(
                new GoalForms.PillarForm(null, 0, r.plan().getId(), 2, "居場所づくり")));
        rule("GoalService.saveInitiative(InitiativeForm)", Access.COORDINATOR, r -> goals.saveInitiative(
                new GoalForms.InitiativeForm(null, 0, r.pillar().getId(), 2, "居場所の継続")));
        rule("GoalService.saveTargetImage(TargetImageForm)", Access.COORDINATOR, r -> goals.saveTargetImage(
                new GoalForms.TargetImageForm(null, 0, r.initiative().getId(), "親子が集える", null)));
        rule("GoalService.addNote(Long,LocalDate,String)", Access.COORDINATOR,
                r -> goals.addNote(-1L, LocalDate.now(), "メモ"));
        rule("GoalService.saveIndicator(IndicatorForm)", Access.COORDINATOR,
                r -> goals.saveIndicator(r.indicatorForm(TestFixtures.unique("指標"))));
        rule("GoalService.deletePillar(Long,long)", Access.COORDINATOR,
                r -> run(() -> goals.deletePillar(r.pillar().getId(), r.pillar().getVersion())));
        rule("GoalService.deleteInitiative(Long,long)", Access.COORDINATOR,
                r -> run(() -> goals.deleteInitiative(r.initiative().getId(), r.initiative().getVersion())));
        rule("GoalService.deleteTargetImage(Long,long)", Access.COORDINATOR,
                r -> run(() -> goals.deleteTargetImage(-1L, 0)));
        rule("GoalService.deleteIndicator(Long,long)", Access.COORDINATOR,
                r -> run(() -> goals.deleteIndicator(r.indicator().getId(), r.indicator().getVersion())));

        // --- GoalCsv ---
        rule("GoalCsv.exportStructure(Long)", Access.COORDINATOR, r -> goalCsv.exportStructure(r.plan().getId()));
        rule("GoalCsv.exportResults(Long)", Access.COORDINATOR, r -> goalCsv.exportResults(r.plan().getId()));
        rule("GoalCsv.exportFigures(Long)", Access.COORDINATOR, r -> goalCsv.exportFigures(r.plan().getId()));
        rule("GoalCsv.importStructure(Long,InputStream)", Access.COORDINATOR, r -> goalCsv.importStructure(
                r.plan().getId(), new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8))));
        rule("GoalCsv.importResults(Long,InputStream)", Access.COORDINATOR, r -> goalCsv.importResults(
                r.plan().getId(), new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8))));

        // --- EventInitiatives (the goals' catalogue as the event form sees it) ---
        rule("EventInitiatives.exists(Long)", Access.PUBLIC);
        rule("EventInitiatives.choices()", Access.PUBLIC);

        // --- ReferenceDataService ---
        rule("ReferenceDataService.activeDistricts()", Access.PUBLIC);
        rule("ReferenceDataService.activeKinds()", Access.PUBLIC);
        rule("ReferenceDataService.findDistrict(Long)", Access.PUBLIC);
        rule("ReferenceDataService.findKind(Long)", Access.PUBLIC);
        rule("ReferenceDataService.findDistrictByCode(String)", Access.PUBLIC);
        rule("ReferenceDataService.findKindByCode(String)", Access.PUBLIC);
        rule("ReferenceDataService.allDistricts()", Access.COORDINATOR, r -> reference.allDistricts());
        rule("ReferenceDataService.allKinds()", Access.COORDINATOR, r -> reference.allKinds());
        rule("ReferenceDataService.saveDistrict(District)", Access.COORDINATOR, r -> reference.saveDistrict(
                new District(TestFixtures.unique("d"), "地区", "District", 1)));
        rule("ReferenceDataService.saveKind(EventKind)", Access.COORDINATOR, r -> reference.saveKind(
                new EventKind(TestFixtures.unique("k"), "種類", "Kind", 1)));

        // --- OrganisationService ---
        rule("OrganisationService.findAll()", Access.COORDINATOR, r -> organisationService.findAll());
        rule("OrganisationService.find(Long)", Access.PUBLIC, r -> organisationService.find(r.people.a().getId()));
        rule("OrganisationService.save(Organisation)", Access.COORDINATOR, r -> organisationService.save(
                new Organisation(TestFixtures.unique("団体"), OrganisationKind.NPO, null)));

        // --- AccountService ---
        rule("AccountService.page(int,int)", Access.COORDINATOR, r -> accounts.page(0, 10));
        rule("AccountService.count()", Access.COORDINATOR, r -> accounts.count());
        rule("AccountService.create(NewAccount)", Access.COORDINATOR, r -> accounts.create(
                new AccountService.NewAccount(TestFixtures.unique("new"), "新しい人", AccountRole.MEMBER,
                        r.people.a().getId(), TestFixtures.PASSWORD)));
        rule("AccountService.setEnabled(Long,long,boolean)", Access.COORDINATOR, r -> {
            Account account = r.account();
            return accounts.setEnabled(account.getId(), account.getVersion(), false);
        });
        rule("AccountService.resetPassword(Long,long,String)", Access.COORDINATOR, r -> {
            Account account = r.account();
            return accounts.resetPassword(account.getId(), account.getVersion(), "another-long-passphrase");
        });
        rule("AccountService.changeOwnPassword(String,String)", Access.STAFF,
                r -> run(() -> accounts.changeOwnPassword("wrong-current-password", "another-long-passphrase")));
        // Called by the login listener when a login succeeds: it stamps a time and reads nothing back.
        rule("AccountService.recordLogin(String,String)", Access.SYSTEM);
        // Spring Security's own lookup during the login, before anyone is logged in.
        rule("AccountUserDetailsService.loadUserByUsername(String)", Access.SYSTEM);
        // Counted by the login failure listener, before anyone is logged in.
        rule("AccountService.recordFailedLogin(String,String)", Access.SYSTEM);
        // Asked by the login filter before anyone is logged in; answers alike whether an account has the name.
        rule("AccountService.isLoginLocked(String,String)", Access.SYSTEM);
        // Read by the mail notifier after a moderation action has committed, with nobody logged in.
        rule("AccountService.notificationRecipients(Long,Long)", Access.SYSTEM);
        // Reads only the account object the caller already holds.
        rule("AccountService.isLocked(Account)", Access.PUBLIC);
        rule("AccountService.ownEmail()", Access.STAFF, r -> accounts.ownEmail());
        rule("AccountService.changeOwnEmail(String)", Access.STAFF, r -> run(() -> accounts.changeOwnEmail(null)));
        rule("AccountService.setEmail(Long,long,String)", Access.COORDINATOR, r -> {
            Account account = r.account();
            return accounts.setEmail(account.getId(), account.getVersion(), "office-set@example.jp");
        });
        rule("AccountService.unlock(Long,long)", Access.COORDINATOR, r -> {
            Account account = r.account();
            return accounts.unlock(account.getId(), account.getVersion());
        });

        // --- AuditService ---
        rule("AuditService.entries(AuditFilter,int,int)", Access.COORDINATOR,
                r -> audit.entries(AuditFilter.all(), 0, 5));
        rule("AuditService.count(AuditFilter)", Access.COORDINATOR, r -> audit.count(AuditFilter.all()));
        // Field names, who and when only — no values — for the concurrent-edit dialog of anyone logged in.
        rule("AuditService.changesSince(String,Long,long)", Access.STAFF,
                r -> audit.changesSince("Event", r.event().getId(), 0));

        // --- BackupService ---
        rule("BackupService.supported()", Access.COORDINATOR, r -> backups.supported());
        rule("BackupService.directory()", Access.COORDINATOR, r -> backups.directory());
        rule("BackupService.backups()", Access.COORDINATOR, r -> backups.backups());
        // Classified only: the test database lives in memory and has no files to back up (BackupRestoreTest).
        rule("BackupService.backupNow()", Access.COORDINATOR);
    }

    private static Object run(Runnable work) {
        work.run();
        return null;
    }

    /** Whether a list of records holds the one of organisation A that {@code id} names. */
    private static BiPredicate<Records, Object> containsId(Function<Records, Long> id) {
        return (records, result) -> {
            Long wanted = id.apply(records);
            for (Object element : (List<?>) result) {
                try {
                    if (wanted.equals(element.getClass().getMethod("getId").invoke(element))) {
                        return true;
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return false;
        };
    }

    /** Every public method of every {@code @Service}, as "Class.method(ParamTypes)". */
    private Map<String, Method> discoveredMethods() {
        Map<String, Method> found = new TreeMap<>();
        try (ScanResult scan = new ClassGraph().enableClassInfo().enableAnnotationInfo().ignoreClassVisibility()
                .acceptPackages("jp.kosodatehub").scan()) {
            scan.getClassesWithAnnotation(Service.class).forEach(info -> {
                Class<?> type = info.loadClass();
                for (Method method : type.getDeclaredMethods()) {
                    if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
                            && !method.isSynthetic()) {
                        found.put(signature(method), method);
                    }
                }
            });
        }
        return found;
    }

    private static String signature(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName() + "("
                + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(","))
                + ")";
    }

    @Test
    void everyPublicServiceMethodHasAnAccessRule() {
        table();
        Set<String> discovered = discoveredMethods().keySet();
        Set<String> missing = new TreeSet<>(discovered);
        missing.removeAll(methods.keySet());
        Set<String> stale = new TreeSet<>(methods.keySet());
        stale.removeAll(discovered);
        assertThat(missing).as("public service methods without an access rule: classify them").isEmpty();
        assertThat(stale).as("rules for methods that no longer exist").isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyServiceMethodAllowsAndRefusesAsTheTableSays() {
        table();
        Map<String, Method> discovered = discoveredMethods();
        List<DynamicTest> tests = new ArrayList<>();
        methods.forEach((signature, rule) -> {
            if (rule.call() == null || !discovered.containsKey(signature)) {
                return;
            }
            for (Caller caller : Caller.values()) {
                tests.add(DynamicTest.dynamicTest(signature + " as " + caller,
                        () -> checkMethod(discovered.get(signature), rule, caller)));
            }
        });
        return tests.stream();
    }

    private void checkMethod(Method method, MethodRule rule, Caller caller) {
        Records records = new Records();
        records.caller = caller;
        // Build organisation A's records before switching to the caller, so each caller meets fresh ones.
        Object result = null;
        Throwable thrown = null;
        SecurityContextHolder.clearContext();
        try {
            records.prepare(rule.call());
            result = switch (caller) {
                case ANONYMOUS -> {
                    SecurityContextHolder.clearContext();
                    yield rule.call().invoke(records);
                }
                case MEMBER_A -> as(people().memberA(), rule.call(), records);
                case MEMBER_B -> as(people().memberB(), rule.call(), records);
                case COORDINATOR -> as(people().coordinator(), rule.call(), records);
            };
        } catch (Throwable e) {
            thrown = e instanceof InvocationTargetException ite ? ite.getCause() : e;
        }
        String what = signature(method) + " as " + caller;
        if (rule.access().allows(caller)) {
            if (thrown instanceof AccessDeniedException || thrown instanceof AuthenticationCredentialsNotFoundException
                    || thrown instanceof AssertionError) {
                fail(what + " should be allowed but threw " + thrown, thrown);
            }
            if (caller == Caller.MEMBER_B && rule.showsA() != null && thrown == null) {
                assertThat(rule.showsA().test(records, result)).as(what + " must not show organisation A's records")
                        .isFalse();
            }
        } else if (caller == Caller.ANONYMOUS) {
            Class<? extends Throwable> expected = guardedByMethodSecurity(method)
                    ? AuthenticationCredentialsNotFoundException.class : AccessDeniedException.class;
            assertThat(thrown).as(what).isInstanceOf(expected);
        } else {
            assertThat(thrown).as(what).isInstanceOf(AccessDeniedException.class);
        }
    }

    private static boolean guardedByMethodSecurity(Method method) {
        return method.isAnnotationPresent(RolesAllowed.class);
    }

    private Object as(String username, Call call, Records records) {
        return fixtures.as(username, () -> {
            try {
                return call.invoke(records);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    // =====================================================================================================
    // Organisation A's records, made on first use, fresh for each check
    // =====================================================================================================

    /** Organisation A's records, each made on first use by its member or the office, never by the caller. */
    final class Records {

        final People people = people();
        Caller caller;
        private Event event;
        private Event submittedEvent;
        private Event publishedEvent;
        private Opening opening;
        private Opening submittedOpening;
        private Opening publishedOpening;
        private Applicant applicant;
        private Story story;
        private Plan plan;
        private Pillar pillar;
        private Initiative initiative;
        private Indicator indicator;
        private IndicatorResult result;
        private Account account;

        /** Runs the call once without a login: the records it asks for are made, the call itself is refused. */
        void prepare(Call call) {
            try {
                call.invoke(this);
            } catch (Throwable ignored) {
                // Only the records' creation matters here; the call itself fails for lack of a login.
            }
        }

        <T> T asMemberA(java.util.function.Supplier<T> work) {
            return fixtures.as(people.memberA(), work);
        }

        private <T> T asOffice(java.util.function.Supplier<T> work) {
            return fixtures.as(people.coordinator(), work);
        }

        Event event() {
            if (event == null) {
                event = asMemberA(() -> events.save(TestFixtures.draft(people.kind(), TestFixtures.unique("催し"))));
            }
            return event;
        }

        EventDraft eventDraft() {
            Long id = event().getId();
            EventDraft draft = asMemberA(() -> events.loadForEdit(id));
            return draft;
        }

        Event submittedEvent() {
            if (submittedEvent == null) {
                Event draft = asMemberA(() -> events.save(TestFixtures.draft(people.kind(), TestFixtures.unique("催し"))));
                submittedEvent = asMemberA(() -> events.submit(draft.getId(), draft.getVersion()));
            }
            return submittedEvent;
        }

        Event publishedEvent() {
            if (publishedEvent == null) {
                Event submitted = submittedEvent();
                publishedEvent = asOffice(() -> events.publish(submitted.getId(), submitted.getVersion()));
                submittedEvent = null;
            }
            return publishedEvent;
        }

        Opening opening() {
            if (opening == null) {
                opening = asMemberA(() -> openings.save(VolunteerFixtures.draft(TestFixtures.unique("受付"))));
            }
            return opening;
        }

        Opening submittedOpening() {
            if (submittedOpening == null) {
                Opening draft = asMemberA(() -> openings.save(VolunteerFixtures.draft(TestFixtures.unique("受付"))));
                submittedOpening = asMemberA(() -> openings.submit(draft.getId(), draft.getVersion()));
            }
            return submittedOpening;
        }

        Opening publishedOpening() {
            if (publishedOpening == null) {
                publishedOpening = volunteers.publishedOpening(people.a(), EnumSet.of(SupporterType.ANYONE), null);
            }
            return publishedOpening;
        }

        Applicant applicant() {
            if (applicant == null) {
                applicant = volunteers.applicant(publishedOpening(), TestFixtures.unique("応募者"),
                        TestFixtures.unique("a") + "@example.jp", ApplicantStatus.NEW, Instant.now());
            }
            return applicant;
        }

        Story story() {
            if (story == null) {
                StoryDraft draft = new StoryDraft();
                draft.setAuthorLabel("大学生ボランティア Aさん");
                draft.setSupporterType(SupporterType.UNIVERSITY);
                draft.setText("毎週の見守りが楽しみになりました");
                draft.setPhotoConsent(false);
                story = asMemberA(() -> stories.save(draft));
            }
            return story;
        }

        Plan plan() {
            if (plan == null) {
                plan = asOffice(() -> goals.savePlan(
                        new GoalForms.PlanForm(null, 0, TestFixtures.unique("第5期 協働の指針"), 2026, 2030)));
            }
            return plan;
        }

        Pillar pillar() {
            if (pillar == null) {
                Long planId = plan().getId();
                pillar = asOffice(() -> goals.savePillar(new GoalForms.PillarForm(null, 0, planId, 1, "発信の仕組み")));
            }
            return pillar;
        }

        Initiative initiative() {
            if (initiative == null) {
                Long pillarId = pillar().getId();
                initiative = asOffice(() -> goals.saveInitiative(
                        new GoalForms.InitiativeForm(null, 0, pillarId, 1, "情報集約と発信")));
            }
            return initiative;
        }

        IndicatorForm indicatorForm(String name) {
            return new IndicatorForm(null, 0, initiative().getId(), name, "か所", IndicatorKind.COUNT,
                    Direction.INCREASE, new BigDecimal("8"), LocalDate.of(2022, 3, 31), new BigDecimal("10"), 2030,
                    people.a().getId(), null, UpdateFrequency.YEARLY, List.of(), null);
        }

        Indicator indicator() {
            if (indicator == null) {
                IndicatorForm form = indicatorForm(TestFixtures.unique("子ども食堂の数"));
                indicator = asOffice(() -> goals.saveIndicator(form));
            }
            return indicator;
        }

        IndicatorResult result() {
            if (result == null) {
                Long id = indicator().getId();
                result = asMemberA(() -> goals.recordResult(new GoalForms.ResultForm(id, LocalDate.of(2026, 9, 30),
                        null, new BigDecimal("8"), null, null, null)));
            }
            return result;
        }

        Account account() {
            if (account == null) {
                account = fixtures.account(fixtures.member(people.a()));
            }
            return account;
        }
    }

}
