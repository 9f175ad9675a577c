package jp.kosodatehub.goals.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.kosodatehub.base.ui.ComponentTexts;
import jp.kosodatehub.base.ui.Feedback;
import jp.kosodatehub.base.ui.Formats;
import jp.kosodatehub.base.ui.TitleBar;
import jp.kosodatehub.goals.GoalForms.ResultForm;
import jp.kosodatehub.goals.GoalService;
import jp.kosodatehub.goals.Indicator;
import jp.kosodatehub.goals.IndicatorKind;
import jp.kosodatehub.goals.IndicatorResult;
import jp.kosodatehub.security.Roles;

/**
 * Where a member organisation reports its figures: the indicators it is responsible for (all hand-entered ones for
 * the office), each with its latest results, a form to record a new one and a way to correct a wrong one.
 */
@Route("my/indicators")
@RolesAllowed({Roles.MEMBER, Roles.COORDINATOR})
class MyIndicatorsView extends VerticalLayout implements HasDynamicTitle {

    /** Enough recent results to spot a typo without turning the page into the full history. */
    static final int RECENT = 6;

    private final transient GoalService goals;
    private final VerticalLayout list = new VerticalLayout();

    MyIndicatorsView(GoalService goals) {
        this.goals = goals;
        addClassName("page");
        list.setPadding(false);
        add(new TitleBar(new H1(getTranslation("goals.edit.my.title"))),
                new Paragraph(getTranslation("goals.edit.my.intro")), list);
        refresh();
    }

    void refresh() {
        list.removeAll();
        List<Indicator> indicators = goals.myIndicators();
        if (indicators.isEmpty()) {
            list.add(new Paragraph(getTranslation("goals.edit.my.none")));
        }
        indicators.forEach(indicator -> list.add(card(indicator)));
    }

    private Div card(Indicator indicator) {
        Div card = new Div();
        card.addClassName("indicator-card");
        card.setId("indicator-" + indicator.getId());
        List<IndicatorResult> current = new ArrayList<>(goals.currentResults(indicator.getId()));
        current.sort(Comparator.comparing(IndicatorResult::getDate).thenComparing(IndicatorResult::getId)
                .reversed());
        // The figure the public pages show, not this list's first row: 窓口 alone is not the month's total.
        Span latest = new Span(current.isEmpty() ? getTranslation("goals.edit.my.no-result")
                : getTranslation("goals.edit.my.latest",
                        GoalTexts.figure(this, indicator, goals.progress(indicator.getId()))));
        latest.addClassName("indicator-latest");
        Button record = new Button(getTranslation("goals.edit.my.record"), click -> openRecord(indicator, null));
        record.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        card.add(new H2(indicator.getName()), latest, record);
        if (!current.isEmpty()) {
            card.add(resultGrid(indicator, current.subList(0, Math.min(RECENT, current.size()))));
        }
        return card;
    }

    private Grid<IndicatorResult> resultGrid(Indicator indicator, List<IndicatorResult> results) {
        Grid<IndicatorResult> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(r -> Formats.dateWithYear(r.getDate(), getLocale())).setKey("date")
                .setHeader(getTranslation("goals.edit.result.date")).setAutoWidth(true);
        grid.addColumn(r -> r.getBreakdown() == null ? getTranslation("goals.edit.result.total") : r.getBreakdown())
                .setKey("breakdown").setHeader(getTranslation("goals.edit.result.breakdown")).setAutoWidth(true);
        grid.addColumn(r -> format(indicator, r.getValue())).setKey("value")
                .setHeader(getTranslation("goals.edit.result.value")).setAutoWidth(true);
        grid.addColumn(r -> r.getNote() == null ? "" : r.getNote()).setKey("note")
                .setHeader(getTranslation("goals.edit.result.note")).setFlexGrow(1);
        grid.addColumn(IndicatorResult::getRecordedBy).setKey("recordedBy")
                .setHeader(getTranslation("goals.edit.result.recorded-by")).setAutoWidth(true);
        grid.addComponentColumn(r -> {
            Button correct = new Button(getTranslation("goals.edit.my.correct"), click -> openRecord(indicator, r));
            correct.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            return correct;
        }).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(results);
        return grid;
    }

