package jp.kosodatehub.goals.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
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
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kosodatehub.base.ui.Formats;
import jp.kosodatehub.goals.FiscalYear;
import jp.kosodatehub.goals.GoalProgress.Progress;
import jp.kosodatehub.goals.GoalService;
import jp.kosodatehub.goals.Indicator;
import jp.kosodatehub.goals.Plan;
import jp.kosodatehub.goals.PlanTree;
import jp.kosodatehub.goals.TargetImage;
import jp.kosodatehub.volunteers.VolunteerStatistics;

/**
 * The network's plan as anyone may read it (/goals): pillars, initiatives, target images and how far each
 * indicator has come. One card per initiative rather than a table, because most readers are on a phone.
 * ?plan=123 shows another plan; without it the plan whose period contains today, else the newest.
 */
@Route("goals")
@AnonymousAllowed
class GoalsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String PLAN = "plan";

    private final transient GoalService goals;
    private final transient VolunteerStatistics volunteers;

    GoalsView(GoalService goals, VolunteerStatistics volunteers) {
        this.goals = goals;
        this.volunteers = volunteers;
        addClassNames("page", "goals-view");
        setPadding(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        List<String> requested = event.getLocation().getQueryParameters().getParameters()
                .getOrDefault(PLAN, List.of());
        Optional<Plan> plan = requested.isEmpty() ? defaultPlan() : Optional.of(requestedPlan(requested.getFirst()));
        add(new H1(getTranslation("goals.public.title")));
        if (plan.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("goals.public.no-plan"));
            empty.addClassName("goals-empty");
            add(empty);
        } else {
            show(goals.tree(plan.get().getId()), goals.progressOfPlan(plan.get().getId()));
        }
        add(volunteerSection());
        Anchor back = new Anchor("", getTranslation("event.back-to-feed"));
        back.addClassName("back-link");
        add(back);
    }

    private Plan requestedPlan(String id) {
        try {
            return goals.plan(Long.valueOf(id));
        } catch (NumberFormatException | jp.kosodatehub.base.NotFoundException e) {
            throw new NotFoundException();
        }
    }

    private Optional<Plan> defaultPlan() {
        List<Plan> all = goals.plans();
        int thisYear = FiscalYear.of(LocalDate.now(Formats.JAPAN));
        return all.stream().filter(plan -> plan.covers(thisYear)).findFirst().or(() -> all.stream().findFirst());
    }

    private void show(PlanTree tree, Map<Long, Progress> progress) {
        Div heading = new Div();
        heading.addClassName("goals-plan");
        Span name = new Span(tree.plan().getName());
        name.addClassName("goals-plan-name");
        Span period = new Span(GoalTexts.period(this, tree.plan()));
        period.addClassName("goals-plan-period");
        heading.add(name, period);
        Paragraph intro = new Paragraph(getTranslation("goals.public.intro"));
        intro.addClassName("goals-intro");
        add(heading, intro);
        if (tree.pillars().isEmpty()) {
            add(new Paragraph(getTranslation("goals.public.no-pillars")));
        }
        for (PlanTree.PillarNode pillar : tree.pillars()) {
            Div section = new Div();
            section.addClassName("goal-pillar");
            section.add(new H2(getTranslation("goals.public.pillar", Integer.toString(pillar.pillar().getNumber()),
                    pillar.pillar().getTitle())));
            for (PlanTree.InitiativeNode initiative : pillar.initiatives()) {
                section.add(initiativeCard(initiative, progress));
            }
            add(section);
        }
    }

    private Div initiativeCard(PlanTree.InitiativeNode node, Map<Long, Progress> progress) {
        Div card = new Div();
        card.addClassName("goal-initiative");
        // The heading opens the initiative's own page: its indicators next to the events that serve it.
        card.add(new H3(new Anchor("goals/initiatives/" + node.initiative().getId(), getTranslation(
                "goals.public.initiative", Integer.toString(node.initiative().getNumber()),
                node.initiative().getTitle()))));
        if (!node.targetImages().isEmpty()) {
            H4 imagesHeading = new H4(getTranslation("goals.public.target-images"));
            UnorderedList images = new UnorderedList();
            images.addClassName("goal-images");
            for (TargetImage image : node.targetImages()) {
                Span text = new Span(image.getText());
                text.addClassName("goal-image-text");
                images.add(new ListItem(GoalTexts.imageStatus(this, image.getStatus()), text));
            }
            card.add(imagesHeading, images);
        }
        if (!node.indicators().isEmpty()) {
            card.add(new H4(getTranslation("goals.public.indicators")));
            for (Indicator indicator : node.indicators()) {
                card.add(indicatorBox(indicator, progress.getOrDefault(indicator.getId(), Progress.NO_DATA)));
            }
        }
        return card;
    }

    private Div indicatorBox(Indicator indicator, Progress progress) {
        Div box = new Div();
        box.addClassName("goal-indicator");
        RouterLink name = new RouterLink(indicator.getName(), IndicatorView.class,
                new RouteParameters(IndicatorView.ID, indicator.getId().toString()));
        name.addClassName("goal-indicator-name");
        Span figures = new Span(getTranslation("goals.public.figures",
                GoalTexts.figure(this, indicator, progress),
                GoalTexts.level(this, indicator, indicator.getBaselineValue()),
                GoalTexts.level(this, indicator, indicator.getTargetValue()),
                GoalTexts.year(this, indicator.getTargetFiscalYear())));
        figures.addClassName("goal-figures");
        box.add(name, figures, GoalTexts.progress(this, progress));
        return box;
    }

    /** The helpers the network recruits are a goal of their own (担い手): this year's count and the way to the rest. */
    private Div volunteerSection() {
        int year = FiscalYear.of(LocalDate.now(Formats.JAPAN));
        long recruited = volunteers.recruited(FiscalYear.firstDay(year), FiscalYear.lastDay(year));
        Paragraph text = new Paragraph(getTranslation("volunteer.totals.section.text", GoalTexts.year(this, year),
                getTranslation("volunteer.totals.people",
                        NumberFormat.getIntegerInstance(GoalTexts.locale()).format(recruited))));
        RouterLink link = new RouterLink(getTranslation("volunteer.totals.section.link"), VolunteerTotalsView.class);
        link.addClassName("goal-volunteers-link");
        Div section = new Div(new H2(getTranslation("volunteer.totals.section.title")), text, link);
        section.addClassNames("goal-pillar", "goal-volunteers");
        return section;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("goals.public.title") + " | " + getTranslation("app.name");
    }
}
