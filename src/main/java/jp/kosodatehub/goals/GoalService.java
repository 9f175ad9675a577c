package jp.kosodatehub.goals;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.kosodatehub.base.NotFoundException;
import jp.kosodatehub.base.validation.Problems;
import jp.kosodatehub.base.validation.TextRules;
import jp.kosodatehub.events.EventFilter;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.goals.GoalForms.InitiativeForm;
import jp.kosodatehub.goals.GoalForms.PillarForm;
import jp.kosodatehub.goals.GoalForms.PlanForm;
import jp.kosodatehub.goals.GoalForms.ResultForm;
import jp.kosodatehub.goals.GoalForms.TargetImageForm;
import jp.kosodatehub.goals.GoalProgress.Progress;
import jp.kosodatehub.organisations.OrganisationService;
import jp.kosodatehub.reference.District;
import jp.kosodatehub.reference.EventKind;
import jp.kosodatehub.reference.ReferenceDataService;
import jp.kosodatehub.security.AppUser;
import jp.kosodatehub.security.CurrentUser;
import jp.kosodatehub.security.Roles;
import jp.kosodatehub.volunteers.VolunteerStatistics;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The network's shared goals. Anyone may read the plan, its results and its progress: they are the network's public
 * account of itself. Only the office changes the structure. Results are recorded by the office for any indicator
 * and by a member only for the indicators their own organisation is responsible for.
 */
@Service
public class GoalService {

    static final int FISCAL_YEAR_MIN = 1989;
    static final int FISCAL_YEAR_MAX = 2100;
    static final int NUMBER_MAX = 99;
    static final int VALUE_SCALE_MAX = 4;
    /** What a computed result shows as "recorded by": nobody typed it in. */
    public static final String COMPUTED_BY = "system";

    private final PlanRepository plans;
    private final PillarRepository pillars;
    private final InitiativeRepository initiatives;
    private final TargetImageRepository images;
    private final TargetImageNoteRepository notes;
    private final IndicatorRepository indicators;
    private final IndicatorResultRepository results;
    private final OrganisationService organisations;
    private final ReferenceDataService reference;
    private final EventService events;
    private final VolunteerStatistics volunteers;
    private final CurrentUser currentUser;
    private final Clock clock;

