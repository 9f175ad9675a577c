package jp.kosodatehub.volunteers.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.shared.Registration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import jp.kosodatehub.reference.District;
import jp.kosodatehub.volunteers.OpeningFilter;
import jp.kosodatehub.volunteers.SupporterType;

/**
 * The volunteer board's filter. It only says what the visitor chose; the view puts the choice into the address so
 * that a search can be shared and the back button works.
 */
class OpeningFilterForm extends Div {

    /** The visitor changed the filter or cleared it. */
    static class FilterChangeEvent extends ComponentEvent<OpeningFilterForm> {

        private final transient OpeningFilter filter;

        FilterChangeEvent(OpeningFilterForm source, boolean fromClient, OpeningFilter filter) {
            super(source, fromClient);
            this.filter = filter;
        }

        OpeningFilter filter() {
            return filter;
        }
    }

    private final Select<SupporterType> suitableFor = new Select<>();
    private final Select<District> district = new Select<>();
    private final Select<OpeningFilter.Timing> timing = new Select<>();
    private boolean populating;

    OpeningFilterForm() {
        Locale locale = getLocale();
        optional(suitableFor, "volunteer.board.filter.for", type -> getTranslation(type.translationKey()));
        // "Anyone" is not a kind of person to filter by: every choice already includes openings for anyone.
        suitableFor.setItems(Arrays.stream(SupporterType.values()).filter(type -> type != SupporterType.ANYONE)
                .toList());
        optional(district, "volunteer.board.filter.district", item -> item.displayName(locale));
        optional(timing, "volunteer.board.filter.when", option -> getTranslation(
                "volunteer.board.when." + option.name().toLowerCase(Locale.ROOT)));
        timing.setItems(OpeningFilter.Timing.ONGOING, OpeningFilter.Timing.DATED);

        Button reset = new Button(getTranslation("volunteer.board.filter.reset"),
                click -> fireEvent(new FilterChangeEvent(this, click.isFromClient(), OpeningFilter.none())));
        reset.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Div fields = new Div(suitableFor, district, timing);
        fields.addClassNames("feed-filters", "opening-filters");
        add(fields, reset);
        addClassName("feed-filter-box");
        getElement().setAttribute("role", "search");

        suitableFor.addValueChangeListener(change -> onChange(change.isFromClient()));
        district.addValueChangeListener(change -> onChange(change.isFromClient()));
        timing.addValueChangeListener(change -> onChange(change.isFromClient()));
    }

    private <T> void optional(Select<T> select, String labelKey, Function<T, String> label) {
        select.setLabel(getTranslation(labelKey));
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(getTranslation("volunteer.board.filter.all"));
        select.setItemLabelGenerator(item -> item == null ? getTranslation("volunteer.board.filter.all")
                : label.apply(item));
    }

    Registration addFilterChangeListener(ComponentEventListener<FilterChangeEvent> listener) {
        return addListener(FilterChangeEvent.class, listener);
    }

    /** Shows the filter read from the address, with today's districts, without firing. */
    void populate(OpeningFilter filter, List<District> districts) {
        populating = true;
        try {
            district.setItems(districts);
            suitableFor.setValue(filter.suitableFor());
            district.setValue(districts.stream().filter(item -> item.getId().equals(filter.districtId()))
                    .findFirst().orElse(null));
            timing.setValue(filter.timing() == OpeningFilter.Timing.ANY ? null : filter.timing());
        } finally {
            populating = false;
        }
    }

    private void onChange(boolean fromClient) {
        if (populating) {
            return;
        }
        fireEvent(new FilterChangeEvent(this, fromClient, new OpeningFilter(suitableFor.getValue(),
                district.getValue() == null ? null : district.getValue().getId(), timing.getValue())));
    }
}
