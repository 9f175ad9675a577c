package jp.kosodatehub.events.ui;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import jp.kosodatehub.base.ui.ComponentTexts;
import jp.kosodatehub.events.AgeBand;
import jp.kosodatehub.events.EventFilter;
import jp.kosodatehub.events.Facility;
import jp.kosodatehub.events.FeedParameters;
import jp.kosodatehub.events.TargetGroup;
import jp.kosodatehub.reference.District;
import jp.kosodatehub.reference.EventKind;
import jp.kosodatehub.reference.ReferenceItem;

/**
 * The parents' filter, shared by the list and the month calendar. It only says what the visitor chose; the view
 * puts the choice into the address, so the back button and shared links keep working. The calendar takes its
 * dates from the month shown, so it hides the date fields and hands back whatever dates the address had.
 */
class FeedFilterForm extends Div {

    /** The visitor changed the filter (or cleared it); {@code when} is the quick range chosen, if any. */
    static class FilterChangeEvent extends ComponentEvent<FeedFilterForm> {

        private final transient EventFilter filter;
        private final FeedParameters.When when;

        FilterChangeEvent(FeedFilterForm source, boolean fromClient, EventFilter filter, FeedParameters.When when) {
            super(source, fromClient);
            this.filter = filter;
            this.when = when;
        }

        EventFilter filter() {
            return filter;
        }

        FeedParameters.When when() {
            return when;
        }
    }

    private final boolean withDates;
    private final TextField keyword = new TextField();
    private final Select<AgeBand> ageBand = new Select<>();
    private final Select<District> district = new Select<>();
    private final Select<FeedParameters.When> when = new Select<>();
    private final Checkbox weekend = new Checkbox();
    private final Checkbox evening = new Checkbox();
    private final Checkbox free = new Checkbox();
    private final Checkbox noBooking = new Checkbox();
    private final Details more = new Details();

    /**
     * The further filters are built only when a visitor opens them: most never do, and their options (each one a
     * component on the server) would otherwise be about a third of what every anonymous feed session keeps in
     * memory. Until then their values come from the address ({@link #shown}).
     */
    private MoreFilters moreFilters;
    private transient List<EventKind> kinds = List.of();
    private EventFilter shown = EventFilter.none();

    private boolean populating;
    // Without date fields, the quick range of the address is handed back untouched (its dates are in shown).
    private FeedParameters.When keptWhen;

    /** Kind, target group, custom dates and facilities: built on first opening. */
    private final class MoreFilters implements Serializable {

        private final Select<EventKind> kind = new Select<>();
        private final DatePicker from = ComponentTexts.texts(new DatePicker());
        private final DatePicker to = ComponentTexts.texts(new DatePicker());
        private final Select<TargetGroup> group = new Select<>();
        private final CheckboxGroup<Facility> facilities = new CheckboxGroup<>();

        MoreFilters() {
            Locale locale = getLocale();
            optional(kind, "feed.filter.kind", item -> item.displayName(locale));
            from.setLabel(getTranslation("feed.filter.from"));
            to.setLabel(getTranslation("feed.filter.to"));
            from.setClearButtonVisible(true);
            to.setClearButtonVisible(true);
            optional(group, "feed.filter.group", option -> getTranslation(option.translationKey()));
            group.setItems(TargetGroup.values());
            facilities.setLabel(getTranslation("feed.filter.facilities"));
            facilities.setItems(Facility.values());
            facilities.setItemLabelGenerator(facility -> getTranslation(facility.translationKey()));
            Div extra = withDates ? new Div(kind, group, from, to, facilities) : new Div(kind, group, facilities);
            extra.addClassNames("feed-filters", "feed-filters-more");
            more.add(extra);
            List.<AbstractField<?, ?>>of(kind, group, facilities)
                    .forEach(field -> field.addValueChangeListener(change -> onChange(false, change.isFromClient())));
            from.addValueChangeListener(change -> onChange(true, change.isFromClient()));
            to.addValueChangeListener(change -> onChange(true, change.isFromClient()));
        }

        /** Shows what the address says, without firing. */
        void show() {
            boolean wasPopulating = populating;
            populating = true;
            try {
                kind.setItems(kinds);
                kind.setValue(find(kinds, shown.kindId()));
                from.setValue(keptWhen == null ? shown.from() : null);
                to.setValue(keptWhen == null ? shown.to() : null);
                group.setValue(shown.targetGroup());
                facilities.setValue(shown.facilities());
            } finally {
                populating = wasPopulating;
            }
        }
    }