    GoalService(PlanRepository plans, PillarRepository pillars, InitiativeRepository initiatives,
                TargetImageRepository images, TargetImageNoteRepository notes, IndicatorRepository indicators,
                IndicatorResultRepository results, OrganisationService organisations, ReferenceDataService reference,
                EventService events, VolunteerStatistics volunteers, CurrentUser currentUser, Clock clock) {
        this.plans = plans;
        this.pillars = pillars;
        this.initiatives = initiatives;
        this.images = images;
        this.notes = notes;
        this.indicators = indicators;
        this.results = results;
        this.organisations = organisations;
        this.reference = reference;
        this.events = events;
        this.volunteers = volunteers;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    // --- reading: public ---------------------------------------------------------------------------------------

    /** Every plan, the latest period first. */
    @Transactional(readOnly = true)
    public List<Plan> plans() {
        return plans.findAllByOrderByFirstFiscalYearDescIdDesc();
    }

    @Transactional(readOnly = true)
    public Plan plan(Long id) {
        return plans.findById(id == null ? -1 : id).orElseThrow(() -> new NotFoundException("No plan " + id));
    }

    @Transactional(readOnly = true)
    public PlanTree tree(Long planId) {
        Plan plan = plan(planId);
        List<Pillar> planPillars = pillars.findByPlanIdOrderByNumberAscIdAsc(plan.getId());
        List<Initiative> planInitiatives = planPillars.isEmpty() ? List.of()
                : initiatives.findByPillarIdInOrderByNumberAscIdAsc(ids(planPillars, Pillar::getId));
        Set<Long> initiativeIds = ids(planInitiatives, Initiative::getId);
        Map<Long, List<TargetImage>> imagesByInitiative = initiativeIds.isEmpty() ? Map.of()
                : images.findByInitiativeIdInOrderBySortOrderAscIdAsc(initiativeIds).stream()
                        .collect(Collectors.groupingBy(TargetImage::getInitiativeId));
        Map<Long, List<Indicator>> indicatorsByInitiative = initiativeIds.isEmpty() ? Map.of()
                : indicators.findByInitiativeIdInOrderByIdAsc(initiativeIds).stream()
                        .collect(Collectors.groupingBy(Indicator::getInitiativeId));
        List<PlanTree.PillarNode> nodes = new ArrayList<>();
        for (Pillar pillar : planPillars) {
            List<PlanTree.InitiativeNode> children = planInitiatives.stream()
                    .filter(initiative -> initiative.getPillarId().equals(pillar.getId()))
                    .map(initiative -> new PlanTree.InitiativeNode(initiative,
                            imagesByInitiative.getOrDefault(initiative.getId(), List.of()),
                            indicatorsByInitiative.getOrDefault(initiative.getId(), List.of())))
                    .toList();
            nodes.add(new PlanTree.PillarNode(pillar, children));
        }
        return new PlanTree(plan, nodes);
    }

    /** One initiative with its pillar, plan, target images and indicators, for its own page. */
    @Transactional(readOnly = true)
    public InitiativePage initiativePage(Long id) {
        Initiative initiative = initiative(id);
        Pillar pillar = pillars.findById(initiative.getPillarId()).orElseThrow();
        Plan plan = plan(pillar.getPlanId());
        List<TargetImage> targetImages = images.findByInitiativeIdInOrderBySortOrderAscIdAsc(
                List.of(initiative.getId()));
        List<Indicator> initiativeIndicators = indicators.findByInitiativeIdInOrderByIdAsc(
                List.of(initiative.getId()));
        return new InitiativePage(plan, pillar, initiative, EventInitiatives.label(pillar, initiative),
                targetImages, initiativeIndicators);
    }

    /** What an initiative's page shows of the plan; the label numbers it as the plan does ("1-②"). */
    public record InitiativePage(Plan plan, Pillar pillar, Initiative initiative, String label,
                                 List<TargetImage> targetImages, List<Indicator> indicators) {
    }

    @Transactional(readOnly = true)
    public Indicator indicator(Long id) {
        return indicators.findById(id == null ? -1 : id)
                .orElseThrow(() -> new NotFoundException("No indicator " + id));
    }

    /**
     * The indicator that stands for a computed count on pages outside the plan, such as the volunteers' totals: the
     * first one computed from the source in the plan the goals page shows (the newest covering this fiscal year,
     * else the newest), if any.
     */
    @Transactional(readOnly = true)
    public Optional<Indicator> firstComputed(ComputedDefinition.Source source) {
        List<Indicator> candidates = indicators.findByComputedSourceOrderByIdAsc(source);
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        int thisYear = FiscalYear.of(today());
        List<Plan> ordered = new ArrayList<>(plans());
        // Stable sort: plans covering this year first, each group still newest first.
        ordered.sort(Comparator.comparing((Plan plan) -> !plan.covers(thisYear)));
        Map<Long, Integer> rank = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            rank.put(ordered.get(i).getId(), i);
        }
        return candidates.stream().min(Comparator.comparing(
                (Indicator indicator) -> rank.getOrDefault(planOf(indicator).getId(), Integer.MAX_VALUE))
                .thenComparing(Indicator::getId));
    }

    /** The plan an indicator belongs to, for its period. */
    @Transactional(readOnly = true)
    public Plan planOf(Indicator indicator) {
        Initiative initiative = initiatives.findById(indicator.getInitiativeId()).orElseThrow();
        return plan(pillars.findById(initiative.getPillarId()).orElseThrow().getPlanId());
    }

    @Transactional(readOnly = true)
    public List<TargetImageNote> notes(Long targetImageId) {
        return notes.findByTargetImageIdOrderByDateAscIdAsc(targetImageId);
    }

    /** Every result ever recorded for the indicator, corrected ones included, oldest date first. */
    @Transactional(readOnly = true)
    public List<IndicatorResult> history(Long indicatorId) {
        Indicator indicator = indicator(indicatorId);
        return indicator.isComputed() ? computedResults(indicator)
                : results.findByIndicatorIdOrderByDateAscIdAsc(indicator.getId());
    }

    /**
     * The results that count: those no later result corrects. For a computed indicator, one result per fiscal year
     * from the baseline's year to the current one (at most the target year), counted now and not stored.
     */
    @Transactional(readOnly = true)
    public List<IndicatorResult> currentResults(Long indicatorId) {
        Indicator indicator = indicator(indicatorId);
        return indicator.isComputed() ? computedResults(indicator) : results.current(indicator.getId());
    }

