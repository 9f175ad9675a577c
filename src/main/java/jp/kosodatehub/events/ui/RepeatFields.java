package jp.kosodatehub.events.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import jp.kosodatehub.base.ui.ComponentTexts;
import jp.kosodatehub.base.validation.InvalidInputException;
import jp.kosodatehub.events.EventDraft;
import jp.kosodatehub.events.EventRules;
import jp.kosodatehub.events.Recurrence;

/**
 * The "repeat" part of the event form: none, every week (or every N weeks) on some weekdays, monthly on the Nth
 * weekday (第2火曜) or on a day of the month; until a date or a number of times; skipping public holidays and a
 * closed period. Monthly patterns take the weekday and day from the first date, so the rule always matches it.
 */
class RepeatFields extends Div {

    enum Kind { NONE, WEEKLY, MONTHLY_WEEKDAY, MONTHLY_DAY }

    enum End { UNTIL, COUNT }

    final Select<Kind> kind = new Select<>();
    final IntegerField interval = new IntegerField();
    final CheckboxGroup<DayOfWeek> weekdays = new CheckboxGroup<>();
    final Select<Integer> nth = new Select<>();
    final RadioButtonGroup<End> end = new RadioButtonGroup<>();
    final DatePicker until = ComponentTexts.texts(new DatePicker());
    final IntegerField count = new IntegerField();
    final Checkbox skipHolidays = new Checkbox();
    final DatePicker skipFrom = ComponentTexts.texts(new DatePicker());
    final DatePicker skipTo = ComponentTexts.texts(new DatePicker());
    private final Paragraph summary = new Paragraph();
    private final Supplier<LocalDateTime> start;

    RepeatFields(Supplier<LocalDateTime> start) {
        this.start = start;
        addClassName("repeat-fields");
        kind.setLabel(getTranslation("series.field.repeat"));
        kind.setItems(Kind.values());
        kind.setItemLabelGenerator(item -> getTranslation("series.kind." + item.name().toLowerCase(Locale.ROOT)
                .replace('_', '-')));
        kind.setValue(Kind.NONE);

        interval.setLabel(getTranslation("series.field.interval"));
        interval.setMin(1);
        interval.setMax(Recurrence.MAX_INTERVAL);
        interval.setStepButtonsVisible(true);
        interval.setValue(1);
        // Without these a number out of range (typed, not stepped) marks the field red with no word of why.
        interval.setI18n(new IntegerField.IntegerFieldI18n()
                .setMinErrorMessage(getTranslation("validation.number-min", 1))
                .setMaxErrorMessage(getTranslation("validation.number-max", Recurrence.MAX_INTERVAL))
                .setBadInputErrorMessage(getTranslation("validation.bad-number")));
        weekdays.setLabel(getTranslation("series.field.weekdays"));
        weekdays.setItems(List.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY));
        weekdays.setItemLabelGenerator(day -> day.getDisplayName(TextStyle.SHORT, getLocale()));
        nth.setLabel(getTranslation("series.field.nth"));
        nth.setItems(1, 2, 3, 4, -1);
        nth.setItemLabelGenerator(value -> value == null ? "" : value == -1 ? getTranslation("series.nth.last")
                : getTranslation("series.nth.value", value));

        end.setLabel(getTranslation("series.field.end"));
        end.setItems(End.values());
        end.setItemLabelGenerator(item -> getTranslation("series.end." + item.name().toLowerCase(Locale.ROOT)));
        end.setValue(End.UNTIL);
        until.setLabel(getTranslation("series.field.until"));
        count.setLabel(getTranslation("series.field.count"));
        count.setMin(1);
        count.setI18n(new IntegerField.IntegerFieldI18n()
                .setMinErrorMessage(getTranslation("validation.number-min", 1))
                .setBadInputErrorMessage(getTranslation("validation.bad-number")));
        skipHolidays.setLabel(getTranslation("series.field.skip-holidays"));
        skipHolidays.setValue(true);
        skipFrom.setLabel(getTranslation("series.field.skip-from"));
        skipTo.setLabel(getTranslation("series.field.skip-to"));
        skipFrom.setHelperText(getTranslation("series.field.skip-help"));
        summary.addClassName("repeat-summary");

        FormLayout layout = new FormLayout();
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        layout.add(kind, 2);
        layout.add(interval, nth);
        layout.add(weekdays, 2);
        layout.add(end, 2);
        layout.add(until, count);
        layout.add(skipHolidays, 2);
        layout.add(skipFrom, skipTo);
        add(layout, summary);

