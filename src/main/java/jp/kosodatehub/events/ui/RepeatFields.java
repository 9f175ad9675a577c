package jp.kosodatehub.events.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
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
import java.util.function.Consumer;
import java.util.function.Supplier;
import jp.kosodatehub.base.ui.ComponentTexts;
import jp.kosodatehub.base.ui.Formats;
import jp.kosodatehub.base.validation.InvalidInputException;
import jp.kosodatehub.events.EventDraft;
import jp.kosodatehub.events.EventRules;
import jp.kosodatehub.events.OccurrencePlan;
import jp.kosodatehub.events.Recurrence;

/**
 * The "repeat" part of the event form: none, every week (or every N weeks) on some weekdays, monthly on the Nth
 * weekday (第2火曜) or on a day of the month; until a date or a number of times (of dates held: skipped days do
 * not count); skipping public holidays and a closed period. The weekday of a monthly rule is chosen, not taken from
 * the first date; when the first date does not fall on the rule, the first date that does is offered.
 */
class RepeatFields extends Div {

    enum Kind { NONE, WEEKLY, MONTHLY_WEEKDAY, MONTHLY_DAY }

    enum End { UNTIL, COUNT }

    final Select<Kind> kind = new Select<>();
    final IntegerField interval = new IntegerField();
    final CheckboxGroup<DayOfWeek> weekdays = new CheckboxGroup<>();
    final Select<Integer> nth = new Select<>();
    final Select<DayOfWeek> monthWeekday = new Select<>();
    final RadioButtonGroup<End> end = new RadioButtonGroup<>();
    final DatePicker until = ComponentTexts.texts(new DatePicker());
    final IntegerField count = new IntegerField();
    final Checkbox skipHolidays = new Checkbox();
    final DatePicker skipFrom = ComponentTexts.texts(new DatePicker());
    final DatePicker skipTo = ComponentTexts.texts(new DatePicker());
    private final Paragraph summary = new Paragraph();
    private final Div suggestion = new Div();
    private final Span suggestionText = new Span();
    final Button useSuggestion = new Button();
    private final Supplier<LocalDateTime> start;
    private LocalDate suggested;