    @Transactional(readOnly = true)
    public Progress progress(Long indicatorId) {
        Indicator indicator = indicator(indicatorId);
        return progress(indicator, planOf(indicator), currentResults(indicatorId));
    }

    /**
     * The indicator's figures over time as its chart plots them, computed as its progress is: totals of each date,
     * or one figure per fiscal year.
     */
    @Transactional(readOnly = true)
    public List<GoalProgress.Figure> figures(Long indicatorId) {
        Indicator indicator = indicator(indicatorId);
        return GoalProgress.figures(indicator.getAggregation(), indicator.getKind(),
                currentResults(indicatorId).stream().map(IndicatorResult::asValue).toList(), wholeYear(indicator));
    }

    /** Progress of every indicator of a plan, by indicator id. */
    @Transactional(readOnly = true)
    public Map<Long, Progress> progressOfPlan(Long planId) {
        PlanTree tree = tree(planId);
        Map<Long, Progress> progress = new LinkedHashMap<>();
        tree.indicators().forEach(indicator -> progress.put(indicator.getId(),
                progress(indicator, tree.plan(), indicator.isComputed() ? computedResults(indicator)
                        : results.current(indicator.getId()))));
        return progress;
    }

    private Progress progress(Indicator indicator, Plan plan, List<IndicatorResult> current) {
        GoalProgress.Spec spec = new GoalProgress.Spec(indicator.getKind(), indicator.getDirection(),
                indicator.getBaselineValue(), indicator.getTargetValue(), plan.firstDay(),
                FiscalYear.lastDay(indicator.getTargetFiscalYear()), indicator.getFrequency(),
                indicator.getAggregation(), wholeYear(indicator));
        Progress progress = GoalProgress.evaluate(spec, current.stream().map(IndicatorResult::asValue).toList(),
                today());
        // A count kept by the hub itself is as fresh as the calendar: never stale.
        return indicator.isComputed() ? progress.withStale(false) : progress;
    }

    /** Event dates are counted for the whole fiscal year, those still to come included: no pace to measure. */
    private static boolean wholeYear(Indicator indicator) {
        return indicator.isComputed() && indicator.getComputed().source() == ComputedDefinition.Source.EVENT_DATES;
    }

    private List<IndicatorResult> computedResults(Indicator indicator) {
        ComputedDefinition definition = indicator.getComputed();
        return switch (definition.source()) {
            case EVENT_DATES -> eventDateResults(indicator, definition);
            case VOLUNTEERS_RECRUITED -> perFiscalYear(indicator,
                    (from, to) -> BigDecimal.valueOf(volunteers.recruited(from, to)));
            case VOLUNTEER_HOURS -> perFiscalYear(indicator, volunteers::hours);
        };
    }

    private List<IndicatorResult> eventDateResults(Indicator indicator, ComputedDefinition definition) {
        Long kindId = null;
        Long districtId = null;
        if (definition.kindCode() != null) {
            Optional<EventKind> kind = reference.findKindByCode(definition.kindCode());
            if (kind.isEmpty()) {
                return List.of();
            }
            kindId = kind.get().getId();
        }
        if (definition.districtCode() != null) {
            Optional<District> district = reference.findDistrictByCode(definition.districtCode());
            if (district.isEmpty()) {
                return List.of();
            }
            districtId = district.get().getId();
        }
        EventFilter filter = new EventFilter(null, kindId, null, districtId, null, null,
                definition.weekendOrHoliday(), false, false, false, definition.targetGroup(), Set.of());
        return perFiscalYear(indicator, (from, to) -> BigDecimal.valueOf(events.countPublicDates(filter, from, to)));
    }

    /** One result per fiscal year from the baseline's to the current one (at most the target year), dated its end. */
    private List<IndicatorResult> perFiscalYear(Indicator indicator,
                                                BiFunction<LocalDate, LocalDate, BigDecimal> count) {
        LocalDate today = today();
        int last = Math.min(FiscalYear.of(today), indicator.getTargetFiscalYear());
        List<IndicatorResult> computed = new ArrayList<>();
        for (int year = FiscalYear.of(indicator.getBaselineDate()); year <= last; year++) {
            BigDecimal value = count.apply(FiscalYear.firstDay(year), FiscalYear.lastDay(year));
            LocalDate date = FiscalYear.lastDay(year).isAfter(today) ? today : FiscalYear.lastDay(year);
            computed.add(new IndicatorResult(indicator.getId(), date, null, value, null,
                    FiscalYear.eraLabel(year), COMPUTED_BY, clock.instant(), null));
        }
        return computed;
    }