    /** @param withDates show the quick range and the from/to fields (the list does, the calendar does not) */
    FeedFilterForm(boolean withDates) {
        this.withDates = withDates;
        Locale locale = getLocale();
        keyword.setLabel(getTranslation("feed.filter.keyword"));
        keyword.setClearButtonVisible(true);
        keyword.setMaxLength(EventFilter.KEYWORD_MAX);
        keyword.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        optional(ageBand, "feed.filter.age-band", band -> getTranslation(band.translationKey()));
        ageBand.setItems(AgeBand.values());
        optional(district, "feed.filter.district", item -> item.displayName(locale));
        optional(when, "feed.filter.when", option -> getTranslation(option.translationKey()));
        when.setItems(FeedParameters.When.values());
        when.setEmptySelectionCaption(getTranslation("feed.when.any"));
        weekend.setLabel(getTranslation("feed.filter.weekend"));
        evening.setLabel(getTranslation("feed.filter.evening"));
        free.setLabel(getTranslation("feed.filter.free"));
        noBooking.setLabel(getTranslation("feed.filter.no-booking"));

        Button reset = new Button(getTranslation("feed.filter.reset"),
                click -> fireEvent(new FilterChangeEvent(this, click.isFromClient(), EventFilter.none(), null)));
        reset.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        Div main = withDates ? new Div(keyword, ageBand, district, when) : new Div(keyword, ageBand, district);
        main.addClassName("feed-filters");
        Div toggles = new Div(weekend, evening, free, noBooking);
        toggles.addClassName("feed-toggles");
        more.setSummaryText(getTranslation("feed.filter.more"));
        more.addOpenedChangeListener(change -> {
            if (change.isOpened()) {
                buildMoreFilters();
            }
        });
        add(main, toggles, more, reset);
        addClassName("feed-filter-box");
        getElement().setAttribute("role", "search");

        List.<AbstractField<?, ?>>of(keyword, ageBand, district, when, weekend, evening, free, noBooking)
                .forEach(field -> field.addValueChangeListener(change -> onChange(false, change.isFromClient())));
    }

    private void buildMoreFilters() {
        if (moreFilters == null) {
            moreFilters = new MoreFilters();
            moreFilters.show();
        }
    }

    private <T> void optional(Select<T> select, String labelKey, Function<T, String> label) {
        select.setLabel(getTranslation(labelKey));
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(getTranslation("feed.filter.all"));
        select.setItemLabelGenerator(item -> item == null ? getTranslation("feed.filter.all") : label.apply(item));
    }

    /** Puts the keyboard focus (and a phone's keyboard) on the first field, the keyword. */
    void focusFirstField() {
        keyword.focus();
    }

    Registration addFilterChangeListener(ComponentEventListener<FilterChangeEvent> listener) {
        return addListener(FilterChangeEvent.class, listener);
    }

    /** Shows the filter read from the address, with today's choice of kinds and districts, without firing. */
    void populate(FeedParameters.Parsed parsed, List<EventKind> kinds, List<District> districts) {
        populating = true;
        try {
            EventFilter filter = parsed.filter();
            this.kinds = kinds;
            shown = filter;
            district.setItems(districts);
            keyword.setValue(filter.keyword() == null ? "" : filter.keyword());
            district.setValue(find(districts, filter.districtId()));
            ageBand.setValue(filter.ageBand());
            when.setValue(parsed.when());
            keptWhen = parsed.when();
            weekend.setValue(filter.weekendOrHoliday());
            evening.setValue(filter.evening());
            free.setValue(filter.freeOnly());
            noBooking.setValue(filter.noBooking());
            boolean customDates = withDates && parsed.when() == null
                    && (filter.from() != null || filter.to() != null);
            boolean open = filter.kindId() != null || filter.targetGroup() != null || !filter.facilities().isEmpty()
                    || customDates;
            if (moreFilters != null) {
                moreFilters.show();
            } else if (open) {
                buildMoreFilters();
            }
            more.setOpened(open);
        } finally {
            populating = false;
        }
    }

    private static <T extends ReferenceItem> T find(List<T> items, Long id) {
        return id == null ? null : items.stream().filter(item -> item.getId().equals(id)).findFirst().orElse(null);
    }

    private void onChange(boolean customDates, boolean fromClient) {
        if (populating) {
            return;
        }
        FeedParameters.When quick = withDates ? when.getValue() : keptWhen;
        LocalDate start = shown.from();
        LocalDate end = shown.to();
        if (withDates && moreFilters != null) {
            start = moreFilters.from.getValue();
            end = moreFilters.to.getValue();
        } else if (withDates && keptWhen != null) {
            // Not built yet: the custom date fields would be showing nothing next to a quick range.
            start = null;
            end = null;
        }
        if (!withDates) {
            // Keep the address's dates as they were: a quick range wins, as it did when it was read.
            if (quick != null) {
                start = null;
                end = null;
            }
        } else if (customDates && (start != null || end != null)) {
            quick = null;
        } else if (quick != null) {
            start = null;
            end = null;
        }
        String text = keyword.getValue() == null || keyword.getValue().isBlank() ? null : keyword.getValue().strip();
        Long kindId = moreFilters == null ? shown.kindId()
                : moreFilters.kind.getValue() == null ? null : moreFilters.kind.getValue().getId();
        TargetGroup group = moreFilters == null ? shown.targetGroup() : moreFilters.group.getValue();
        Set<Facility> facilities = moreFilters == null ? shown.facilities() : moreFilters.facilities.getValue();
        EventFilter next = new EventFilter(text, kindId, ageBand.getValue(),
                district.getValue() == null ? null : district.getValue().getId(), start, end, weekend.getValue(),
                evening.getValue(), free.getValue(), noBooking.getValue(), group, facilities);
        fireEvent(new FilterChangeEvent(this, fromClient, next, quick));
    }
}
