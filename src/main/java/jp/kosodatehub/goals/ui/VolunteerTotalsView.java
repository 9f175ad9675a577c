package jp.kosodatehub.goals.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableFooter;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import jp.kosodatehub.base.ui.Formats;
import jp.kosodatehub.goals.ComputedDefinition;
import jp.kosodatehub.goals.FiscalYear;
import jp.kosodatehub.goals.GoalService;
import jp.kosodatehub.goals.Indicator;
import jp.kosodatehub.volunteers.SupporterType;
import jp.kosodatehub.volunteers.VolunteerStatistics;
import jp.kosodatehub.volunteers.VolunteerTotals;

/**
 * The network's volunteers per fiscal year as anyone may see them (/goals/volunteers?fy=2026): how many started
 * helping and how many hours were given, by supporter type and organisation, next to the target of the plan's
 * indicator for recruits. Counts only; nothing here names a person.
 */
@Route("goals/volunteers")
@AnonymousAllowed
class VolunteerTotalsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String FISCAL_YEAR = "fy";
    private static final int FIRST_YEAR = 1989;
    private static final int LAST_YEAR = 2100;

    private final transient VolunteerStatistics statistics;
    private final transient GoalService goals;

    VolunteerTotalsView(VolunteerStatistics statistics, GoalService goals) {
        this.statistics = statistics;
        this.goals = goals;
        addClassNames("page", "volunteer-totals-view");
        setPadding(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        int current = FiscalYear.of(LocalDate.now(Formats.JAPAN));
        List<String> requested = event.getLocation().getQueryParameters().getParameters()
                .getOrDefault(FISCAL_YEAR, List.of());
        int year = requested.isEmpty() ? current : requestedYear(requested.getFirst());
        List<Integer> years = new ArrayList<>(statistics.fiscalYears());
        if (!years.contains(year)) {
            years.add(year);
            years.sort(Comparator.reverseOrder());
        }
        VolunteerTotals totals = statistics.totals(year);

        removeAll();
        add(new H1(getTranslation("volunteer.totals.title")));
        Paragraph intro = new Paragraph(getTranslation("volunteer.totals.intro"));
        intro.addClassName("goals-intro");
        add(intro, yearSelect(years, year), headline(totals));
        goals.firstComputed(ComputedDefinition.Source.VOLUNTEERS_RECRUITED).ifPresent(this::addTarget);
        add(new H2(getTranslation("volunteer.totals.by-type")), typeTable(totals));
        add(new H2(getTranslation("volunteer.totals.by-organisation")));
        if (totals.organisations().isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("volunteer.totals.no-organisations"));
            empty.addClassName("goals-empty");
            add(empty);
        } else {
            add(organisationTable(totals));
        }
        Paragraph note = new Paragraph(getTranslation("volunteer.totals.note"));
        note.addClassName("volunteer-totals-note");
        RouterLink back = new RouterLink(getTranslation("goals.public.back"), GoalsView.class);
        back.addClassName("back-link");
        add(note, back);
    }

    /** A year that is not a number or outside any plan's reach is an address nobody linked to: not found. */
    private static int requestedYear(String text) {
        try {
            int year = Integer.parseInt(text);
            if (year < FIRST_YEAR || year > LAST_YEAR) {
                throw new NotFoundException();
            }
            return year;
        } catch (NumberFormatException e) {
            throw new NotFoundException();
        }
    }

    private Select<Integer> yearSelect(List<Integer> years, int year) {
        Select<Integer> select = new Select<>();
        select.setLabel(getTranslation("volunteer.totals.fiscal-year"));
        select.setItems(years);
        select.setItemLabelGenerator(fiscalYear -> fiscalYear == null ? "" : GoalTexts.year(this, fiscalYear));
        select.setValue(year);
        select.addClassName("volunteer-totals-year");
        select.addValueChangeListener(change -> {
            if (change.getValue() != null && change.getValue() != year) {
                getUI().ifPresent(ui -> ui.navigate(VolunteerTotalsView.class,
                        QueryParameters.of(FISCAL_YEAR, change.getValue().toString())));
            }
        });
        return select;
    }

    private Div headline(VolunteerTotals totals) {
        Div box = new Div(
                figure("volunteer.totals.recruited", people(totals.recruited()), "volunteer-totals-recruited"),
                figure("volunteer.totals.hours", hours(totals.hours()), "volunteer-totals-hours"));
        box.addClassName("volunteer-totals-figures");
        return box;
    }

    private Div figure(String labelKey, String value, String className) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("volunteer-totals-label");
        Span number = new Span(value);
        number.addClassName("volunteer-totals-number");
        Div figure = new Div(label, number);
        figure.addClassNames("volunteer-totals-figure", className);
        return figure;
    }

    /** The plan's target for recruits with its progress, drawn as on the plan page, and the way to its details. */
    private void addTarget(Indicator indicator) {
        String target = indicator.getUnit() == null || indicator.getUnit().isBlank()
                ? number(indicator.getTargetValue())
                : getTranslation("goals.public.value-unit", number(indicator.getTargetValue()), indicator.getUnit());
        Span figures = new Span(getTranslation("volunteer.totals.target", target,
                GoalTexts.year(this, indicator.getTargetFiscalYear())));
        figures.addClassName("volunteer-totals-target-text");
        RouterLink link = new RouterLink(getTranslation("volunteer.totals.target-link"), IndicatorView.class,
                new RouteParameters(IndicatorView.ID, indicator.getId().toString()));
        link.addClassName("volunteer-totals-target-link");
        Div box = new Div(figures, GoalTexts.progress(this, goals.progress(indicator.getId())), link);
        box.addClassName("volunteer-totals-target");
        add(box);
    }

    private NativeTable typeTable(VolunteerTotals totals) {
        NativeTable table = table("volunteer.totals.column.type");
        NativeTableBody body = new NativeTableBody();
        for (VolunteerTotals.SupporterTypeRow row : totals.supporterTypes()) {
            body.add(row(typeName(row.supporterType()), row.recruited(), row.hours()));
        }
        table.add(body, footer(totals));
        return table;
    }

    private NativeTable organisationTable(VolunteerTotals totals) {
        NativeTable table = table("volunteer.totals.column.organisation");
        NativeTableBody body = new NativeTableBody();
        for (VolunteerTotals.OrganisationRow row : totals.organisations()) {
            body.add(row(row.name(), row.recruited(), row.hours()));
        }
        table.add(body, footer(totals));
        return table;
    }

    /** "Anyone" describes whom an opening suits; for a person already counted it means none of the named groups. */
    private String typeName(SupporterType type) {
        return type == SupporterType.ANYONE ? getTranslation("volunteer.totals.type-other")
                : getTranslation(type.translationKey());
    }

    private NativeTable table(String firstColumnKey) {
        NativeTable table = new NativeTable();
        table.addClassName("volunteer-totals-table");
        NativeTableRow head = new NativeTableRow();
        head.add(header(firstColumnKey), header("volunteer.totals.column.recruited"),
                header("volunteer.totals.column.hours"));
        table.add(new NativeTableHeader(head));
        return table;
    }

    private NativeTableHeaderCell header(String key) {
        NativeTableHeaderCell cell = new NativeTableHeaderCell(getTranslation(key));
        cell.getElement().setAttribute("scope", "col");
        return cell;
    }

    private NativeTableFooter footer(VolunteerTotals totals) {
        NativeTableRow row = row(getTranslation("volunteer.totals.total"), totals.recruited(), totals.hours());
        row.addClassName("volunteer-totals-sum");
        return new NativeTableFooter(row);
    }

    private NativeTableRow row(String name, long recruited, BigDecimal hours) {
        NativeTableCell first = new NativeTableCell(name);
        first.addClassName("volunteer-totals-name");
        NativeTableCell count = new NativeTableCell(people(recruited));
        count.addClassName("volunteer-totals-value");
        NativeTableCell time = new NativeTableCell(hours(hours));
        time.addClassName("volunteer-totals-value");
        return new NativeTableRow(first, count, time);
    }

    private String people(long count) {
        return getTranslation("volunteer.totals.people", number(BigDecimal.valueOf(count)));
    }

    private String hours(BigDecimal hours) {
        return getTranslation("volunteer.totals.hours-value", number(hours));
    }

    /** 1,234 or 1,234.5: thousands separated as the visitor's language writes them. */
    private static String number(BigDecimal value) {
        NumberFormat format = NumberFormat.getNumberInstance(GoalTexts.locale());
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("volunteer.totals.title") + " | " + getTranslation("app.name");
    }
}