    // --- members -----------------------------------------------------------------------------------------------

    /** The indicators the caller records results for: their organisation's, or all of them for the office. */
    @Transactional(readOnly = true)
    @PermitAll
    public List<Indicator> myIndicators() {
        AppUser user = currentUser.require();
        return user.isCoordinator() ? indicators.findAll().stream().filter(i -> !i.isComputed()).toList()
                : indicators.findByResponsibleOrganisationIdOrderByIdAsc(user.organisationId()).stream()
                        .filter(i -> !i.isComputed()).toList();
    }

    /** Whether the caller may record results for the indicator; views use it to show or hide the form. */
    @Transactional(readOnly = true)
    public boolean canRecord(Long indicatorId) {
        Optional<AppUser> user = currentUser.get();
        Indicator indicator = indicator(indicatorId);
        return user.isPresent() && !indicator.isComputed() && mayRecord(user.get(), indicator);
    }

    /**
     * Records a result, or with {@code correctsId} a correction of one: a new record for the same date and
     * breakdown, which from then on counts instead of the one it corrects. Nothing is ever overwritten.
     */
    @Transactional
    @PermitAll
    public IndicatorResult recordResult(ResultForm form) {
        AppUser user = currentUser.require();
        Indicator indicator = indicator(form.indicatorId());
        if (!mayRecord(user, indicator)) {
            throw new AccessDeniedException("Indicator " + indicator.getId() + " is another organisation's");
        }
        Problems problems = new Problems();
        problems.require(!indicator.isComputed(), "indicator", "goals.validation.computed-no-entry");
        problems.require(form.date() != null, "date", "validation.required");
        if (form.date() != null) {
            problems.require(!form.date().isAfter(today()), "date", "goals.validation.date-in-future");
            problems.require(FiscalYear.of(form.date()) >= FISCAL_YEAR_MIN, "date", "goals.validation.year-range");
        }
        String breakdown = TextRules.normalise(form.breakdown());
        problems.require(breakdown == null || indicator.getBreakdowns().contains(breakdown), "breakdown",
                "goals.validation.unknown-breakdown");
        checkValue(problems, "value", indicator.getKind(), form.value(), true);
        String note = TextRules.normalise(form.note());
        String source = TextRules.normalise(form.source());
        problems.text("note", note, false, IndicatorResult.NOTE_MAX, true);
        problems.text("source", source, false, IndicatorResult.SOURCE_MAX, false);
        if (form.correctsId() != null) {
            IndicatorResult corrected = results.findById(form.correctsId())
                    .orElseThrow(() -> new NotFoundException("No result " + form.correctsId()));
            problems.require(corrected.getIndicatorId().equals(indicator.getId())
                    && corrected.getDate().equals(form.date())
                    && java.util.Objects.equals(corrected.getBreakdown(), breakdown),
                    "correctsId", "goals.validation.correction-mismatch");
            problems.require(!results.existsByCorrectsId(corrected.getId()), "correctsId",
                    "goals.validation.already-corrected");
        }
        problems.throwIfAny();
        return results.saveAndFlush(new IndicatorResult(indicator.getId(), form.date(), breakdown,
                form.value().stripTrailingZeros(), note, source, user.displayName(), clock.instant(),
                form.correctsId()));
    }

    /** Corrects a result with a new value: a new record for the same date and breakdown. */
    @Transactional
    @PermitAll
    public IndicatorResult correctResult(Long resultId, BigDecimal value, String note, String source) {
        IndicatorResult original = results.findById(resultId == null ? -1 : resultId)
                .orElseThrow(() -> new NotFoundException("No result " + resultId));
        return recordResult(new ResultForm(original.getIndicatorId(), original.getDate(), original.getBreakdown(),
                value, note, source, original.getId()));
    }

    private static boolean mayRecord(AppUser user, Indicator indicator) {
        return user.isCoordinator() || (indicator.getResponsibleOrganisationId() != null
                && user.isMemberOf(indicator.getResponsibleOrganisationId()));
    }

