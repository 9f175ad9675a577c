package jp.kosodatehub.events.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import jp.kosodatehub.base.ui.Formats;
import jp.kosodatehub.base.ui.PlainText;
import jp.kosodatehub.events.EventStatusChange;

/** Every state change of an event, oldest first: who, when, from what to what, and why. */
class StatusHistory extends Div {

    StatusHistory(List<EventStatusChange> changes) {
        addClassName("status-history");
        add(new H2(getTranslation("event.history.title")));
        UnorderedList list = new UnorderedList();
        for (EventStatusChange change : changes) {
            String to = getTranslation(change.getToStatus().translationKey());
            String step = change.getFromStatus() == null ? getTranslation("event.history.created", to)
                    : getTranslation("event.history.changed", getTranslation(change.getFromStatus().translationKey()),
                            to);
            Span when = new Span(Formats.timestamp(change.getChangedAt()));
            when.addClassName("history-when");
            ListItem item = new ListItem(when, new Span(step), new Span(getTranslation("event.history.by",
                    change.getActor())));
            if (change.getReason() != null) {
                PlainText reason = new PlainText(change.getReason());
                reason.addClassName("history-reason");
                item.add(reason);
            }
            list.add(item);
        }
        add(list);
    }
}
