package jp.kosodatehub.goals.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import jp.kosodatehub.base.ui.Badge;
import jp.kosodatehub.base.ui.Formats;
import jp.kosodatehub.goals.FiscalYear;
import jp.kosodatehub.goals.GoalProgress;
import jp.kosodatehub.goals.GoalProgress.Progress;
import jp.kosodatehub.goals.GoalService;
import jp.kosodatehub.goals.Indicator;
import jp.kosodatehub.goals.IndicatorResult;
import jp.kosodatehub.goals.Plan;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.organisations.OrganisationService;

/**
 * One indicator at a stable address (/goals/indicators/12): what it measures, who reports it, how far it has come,
 * a chart of its totals against baseline and target, and every result ever recorded, corrections shown as such so
 * that anyone can trace a figure.
 */
@Route("goals/indicators/:" + IndicatorView.ID + "([0-9]{1,18})")
@AnonymousAllowed
class IndicatorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ID = "id";

    private final transient GoalService goals;
    private final transient OrganisationService organisations;
    private String title = "";

    IndicatorView(GoalService goals, OrganisationService organisations) {
        this.goals = goals;
        this.organisations = organisations;
        addClassNames("page", "indicator-view");
        setPadding(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Long id = event.getRouteParameters().getLong(ID).orElseThrow(NotFoundException::new);
        Indicator indicator;
        try {
            indicator = goals.indicator(id);
        } catch (jp.kosodatehub.base.NotFoundException e) {
            throw new NotFoundException();
        }
        Plan plan = goals.planOf(indicator);
        Progress progress = goals.progress(id);
        List<IndicatorResult> history = goals.history(id);
        List<GoalProgress.Figure> figures = goals.figures(id);
        removeAll();
        title = indicator.getName();
        RouterLink back = new RouterLink(getTranslation("goals.public.back"), GoalsView.class);
        back.setQueryParameters(QueryParameters.simple(Map.of(GoalsView.PLAN, plan.getId().toString())));
        back.addClassName("back-link");
        H1 heading = new H1(indicator.getName());
        heading.addClassName("indicator-title");
        Span planName = new Span(getTranslation("goals.public.both", plan.getName(), GoalTexts.period(this, plan)));
        planName.addClassName("goals-plan-period");
        add(back, heading, planName, GoalTexts.progress(this, progress), facts(indicator, progress));

        H2 chartHeading = new H2(getTranslation("goals.public.chart.title"));
        List<ResultsChart.Point> points = points(indicator, figures);
        add(chartHeading, new ResultsChart(this, indicator, points).component(summary(indicator, progress)));
        Paragraph legend = new Paragraph(getTranslation("goals.public.chart.legend"));
        legend.addClassName("goal-chart-legend");
        add(legend);

        add(new H2(getTranslation("goals.public.history.title")));
        if (history.isEmpty()) {
            add(new Paragraph(getTranslation("goals.public.history.empty")));
        } else {
            add(historyTable(indicator, history));
        }
    }

    private Div facts(Indicator indicator, Progress progress) {
        Div facts = new Div();
        facts.addClassName("goal-facts");
        fact(facts, "goals.public.fact.latest", GoalTexts.figure(this, indicator, progress));
        fact(facts, "goals.public.fact.baseline", getTranslation("goals.public.value-on",
                GoalTexts.level(this, indicator, indicator.getBaselineValue()),
                Formats.dateWithYear(indicator.getBaselineDate(), getLocale())));
        fact(facts, "goals.public.fact.target", getTranslation("goals.public.value-by",
                GoalTexts.level(this, indicator, indicator.getTargetValue()),
                GoalTexts.year(this, indicator.getTargetFiscalYear())));
        if (indicator.getUnit() != null && !indicator.getUnit().isBlank()) {
            fact(facts, "goals.public.fact.unit", indicator.getUnit());
        }
        fact(facts, "goals.public.fact.kind", getTranslation(indicator.getKind().translationKey()));
        fact(facts, "goals.public.fact.direction", getTranslation(indicator.getDirection().translationKey()));
        List<String> responsible = new ArrayList<>();
        if (indicator.getResponsibleOrganisationId() != null) {
            organisations.find(indicator.getResponsibleOrganisationId()).map(Organisation::getName)
                    .ifPresent(responsible::add);
        }
        if (indicator.getResponsibleDepartment() != null) {
            responsible.add(indicator.getResponsibleDepartment());
        }
        if (!responsible.isEmpty()) {
            fact(facts, "goals.public.fact.responsible", responsible.toArray(String[]::new));
        }
        fact(facts, "goals.public.fact.frequency", indicator.isComputed()
                ? getTranslation("goals.public.computed") : getTranslation(indicator.getFrequency().translationKey()));
        if (!indicator.getBreakdowns().isEmpty()) {
            fact(facts, "goals.public.fact.breakdowns", indicator.getBreakdowns().toArray(String[]::new));
        }
        return facts;
    }

    /** A label and one or more values, each its own element so no separator needs translating. */
    private void fact(Div facts, String labelKey, String... values) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("goal-fact-label");
        Div value = new Div();
        value.addClassName("goal-fact-value");
        for (String text : values) {
            value.add(new Span(text));
        }
        Div row = new Div(label, value);
        row.addClassName("goal-fact");
        facts.add(row);
    }

    /** The figures as the progress calculation makes them: each date's total, or each fiscal year's. */
    private List<ResultsChart.Point> points(Indicator indicator, List<GoalProgress.Figure> figures) {
        return figures.stream().map(figure -> new ResultsChart.Point(figure.date(), figure.value(),
                GoalTexts.figure(this, indicator, figure))).toList();
    }

    private String summary(Indicator indicator, Progress progress) {
        String baseline = GoalTexts.level(this, indicator, indicator.getBaselineValue());
        String target = getTranslation("goals.public.value-by",
                GoalTexts.level(this, indicator, indicator.getTargetValue()),
                GoalTexts.year(this, indicator.getTargetFiscalYear()));
        if (progress.value() == null) {
            return getTranslation("goals.public.chart.summary-empty", indicator.getName(), baseline, target);
        }
        return getTranslation("goals.public.chart.summary", indicator.getName(), baseline, target,
                GoalTexts.figure(this, indicator, progress), getTranslation(progress.judgement().translationKey()));
    }

    private Component historyTable(Indicator indicator, List<IndicatorResult> history) {
        Set<Long> corrected = history.stream().map(IndicatorResult::getCorrectsId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        NativeTable table = new NativeTable();
        table.addClassName("goal-history");
        NativeTableRow head = new NativeTableRow();
        List<String> labels = List.of(getTranslation("goals.public.history.date"),
                getTranslation("goals.public.history.breakdown"), getTranslation("goals.public.history.value"),
                getTranslation("goals.public.history.note"), getTranslation("goals.public.history.source"),
                getTranslation("goals.public.history.recorded-by"));
        labels.forEach(label -> head.add(new NativeTableHeaderCell(label)));
        table.add(new NativeTableHeader(head));
        NativeTableBody body = new NativeTableBody();
        // Newest first: the latest figures are what most readers came for.
        for (IndicatorResult result : history.reversed()) {
            NativeTableRow row = new NativeTableRow();
            NativeTableCell date = cell(labels.get(0), Formats.dateWithYear(result.getDate(), getLocale()));
            date.add(new Span(GoalTexts.english(getLocale()) ? FiscalYear.englishLabel(result.getFiscalYear())
                    : FiscalYear.eraLabel(result.getFiscalYear())));
            NativeTableCell value = cell(labels.get(2), GoalTexts.value(this, indicator, result.getValue()));
            if (result.getId() != null && corrected.contains(result.getId())) {
                row.addClassName("result-corrected");
                value.add(new Badge(getTranslation("goals.public.history.corrected"), Badge.Tone.NEUTRAL));
            }
            if (result.getCorrectsId() != null) {
                row.addClassName("result-correction");
                value.add(new Badge(getTranslation("goals.public.history.correction"), Badge.Tone.INFO));
            }
            row.add(date,
                    cell(labels.get(1), result.getBreakdown() == null ? getTranslation("goals.public.history.total")
                            : result.getBreakdown()),
                    value, cell(labels.get(3), result.getNote()), cell(labels.get(4), result.getSource()),
                    cell(labels.get(5), GoalService.COMPUTED_BY.equals(result.getRecordedBy())
                            && indicator.isComputed() ? getTranslation("goals.public.computed")
                            : result.getRecordedBy()));
            body.add(row);
        }
        table.add(body);
        Div scroll = new Div(table);
        scroll.addClassName("goal-history-box");
        return scroll;
    }

    /** A cell that carries its column's name, which phones show beside the value when rows become cards. */
    private static NativeTableCell cell(String label, String text) {
        NativeTableCell cell = new NativeTableCell();
        cell.getElement().setAttribute("data-label", label);
        Span content = new Span(text == null ? "" : text);
        content.addClassName("goal-cell-text");
        cell.add(content);
        return cell;
    }

    @Override
    public String getPageTitle() {
        return title + " | " + getTranslation("app.name");
    }
}