    // --- the office: structure ---------------------------------------------------------------------------------

    @Transactional
    @RolesAllowed(Roles.COORDINATOR)
    public Plan savePlan(PlanForm form) {
        String name = TextRules.normalise(form.name());
        Problems problems = new Problems().text("name", name, true, Plan.NAME_MAX, false);
        checkYear(problems, "firstFiscalYear", form.firstFiscalYear());
        checkYear(problems, "lastFiscalYear", form.lastFiscalYear());
        if (form.firstFiscalYear() != null && form.lastFiscalYear() != null) {
            problems.require(form.lastFiscalYear() >= form.firstFiscalYear(), "lastFiscalYear",
                    "goals.validation.period-order");
        }
        if (form.id() == null) {
            problems.throwIfAny();
            return plans.saveAndFlush(new Plan(name, form.firstFiscalYear(), form.lastFiscalYear()));
        }
        Plan plan = plan(form.id());
        checkVersion(plan.getVersion(), form.version(), "Plan " + plan.getId());
        problems.throwIfAny();
        plan.update(name, form.firstFiscalYear(), form.lastFiscalYear());
        return plans.saveAndFlush(plan);
    }

    @Transactional
    @RolesAllowed(Roles.COORDINATOR)
    public Pillar savePillar(PillarForm form) {
        Plan plan = plan(form.planId());
        String title = TextRules.normalise(form.title());
        Problems problems = new Problems().text("title", title, true, Pillar.TITLE_MAX, false);
        checkNumber(problems, form.number());
        if (form.number() != null) {
            problems.require(!pillars.existsByPlanIdAndNumberAndIdNot(plan.getId(), form.number(),
                    form.id() == null ? -1 : form.id()), "number", "goals.validation.number-taken");
        }
        if (form.id() == null) {
            problems.throwIfAny();
            return pillars.saveAndFlush(new Pillar(plan.getId(), form.number(), title));
        }
        Pillar pillar = pillars.findById(form.id()).filter(p -> p.getPlanId().equals(plan.getId()))
                .orElseThrow(() -> new NotFoundException("No pillar " + form.id()));
        checkVersion(pillar.getVersion(), form.version(), "Pillar " + pillar.getId());
        problems.throwIfAny();
        pillar.update(form.number(), title);
        return pillars.saveAndFlush(pillar);
    }

    @Transactional
    @RolesAllowed(Roles.COORDINATOR)
    public Initiative saveInitiative(InitiativeForm form) {
        Pillar pillar = pillars.findById(form.pillarId() == null ? -1 : form.pillarId())
                .orElseThrow(() -> new NotFoundException("No pillar " + form.pillarId()));
        String title = TextRules.normalise(form.title());
        Problems problems = new Problems().text("title", title, true, Initiative.TITLE_MAX, false);
        checkNumber(problems, form.number());
        if (form.number() != null) {
            problems.require(!initiatives.existsByPillarIdAndNumberAndIdNot(pillar.getId(), form.number(),
                    form.id() == null ? -1 : form.id()), "number", "goals.validation.number-taken");
        }
        if (form.id() == null) {
            problems.throwIfAny();
            return initiatives.saveAndFlush(new Initiative(pillar.getId(), form.number(), title));
        }
        Initiative initiative = initiatives.findById(form.id()).filter(i -> i.getPillarId().equals(pillar.getId()))
                .orElseThrow(() -> new NotFoundException("No initiative " + form.id()));
        checkVersion(initiative.getVersion(), form.version(), "Initiative " + initiative.getId());
        problems.throwIfAny();
        initiative.update(form.number(), title);
        return initiatives.saveAndFlush(initiative);
    }

    @Transactional
    @RolesAllowed(Roles.COORDINATOR)
    public TargetImage saveTargetImage(TargetImageForm form) {
        Initiative initiative = initiative(form.initiativeId());
        String text = TextRules.normalise(form.text());
        Problems problems = new Problems().text("text", text, true, TargetImage.TEXT_MAX, true);
        problems.require(form.status() != null, "status", "validation.required");
        if (form.id() == null) {
            problems.throwIfAny();
            int order = (int) images.countByInitiativeId(initiative.getId()) + 1;
            return images.saveAndFlush(new TargetImage(initiative.getId(), order, text, form.status()));
        }
        TargetImage image = images.findById(form.id()).filter(i -> i.getInitiativeId().equals(initiative.getId()))
                .orElseThrow(() -> new NotFoundException("No target image " + form.id()));
        checkVersion(image.getVersion(), form.version(), "Target image " + image.getId());
        problems.throwIfAny();
        image.update(text, form.status());
        return images.saveAndFlush(image);
    }

