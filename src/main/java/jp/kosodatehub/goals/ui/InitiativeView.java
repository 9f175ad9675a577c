package jp.kosodatehub.goals.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.kosodatehub.base.ui.Badge;
import jp.kosodatehub.base.ui.Formats;
import jp.kosodatehub.events.EventOccurrence;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.events.MonthCount;
import jp.kosodatehub.goals.FiscalYear;
import jp.kosodatehub.goals.GoalProgress.Progress;
import jp.kosodatehub.goals.GoalService;
import jp.kosodatehub.goals.GoalService.InitiativePage;
import jp.kosodatehub.goals.Indicator;
import jp.kosodatehub.goals.Judgement;
import jp.kosodatehub.goals.TargetImage;
import jp.kosodatehub.goals.TargetImageStatus;

/**
 * An initiative (取組) of the shared goals: where it stands by its target images and indicators, and what the
 * members actually did for it, as the dates of the events they tagged with it. Both side by side let the network
 * see whether activity and results move together.
 */
@Route("goals/initiatives/:" + InitiativeView.ID + "([0-9]{1,18})")
@AnonymousAllowed
class InitiativeView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ID = "id";
    static final int UPCOMING = 10;

    private final transient GoalService goals;
    private final transient EventService events;
    private String title = "";

    InitiativeView(GoalService goals, EventService events) {
        this.goals = goals;
        this.events = events;
        addClassNames("page", "initiative-page");
        setPadding(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent navigation) {
        Long id = navigation.getRouteParameters().getLong(ID).orElseThrow(NotFoundException::new);
        InitiativePage page;
        try {
            page = goals.initiativePage(id);
        } catch (jp.kosodatehub.base.NotFoundException e) {
            throw new NotFoundException();
        }
        removeAll();
        title = page.label();
        Anchor back = new Anchor("goals", getTranslation("initiative.back-to-goals"));
        back.addClassName("back-link");
        add(back, new H1(page.label()));
        add(new Paragraph(getTranslation("initiative.pillar", page.pillar().getNumber(),
                page.pillar().getTitle())));
        add(new Paragraph(getTranslation("initiative.plan", page.plan().getName(),
                FiscalYear.eraLabel(page.plan().getFirstFiscalYear()),
                FiscalYear.eraLabel(page.plan().getLastFiscalYear()))));
        add(targetImages(page.targetImages()), indicators(page.indicators()), activity(page));
    }

    private Div targetImages(List<TargetImage> images) {
        Div box = section("initiative-images", "initiative.target-images");
        if (images.isEmpty()) {
            box.add(new Paragraph(getTranslation("initiative.target-images.none")));
            return box;
        }
        UnorderedList list = new UnorderedList();
        for (TargetImage image : images) {
            list.add(new ListItem(new Span(image.getText()),
                    new Badge(getTranslation(image.getStatus().translationKey()), tone(image.getStatus()))));
        }
        box.add(list);
        return box;
    }

    private Div indicators(List<Indicator> indicators) {
        Div box = section("initiative-indicators", "initiative.indicators");
        if (indicators.isEmpty()) {
            box.add(new Paragraph(getTranslation("initiative.indicators.none")));
            return box;
        }
        UnorderedList list = new UnorderedList();
        for (Indicator indicator : indicators) {
            Progress progress = goals.progress(indicator.getId());
            String current = progress.value() == null ? getTranslation("initiative.no-value")
                    : GoalTexts.figure(this, indicator, progress);
            ListItem item = new ListItem(new Span(indicator.getName()),
                    new Span(getTranslation("initiative.indicator-value", current,
                            plain(indicator.getTargetValue()), indicator.getUnit() == null ? "" : indicator.getUnit(),
                            FiscalYear.eraLabel(indicator.getTargetFiscalYear()))),
                    new Badge(getTranslation(progress.judgement().translationKey()), tone(progress.judgement())));
            if (progress.stale()) {
                item.add(new Badge(getTranslation("goals.stale"), Badge.Tone.WARNING));
            }
            item.addClassName("initiative-indicator");
            list.add(item);
        }
        box.add(list);
        return box;
    }

    /** Dates held per month over the plan's period, grouped by fiscal year, then the dates still to come. */
    private Div activity(InitiativePage page) {
        Div box = section("initiative-activity", "initiative.activity");
        Long id = page.initiative().getId();
        LocalDate first = FiscalYear.firstDay(page.plan().getFirstFiscalYear());
        LocalDate last = FiscalYear.lastDay(page.plan().getLastFiscalYear());
        Map<Integer, List<MonthCount>> byYear = new TreeMap<>();
        for (MonthCount month : events.publicDatesOfInitiativeByMonth(id, first, last)) {
            byYear.computeIfAbsent(FiscalYear.of(month.month().atDay(1)), year -> new ArrayList<>())
                    .add(month);
        }
        if (byYear.isEmpty()) {
            box.add(new Paragraph(getTranslation("initiative.activity.none")));
        }
        byYear.forEach((year, months) -> {
            long total = months.stream().mapToLong(MonthCount::count).sum();
            box.add(new H3(getTranslation("initiative.activity.year", FiscalYear.fullLabel(year), total)));
            UnorderedList list = new UnorderedList();
            list.addClassName("initiative-months");
            months.forEach(month -> list.add(new ListItem(getTranslation("initiative.activity.month",
                    Formats.month(month.month(), getLocale()), month.count()))));
            box.add(list);
        });
        LocalDate today = LocalDate.now(Formats.JAPAN);
        List<EventOccurrence> upcoming = today.isAfter(last) ? List.of()
                : events.publicDatesOfInitiative(id, today.isBefore(first) ? first : today, last, UPCOMING);
        box.add(new H3(getTranslation("initiative.upcoming")));
        if (upcoming.isEmpty()) {
            box.add(new Paragraph(getTranslation("initiative.upcoming.none")));
            return box;
        }
        UnorderedList list = new UnorderedList();
        list.addClassName("initiative-upcoming");
        for (EventOccurrence date : upcoming) {
            list.add(new ListItem(new Span(Formats.range(date.getStartsAt(), date.getEndsAt(), getLocale())),
                    new Anchor("events/" + date.getEvent().getId(), date.getEvent().getTitle())));
        }
        box.add(list);
        return box;
    }

    private Div section(String className, String titleKey) {
        Div box = new Div(new H2(getTranslation(titleKey)));
        box.addClassName(className);
        return box;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static Badge.Tone tone(TargetImageStatus status) {
        return switch (status) {
            case ACHIEVED -> Badge.Tone.SUCCESS;
            case IN_PROGRESS -> Badge.Tone.INFO;
            case NOT_STARTED -> Badge.Tone.NEUTRAL;
        };
    }

    private static Badge.Tone tone(Judgement judgement) {
        return switch (judgement) {
            case ACHIEVED -> Badge.Tone.SUCCESS;
            case ON_TRACK -> Badge.Tone.INFO;
            case BEHIND -> Badge.Tone.WARNING;
            case NO_DATA -> Badge.Tone.NEUTRAL;
        };
    }

    @Override
    public String getPageTitle() {
        return title + " | " + getTranslation("app.name");
    }
}