        kind.addValueChangeListener(change -> {
            if (change.getValue() == Kind.WEEKLY && weekdays.isEmpty() && start.get() != null) {
                weekdays.setValue(Set.of(start.get().getDayOfWeek()));
            }
            if (change.getValue() == Kind.MONTHLY_WEEKDAY && nth.isEmpty() && start.get() != null) {
                nth.setValue(nthOf(start.get().toLocalDate()));
            }
            refresh();
        });
        end.addValueChangeListener(change -> refresh());
        refresh();
    }

    static int nthOf(LocalDate date) {
        return (date.getDayOfMonth() - 1) / 7 + 1;
    }

    /** Shows only the fields that matter for the chosen pattern, and says in words what the rule means. */
    void refresh() {
        Kind chosen = kind.getValue() == null ? Kind.NONE : kind.getValue();
        boolean repeats = chosen != Kind.NONE;
        interval.setVisible(chosen == Kind.WEEKLY);
        weekdays.setVisible(chosen == Kind.WEEKLY);
        nth.setVisible(chosen == Kind.MONTHLY_WEEKDAY);
        end.setVisible(repeats);
        until.setVisible(repeats && end.getValue() == End.UNTIL);
        count.setVisible(repeats && end.getValue() == End.COUNT);
        skipHolidays.setVisible(repeats);
        skipFrom.setVisible(repeats);
        skipTo.setVisible(repeats);
        LocalDateTime first = start.get();
        summary.setVisible(repeats && first != null);
        if (repeats && first != null) {
            String day = first.getDayOfWeek().getDisplayName(TextStyle.SHORT, getLocale());
            summary.setText(switch (chosen) {
                case WEEKLY -> getTranslation("series.summary.weekly", interval.getValue() == null ? 1
                        : interval.getValue());
                case MONTHLY_WEEKDAY -> getTranslation("series.summary.monthly-weekday",
                        nth.getValue() == null ? nthOf(first.toLocalDate()) : nth.getValue(), day);
                case MONTHLY_DAY -> getTranslation("series.summary.monthly-day", first.getDayOfMonth());
                case NONE -> "";
            });
        }
    }

    void read(EventDraft draft) {
        Recurrence rule = draft.getRecurrence();
        skipHolidays.setValue(draft.isSkipHolidays());
        skipFrom.setValue(draft.getSkipFrom());
        skipTo.setValue(draft.getSkipTo());
        if (rule == null) {
            kind.setValue(Kind.NONE);
            refresh();
            return;
        }
        kind.setValue(switch (rule.pattern()) {
            case WEEKLY -> Kind.WEEKLY;
            case MONTHLY_WEEKDAY -> Kind.MONTHLY_WEEKDAY;
            case MONTHLY_DAY -> Kind.MONTHLY_DAY;
        });
        interval.setValue(rule.interval());
        weekdays.setValue(rule.days());
        nth.setValue(rule.pattern() == Recurrence.Pattern.MONTHLY_WEEKDAY ? rule.nth() : null);
        end.setValue(rule.count() != null ? End.COUNT : End.UNTIL);
        until.setValue(rule.until());
        count.setValue(rule.count());
        refresh();
    }

    /** Writes the rule into the draft and checks it against the first date; false (with messages) if wrong. */
    boolean write(EventDraft draft) {
        for (HasValidation field : List.<HasValidation>of(kind, weekdays, nth, until, count, skipTo)) {
            field.setInvalid(false);
        }
        Kind chosen = kind.getValue() == null ? Kind.NONE : kind.getValue();
        if (chosen == Kind.NONE) {
            draft.setRecurrence(null);
            draft.setSkipFrom(null);
            draft.setSkipTo(null);
            return true;
        }
        LocalDateTime first = draft.getStartsAt();
        if (first == null) {
            return false;
        }
        boolean byDate = end.getValue() != End.COUNT;
        Recurrence rule = switch (chosen) {
            case WEEKLY -> new Recurrence(Recurrence.Pattern.WEEKLY, interval.getValue() == null ? 1
                    : interval.getValue(), weekdays.getValue(), 0, 0, byDate ? until.getValue() : null,
                    byDate ? null : count.getValue());
            case MONTHLY_WEEKDAY -> new Recurrence(Recurrence.Pattern.MONTHLY_WEEKDAY, 1,
                    EnumSet.of(first.getDayOfWeek()), nth.getValue() == null ? nthOf(first.toLocalDate())
                    : nth.getValue(), 0, byDate ? until.getValue() : null, byDate ? null : count.getValue());
            case MONTHLY_DAY -> new Recurrence(Recurrence.Pattern.MONTHLY_DAY, 1, Set.of(), 0,
                    first.getDayOfMonth(), byDate ? until.getValue() : null, byDate ? null : count.getValue());
            case NONE -> null;
        };
        draft.setRecurrence(rule);
        draft.setSkipHolidays(skipHolidays.getValue());
        draft.setSkipFrom(skipFrom.getValue());
        draft.setSkipTo(skipTo.getValue());
        boolean ok = true;
        String problem = EventRules.checkRecurrence(rule, first);
        if (problem != null) {
            fieldFor(problem).setErrorMessage(getTranslation(problem));
            fieldFor(problem).setInvalid(true);
            ok = false;
        }
        String skipProblem = EventRules.checkSkipPeriod(skipFrom.getValue(), skipTo.getValue());
        if (skipProblem != null) {
            skipTo.setErrorMessage(getTranslation(skipProblem));
            skipTo.setInvalid(true);
            ok = false;
        }
        return ok;
    }

    /** Puts a rule's message at the field the user must change. */
    private HasValidation fieldFor(String problem) {
        return switch (problem) {
            case "series.validation.weekday", "series.validation.start-not-in-rule" ->
                    kind.getValue() == Kind.WEEKLY ? weekdays : kind;
            case "series.validation.nth" -> nth;
            case "series.validation.no-end", "series.validation.until", "series.validation.too-many" ->
                    end.getValue() == End.COUNT ? count : until;
            case "series.validation.count" -> count;
            default -> kind;
        };
    }

    Map<String, HasValidation> fields() {
        return Map.of("recurrence", kind, "skipTo", skipTo);
    }
}