    /** Adds a dated note to a target image, e.g. what the yearly review found; notes are never edited. */
    @Transactional
    @RolesAllowed(Roles.COORDINATOR)
    public TargetImageNote addNote(Long targetImageId, LocalDate date, String text) {
        TargetImage image = images.findById(targetImageId == null ? -1 : targetImageId)
                .orElseThrow(() -> new NotFoundException("No target image " + targetImageId));
        String normalised = TextRules.normalise(text);
        Problems problems = new Problems().text("text", normalised, true, TargetImageNote.TEXT_MAX, true);
        problems.require(date != null, "date", "validation.required");
        problems.require(date == null || !date.isAfter(today()), "date", "goals.validation.date-in-future");
        problems.throwIfAny();
        return notes.saveAndFlush(new TargetImageNote(image.getId(), date, normalised,
                currentUser.require().displayName(), clock.instant()));
    }

    @Transactional
    @RolesAllowed(Roles.COORDINATOR)
    public Indicator saveIndicator(IndicatorForm form) {
        Initiative initiative = initiative(form.initiativeId());
        Plan plan = plan(pillars.findById(initiative.getPillarId()).orElseThrow().getPlanId());
        IndicatorForm clean = normalise(form);
        Problems problems = validate(clean, plan);
        if (clean.id() == null) {
            problems.throwIfAny();
            return indicators.saveAndFlush(new Indicator(clean));
        }
        Indicator indicator = indicator(clean.id());
        checkVersion(indicator.getVersion(), clean.version(), "Indicator " + indicator.getId());
        problems.require(planOf(indicator).getId().equals(plan.getId()), "initiativeId",
                "goals.validation.other-plan");
        problems.throwIfAny();
        indicator.apply(clean);
        return indicators.saveAndFlush(indicator);
    }

    /**
     * Removes a pillar, initiative, target image or indicator the office added by mistake. Only empty ones go:
     * a pillar without initiatives, an initiative without target images and indicators, a target image without
     * notes, an indicator without results; history is never deleted along the way.
     */
    @Transactional
    @RolesAllowed(Roles.COORDINATOR)
    public void deletePillar(Long id, long version) {
        Pillar pillar = pillars.findById(id == null ? -1 : id)
                .orElseThrow(() -> new NotFoundException("No pillar " + id));
        checkVersion(pillar.getVersion(), version, "Pillar " + id);
        new Problems().require(initiatives.findByPillarIdInOrderByNumberAscIdAsc(List.of(pillar.getId())).isEmpty(),
                "pillar", "goals.validation.not-empty").throwIfAny();
        pillars.delete(pillar);
    }

    @Transactional
    @RolesAllowed(Roles.COORDINATOR)
    public void deleteInitiative(Long id, long version) {
        Initiative initiative = initiative(id);
        checkVersion(initiative.getVersion(), version, "Initiative " + id);
        boolean empty = images.countByInitiativeId(initiative.getId()) == 0
                && indicators.findByInitiativeIdInOrderByIdAsc(List.of(initiative.getId())).isEmpty()
                && !events.isInitiativeUsed(initiative.getId());
        new Problems().require(empty, "initiative", "goals.validation.not-empty").throwIfAny();
        initiatives.delete(initiative);
    }

    @Transactional
    @RolesAllowed(Roles.COORDINATOR)
    public void deleteTargetImage(Long id, long version) {
        TargetImage image = images.findById(id == null ? -1 : id)
                .orElseThrow(() -> new NotFoundException("No target image " + id));
        checkVersion(image.getVersion(), version, "Target image " + id);
        new Problems().require(notes.findByTargetImageIdOrderByDateAscIdAsc(image.getId()).isEmpty(), "targetImage",
                "goals.validation.not-empty").throwIfAny();
        images.delete(image);
    }