    /**
     * @param start the first date as entered in the form
     * @param moveStart moves the first date (and its end with it) to another day, keeping the time
     */
    RepeatFields(Supplier<LocalDateTime> start, Consumer<LocalDate> moveStart) {
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
        monthWeekday.setLabel(getTranslation("series.field.month-weekday"));
        monthWeekday.setItems(List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        monthWeekday.setItemLabelGenerator(day -> day == null ? "" : Formats.weekdayFull(day, getLocale()));

        end.setLabel(getTranslation("series.field.end"));
        end.setItems(End.values());
        end.setItemLabelGenerator(item -> getTranslation("series.end." + item.name().toLowerCase(Locale.ROOT)));
        end.setValue(End.UNTIL);
        until.setLabel(getTranslation("series.field.until"));
        count.setLabel(getTranslation("series.field.count"));
        count.setHelperText(getTranslation("series.field.count-help"));
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
        suggestion.addClassNames("notice", "notice-warning", "repeat-suggestion");
        useSuggestion.setText(getTranslation("series.suggestion.use"));
        useSuggestion.addThemeVariants(ButtonVariant.LUMO_SMALL);
        useSuggestion.addClickListener(click -> {
            if (suggested != null) {
                moveStart.accept(suggested);
            }
        });
        suggestion.add(suggestionText, useSuggestion);

        FormLayout layout = new FormLayout();
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        layout.add(kind, 2);
        layout.add(interval);
        layout.add(nth, monthWeekday);
        layout.add(weekdays, 2);
        layout.add(end, 2);
        layout.add(until, count);
        layout.add(skipHolidays, 2);
        layout.add(skipFrom, skipTo);
        add(layout, suggestion, summary);

        kind.addValueChangeListener(change -> {
            if (change.getValue() == Kind.WEEKLY && weekdays.isEmpty() && start.get() != null) {
                weekdays.setValue(Set.of(start.get().getDayOfWeek()));
            }
            if (change.getValue() == Kind.MONTHLY_WEEKDAY && start.get() != null) {
                if (nth.isEmpty()) {
                    nth.setValue(nthOf(start.get().toLocalDate()));
                }
                if (monthWeekday.isEmpty()) {
                    monthWeekday.setValue(start.get().getDayOfWeek());
                }
            }
            refresh();
        });
        // The summary and the offered first date say what the rule means after every change, not after the next.
        for (HasValue<?, ?> field : List.<HasValue<?, ?>>of(end, interval, weekdays, nth, monthWeekday,
                until, count, skipHolidays, skipFrom, skipTo)) {
            field.addValueChangeListener(change -> refresh());
        }
        refresh();
    }

    /** The week of the month of a date; the 29th to 31st are offered as the last such weekday (there is no 第5). */
    static int nthOf(LocalDate date) {
        int nth = (date.getDayOfMonth() - 1) / 7 + 1;
        return nth > 4 ? -1 : nth;
    }

    /**
     * Shows only the fields that matter for the chosen pattern, says in words what the rule means and how many
     * dates it holds until when, and offers the first date that falls on the rule when the given one does not.
     */
    void refresh() {
        Kind chosen = kind.getValue() == null ? Kind.NONE : kind.getValue();
        boolean repeats = chosen != Kind.NONE;
        interval.setVisible(chosen == Kind.WEEKLY);
        weekdays.setVisible(chosen == Kind.WEEKLY);
        nth.setVisible(chosen == Kind.MONTHLY_WEEKDAY);
        monthWeekday.setVisible(chosen == Kind.MONTHLY_WEEKDAY);
        end.setVisible(repeats);
        until.setVisible(repeats && end.getValue() == End.UNTIL);
        count.setVisible(repeats && end.getValue() == End.COUNT);
        skipHolidays.setVisible(repeats);
        skipFrom.setVisible(repeats);
        skipTo.setVisible(repeats);
        LocalDateTime first = start.get();
        summary.setVisible(repeats && first != null);
        suggestion.setVisible(false);
        suggested = null;
        if (!repeats || first == null) {
            return;
        }
        Recurrence rule = rule(chosen, first);
        String pattern = switch (chosen) {
            case WEEKLY -> getTranslation("series.summary.weekly", interval.getValue() == null ? 1
                    : interval.getValue());
            case MONTHLY_WEEKDAY -> rule.nth() == -1
                    ? getTranslation("series.summary.monthly-last", weekdayOf(rule, first))
                    : getTranslation("series.summary.monthly-weekday", rule.nth(), weekdayOf(rule, first));
            case MONTHLY_DAY -> getTranslation("series.summary.monthly-day", first.getDayOfMonth());
            case NONE -> "";
        };
        LocalDate day = rule.firstDayFrom(first.toLocalDate());
        if (day != null && !day.equals(first.toLocalDate())) {
            suggested = day;
            suggestionText.setText(getTranslation("series.suggestion.text",
                    Formats.dateWithYear(first.toLocalDate(), getLocale()),
                    Formats.dateWithYear(day, getLocale())));
            suggestion.setVisible(true);
            summary.setText(pattern);
            return;
        }
        summary.setText(pattern + " " + dates(rule, first));
    }

    private String weekdayOf(Recurrence rule, LocalDateTime first) {
        return Formats.weekday(rule.days().isEmpty() ? first.getDayOfWeek() : rule.days().iterator().next(),
                getLocale());
    }

    /** How many dates the rule holds and until when, skipped days told apart: what the public page will say. */
    private String dates(Recurrence rule, LocalDateTime first) {
        if (EventRules.checkRecurrence(rule, first, skipHolidays.getValue(), skipFrom.getValue(),
                skipTo.getValue()) != null) {
            return "";
        }
        return OccurrencePlan.Tally.of(OccurrencePlan.expand(first, first, rule.toRule(), skipHolidays.getValue(),
                skipFrom.getValue(), skipTo.getValue())).map(tally -> {
                    String last = Formats.dateWithYear(tally.last(), getLocale());
                    return tally.skipped() == 0 ? getTranslation("series.summary.dates", tally.held(), last)
                            : getTranslation("series.summary.dates-skipped", tally.held(), last, tally.skipped());
                }).orElse("");
    }

    /** The rule the fields describe, checked or not. */
    private Recurrence rule(Kind chosen, LocalDateTime first) {
        boolean byDate = end.getValue() != End.COUNT;
        LocalDate last = byDate ? until.getValue() : null;
        Integer times = byDate ? null : count.getValue();
        return switch (chosen) {
            case WEEKLY -> new Recurrence(Recurrence.Pattern.WEEKLY, interval.getValue() == null ? 1
                    : interval.getValue(), weekdays.getValue(), 0, 0, last, times);
            case MONTHLY_WEEKDAY -> new Recurrence(Recurrence.Pattern.MONTHLY_WEEKDAY, 1,
                    EnumSet.of(monthWeekday.getValue() == null ? first.getDayOfWeek() : monthWeekday.getValue()),
                    nth.getValue() == null ? nthOf(first.toLocalDate()) : nth.getValue(), 0, last, times);
            case MONTHLY_DAY -> new Recurrence(Recurrence.Pattern.MONTHLY_DAY, 1, Set.of(), 0,
                    first.getDayOfMonth(), last, times);
            case NONE -> null;
        };
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
        monthWeekday.setValue(rule.pattern() == Recurrence.Pattern.MONTHLY_WEEKDAY && !rule.days().isEmpty()
                ? rule.days().iterator().next() : null);
        end.setValue(rule.count() != null ? End.COUNT : End.UNTIL);
        until.setValue(rule.until());
        count.setValue(rule.count());
        refresh();
    }

    /** Writes the rule into the draft and checks it against the first date; false if wrong, with the message at
     * the field to change. */
    boolean write(EventDraft draft) {
        for (HasValidation field : List.<HasValidation>of(kind, weekdays, nth, monthWeekday, until, count, skipTo)) {
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
        Recurrence rule = rule(chosen, first);
        draft.setRecurrence(rule);
        draft.setSkipHolidays(skipHolidays.getValue());
        draft.setSkipFrom(skipFrom.getValue());
        draft.setSkipTo(skipTo.getValue());
        HasValidation refused = null;
        String problem = EventRules.checkRecurrence(rule, first, skipHolidays.getValue(), skipFrom.getValue(),
                skipTo.getValue());
        if (problem != null) {
            refused = fieldFor(problem);
            refused.setErrorMessage(getTranslation(problem));
            refused.setInvalid(true);
        }
        String skipProblem = EventRules.checkSkipPeriod(skipFrom.getValue(), skipTo.getValue());
        if (skipProblem != null) {
            skipTo.setErrorMessage(getTranslation(skipProblem));
            skipTo.setInvalid(true);
            refused = refused == null ? skipTo : refused;
        }
        return refused == null;
    }

    /** Puts a rule's message at the field the user must change. */
    private HasValidation fieldFor(String problem) {
        return switch (problem) {
            case "series.validation.weekday", "series.validation.start-not-in-rule" ->
                    kind.getValue() == Kind.WEEKLY ? weekdays
                            : kind.getValue() == Kind.MONTHLY_WEEKDAY ? monthWeekday : kind;
            case "series.validation.nth" -> nth;
            case "series.validation.no-end", "series.validation.until", "series.validation.too-many" ->
                    end.getValue() == End.COUNT ? count : until;
            case "series.validation.count" -> count;
            default -> kind;
        };
    }

    /** The repeat fields in the order they are shown, for finding the first one refused. */
    List<HasValidation> ordered() {
        return List.of(kind, interval, nth, monthWeekday, weekdays, until, count, skipFrom, skipTo);
    }

    Map<String, HasValidation> fields() {
        return Map.of("recurrence", kind, "skipTo", skipTo);
    }
}