    /** Worded as on the public pages (9か所, 5.0%, 実施), so members read their figures as everyone else does. */
    private String format(Indicator indicator, BigDecimal value) {
        return GoalTexts.value(this, indicator, value);
    }

    /** Opens the form for a new result, or with {@code corrected} for a correction of that result. */
    private void openRecord(Indicator indicator, IndicatorResult corrected) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(corrected == null ? "goals.edit.my.record-title"
                : "goals.edit.my.correct-title", indicator.getName()));
        dialog.setWidth("36rem");
        dialog.setMaxWidth("100%");

        DatePicker date = ComponentTexts.texts(new DatePicker(getTranslation("goals.edit.result.date")));
        date.setLocale(getLocale());
        date.setMax(LocalDate.now(Formats.JAPAN));
        Select<String> breakdown = new Select<>();
        breakdown.setLabel(getTranslation("goals.edit.result.breakdown"));
        breakdown.setItems(indicator.getBreakdowns());
        breakdown.setEmptySelectionAllowed(true);
        breakdown.setEmptySelectionCaption(getTranslation("goals.edit.result.total"));
        breakdown.setVisible(!indicator.getBreakdowns().isEmpty());
        BigDecimalField value = new BigDecimalField(getTranslation("goals.edit.result.value"));
        value.setSuffixComponent(new Span(indicator.getUnit() == null ? "" : indicator.getUnit()));
        RadioButtonGroup<BigDecimal> done = new RadioButtonGroup<>(getTranslation("goals.edit.result.value"));
        done.setItems(BigDecimal.ONE, BigDecimal.ZERO);
        done.setItemLabelGenerator(v -> format(indicator, v));
        boolean isDone = indicator.getKind() == IndicatorKind.DONE;
        value.setVisible(!isDone);
        done.setVisible(isDone);
        TextArea note = new TextArea(getTranslation("goals.edit.result.note"));
        TextField source = new TextField(getTranslation("goals.edit.result.source"));
        source.setHelperText(getTranslation("goals.edit.result.source-helper"));
        if (corrected == null) {
            date.setValue(LocalDate.now(Formats.JAPAN));
        } else {
            // A correction replaces one figure: same date and breakdown, only the value and its explanation change.
            date.setValue(corrected.getDate());
            date.setReadOnly(true);
            breakdown.setValue(corrected.getBreakdown());
            breakdown.setReadOnly(true);
            value.setValue(corrected.getValue());
            done.setValue(corrected.getValue().signum() > 0 ? BigDecimal.ONE : BigDecimal.ZERO);
            source.setValue(corrected.getSource() == null ? "" : corrected.getSource());
            note.setHelperText(getTranslation("goals.edit.my.correct-helper"));
        }
        FormLayout form = new FormLayout(date, breakdown, value, done, note, source);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        dialog.add(form);

        Map<String, HasValidation> fields = new HashMap<>();
        fields.put("date", date);
        fields.put("breakdown", breakdown);
        fields.put("value", isDone ? done : value);
        fields.put("note", note);
        fields.put("source", source);
        Button save = new Button(getTranslation("action.save"), click -> {
            BigDecimal figure = isDone ? done.getValue() : value.getValue();
            IndicatorResult saved = Feedback.attempt(this, () -> corrected == null
                    ? goals.recordResult(new ResultForm(indicator.getId(), date.getValue(), breakdown.getValue(),
                            figure, note.getValue(), source.getValue(), null))
                    : goals.correctResult(corrected.getId(), figure, note.getValue(), source.getValue()),
                    fields, null);
            if (saved != null) {
                dialog.close();
                refresh();
                Feedback.success(getTranslation("goals.edit.my.saved", indicator.getName()));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> dialog.close());
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("goals.edit.my.title");
    }
}