    @Transactional
    @RolesAllowed(Roles.COORDINATOR)
    public void deleteIndicator(Long id, long version) {
        Indicator indicator = indicator(id);
        checkVersion(indicator.getVersion(), version, "Indicator " + id);
        new Problems().require(results.findByIndicatorIdOrderByDateAscIdAsc(indicator.getId()).isEmpty(),
                "indicator", "goals.validation.not-empty").throwIfAny();
        indicators.delete(indicator);
    }

    // --- internals ---------------------------------------------------------------------------------------------

    private Initiative initiative(Long id) {
        return initiatives.findById(id == null ? -1 : id)
                .orElseThrow(() -> new NotFoundException("No initiative " + id));
    }

    static IndicatorForm normalise(IndicatorForm form) {
        List<String> breakdowns = form.breakdowns().stream().map(TextRules::normalise)
                .filter(label -> label != null).toList();
        ComputedDefinition computed = form.computed() == null ? null : new ComputedDefinition(
                form.computed().source(), TextRules.normalise(form.computed().kindCode()),
                TextRules.normalise(form.computed().districtCode()), form.computed().weekendOrHoliday(),
                form.computed().targetGroup());
        return new IndicatorForm(form.id(), form.version(), form.initiativeId(), TextRules.normalise(form.name()),
                TextRules.normalise(form.unit()), form.kind(), form.direction(), form.baselineValue(),
                form.baselineDate(), form.targetValue(), form.targetFiscalYear(), form.responsibleOrganisationId(),
                TextRules.normalise(form.responsibleDepartment()), form.frequency(), breakdowns, computed,
                form.aggregation());
    }

    private Problems validate(IndicatorForm form, Plan plan) {
        Problems problems = new Problems();
        problems.text("name", form.name(), true, Indicator.NAME_MAX, false);
        problems.text("unit", form.unit(), false, Indicator.UNIT_MAX, false);
        problems.require(form.kind() != null, "kind", "validation.required");
        problems.require(form.direction() != null, "direction", "validation.required");
        problems.require(form.frequency() != null, "frequency", "validation.required");
        checkAggregation(problems, form);
        problems.require(form.baselineDate() != null, "baselineDate", "validation.required");
        if (form.baselineDate() != null) {
            problems.require(!form.baselineDate().isAfter(today()), "baselineDate", "goals.validation.date-in-future");
        }
        checkValue(problems, "baselineValue", form.kind(), form.baselineValue(), true);
        checkValue(problems, "targetValue", form.kind(), form.targetValue(), true);
        if (form.targetFiscalYear() == null) {
            problems.add("targetFiscalYear", "validation.required");
        } else {
            problems.require(plan.covers(form.targetFiscalYear()), "targetFiscalYear",
                    "goals.validation.target-year-outside-plan");
        }
        if (form.baselineValue() != null && form.targetValue() != null && form.direction() != null) {
            int order = form.targetValue().compareTo(form.baselineValue());
            boolean fits = switch (form.direction()) {
                case INCREASE -> order >= 0;
                case DECREASE -> order <= 0;
                case KEEP, ACHIEVE -> true;
            };
            problems.require(fits, "targetValue", "goals.validation.target-wrong-direction");
        }
        problems.text("responsibleDepartment", form.responsibleDepartment(), false, Indicator.DEPARTMENT_MAX, false);
        problems.require(form.responsibleOrganisationId() != null || form.responsibleDepartment() != null,
                "responsibleDepartment", "goals.validation.responsible-required");
        if (form.responsibleOrganisationId() != null) {
            problems.require(organisations.find(form.responsibleOrganisationId()).isPresent(),
                    "responsibleOrganisationId", "goals.validation.unknown-organisation");
        }
        checkBreakdowns(problems, form);
        if (form.computed() != null) {
            ComputedDefinition computed = form.computed();
            problems.require(computed.source() != null, "computed", "validation.required");
            // Hours come in quarters and halves, so they may be a plain number as well as a count.
            boolean hours = computed.source() == ComputedDefinition.Source.VOLUNTEER_HOURS;
            boolean kindFits = form.kind() == IndicatorKind.COUNT || hours && form.kind() == IndicatorKind.NUMBER;
            problems.require(kindFits && form.breakdowns().isEmpty(), "computed",
                    hours ? "goals.validation.computed-hours-kind" : "goals.validation.computed-count-only");
            problems.require(computed.source() == null || !computed.source().countsVolunteers()
                    || (computed.kindCode() == null && computed.districtCode() == null
                    && !computed.weekendOrHoliday() && computed.targetGroup() == null),
                    "computed", "goals.validation.computed-volunteer-filters");
            problems.require(computed.kindCode() == null || reference.findKindByCode(computed.kindCode()).isPresent(),
                    "computedKind", "goals.validation.unknown-code");
            problems.require(computed.districtCode() == null
                    || reference.findDistrictByCode(computed.districtCode()).isPresent(),
                    "computedDistrict", "goals.validation.unknown-code");
        }
        return problems;
    }

