package jp.kosodatehub.events.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import jp.kosodatehub.base.ui.Badge;
import jp.kosodatehub.base.ui.Formats;
import jp.kosodatehub.events.EventOccurrence;

/**
 * The coming dates of a series, each of which its organisation can cancel (雨天中止) or move without touching the
 * series. Fires typed events; the view decides what they mean.
 */
class SeriesDates extends Div {

    SeriesDates(List<EventOccurrence> dates, boolean editable) {
        addClassName("series-dates");
        add(new H2(getTranslation("series.dates.title")));
        if (dates.isEmpty()) {
            add(new Paragraph(getTranslation("series.dates.none")));
            return;
        }
        UnorderedList list = new UnorderedList();
        for (EventOccurrence date : dates) {
            Span when = new Span(Formats.range(date.getStartsAt(), date.getEndsAt(), getLocale()));
            when.addClassName("series-date-when");
            ListItem item = new ListItem(when);
            if (date.isCancelled()) {
                item.add(new Badge(getTranslation("event.status.cancelled"), Badge.Tone.ERROR));
            } else if (date.isMoved()) {
                item.add(new Badge(getTranslation("series.moved-from",
                        Formats.range(date.getOriginalStart(), null, getLocale())), Badge.Tone.WARNING));
            }
            if (date.getReason() != null) {
                Span reason = new Span(date.getReason());
                reason.addClassName("series-date-reason");
                item.add(reason);
            }
            if (editable) {
                Div actions = new Div();
                actions.addClassName("series-date-actions");
                if (date.isCancelled() || date.isMoved()) {
                    Button restore = new Button(getTranslation("series.action.restore"),
                            click -> fireEvent(new DateAction(this, date, DateAction.Kind.RESTORE)));
                    restore.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                    actions.add(restore);
                }
                if (!date.isCancelled()) {
                    Button cancel = new Button(getTranslation("series.action.cancel-date"),
                            click -> fireEvent(new DateAction(this, date, DateAction.Kind.CANCEL)));
                    cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
                    Button move = new Button(getTranslation("series.action.move-date"),
                            click -> fireEvent(new DateAction(this, date, DateAction.Kind.MOVE)));
                    move.addThemeVariants(ButtonVariant.LUMO_SMALL);
                    actions.add(cancel, move);
                }
                item.add(actions);
            }
            list.add(item);
        }
        add(list);
    }

    Registration addDateActionListener(ComponentEventListener<DateAction> listener) {
        return addListener(DateAction.class, listener);
    }

    /** The user wants to cancel, move or restore one date. */
    static class DateAction extends ComponentEvent<SeriesDates> {

        enum Kind { CANCEL, MOVE, RESTORE }

        private final transient EventOccurrence date;
        private final Kind kind;

        DateAction(SeriesDates source, EventOccurrence date, Kind kind) {
            super(source, false);
            this.date = date;
            this.kind = kind;
        }

        EventOccurrence date() {
            return date;
        }

        Kind kind() {
            return kind;
        }
    }
}