    /**
     * Only counts and numbers add up to a yearly sum (a sum of percentages means nothing), done/not-done is read as
     * it stands, and a computed count is one figure per fiscal year.
     */
    private static void checkAggregation(Problems problems, IndicatorForm form) {
        Aggregation aggregation = form.aggregation();
        if (aggregation == null) {
            problems.add("aggregation", "validation.required");
            return;
        }
        if (form.kind() == IndicatorKind.DONE) {
            problems.require(aggregation == Aggregation.LATEST, "aggregation", "goals.validation.aggregation-done");
        } else if (form.kind() != null) {
            problems.require(aggregation != Aggregation.FISCAL_YEAR_TOTAL || form.kind().isAdditive(),
                    "aggregation", "goals.validation.aggregation-total-kind");
        }
        problems.require(form.computed() == null || aggregation == Aggregation.FISCAL_YEAR_TOTAL, "aggregation",
                "goals.validation.aggregation-computed");
    }

    private static void checkBreakdowns(Problems problems, IndicatorForm form) {
        List<String> labels = form.breakdowns();
        problems.require(labels.size() <= Indicator.BREAKDOWNS_MAX, "breakdowns", "goals.validation.too-many");
        problems.require(new HashSet<>(labels).size() == labels.size(), "breakdowns",
                "goals.validation.duplicate-breakdown");
        for (String label : labels) {
            String key = TextRules.check(label, true, Indicator.BREAKDOWN_MAX, false);
            if (key == null && label.contains(Indicator.BREAKDOWN_SEPARATOR)) {
                key = "goals.validation.breakdown-separator";
            }
            if (key != null) {
                problems.add("breakdowns", key);
                return;
            }
        }
    }

    /** Values fit the column (4 decimals) and the kind: counts are whole and not negative, done is 0 or 1. */
    static void checkValue(Problems problems, String field, IndicatorKind kind, BigDecimal value, boolean required) {
        if (value == null) {
            problems.require(!required, field, "validation.required");
            return;
        }
        BigDecimal plain = value.stripTrailingZeros();
        if (plain.scale() > VALUE_SCALE_MAX || plain.precision() - plain.scale() > 15) {
            problems.add(field, "goals.validation.value-format");
            return;
        }
        if (kind == null) {
            return;
        }
        switch (kind) {
            case DONE -> problems.require(value.compareTo(BigDecimal.ZERO) == 0 || value.compareTo(BigDecimal.ONE) == 0,
                    field, "goals.validation.done-zero-or-one");
            case COUNT -> problems.require(value.signum() >= 0 && plain.scale() <= 0, field,
                    "goals.validation.count-whole");
            case PERCENT -> problems.require(value.signum() >= 0 && value.compareTo(BigDecimal.valueOf(100)) <= 0,
                    field, "goals.validation.percent-range");
            case NUMBER -> problems.require(value.signum() >= 0, field, "goals.validation.not-negative");
            default -> throw new IllegalStateException();
        }
    }

    private static void checkYear(Problems problems, String field, Integer year) {
        if (year == null) {
            problems.add(field, "validation.required");
        } else {
            problems.require(year >= FISCAL_YEAR_MIN && year <= FISCAL_YEAR_MAX, field, "goals.validation.year-range");
        }
    }

    private static void checkNumber(Problems problems, Integer number) {
        if (number == null) {
            problems.add("number", "validation.required");
        } else {
            problems.require(number >= 1 && number <= NUMBER_MAX, "number", "goals.validation.number-range");
        }
    }

    private static void checkVersion(long actual, long expected, String what) {
        if (actual != expected) {
            throw new OptimisticLockingFailureException(what + " was changed meanwhile");
        }
    }

    private static <T> Set<Long> ids(Collection<T> items, Function<T, Long> id) {
        return items.stream().map(id).collect(Collectors.toSet());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
