package jp.kosodatehub.volunteers.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import java.util.Optional;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.ui.EventPageSection;
import jp.kosodatehub.volunteers.Opening;
import jp.kosodatehub.volunteers.OpeningService;

/** On a public event's page: the openings for helpers at that event, each linking to its page and form. */
@org.springframework.stereotype.Component
class OpeningsOnEventPage implements EventPageSection {

    private final OpeningService openings;

    OpeningsOnEventPage(OpeningService openings) {
        this.openings = openings;
    }

    @Override
    public Optional<Component> sectionFor(Event event) {
        List<Opening> linked = openings.openingsForEvent(event.getId());
        if (linked.isEmpty()) {
            return Optional.empty();
        }
        Div box = new Div();
        box.addClassNames("next-dates", "event-openings");
        box.add(new H2(box.getTranslation("volunteer.opening.event-section.title")));
        UnorderedList list = new UnorderedList();
        for (Opening opening : linked) {
            ListItem item = new ListItem(new Anchor("volunteer/" + opening.getId(), opening.getRole()));
            Span people = new Span(box.getTranslation("volunteer.opening.people", opening.getPeopleNeeded()));
            people.addClassName("event-card-where");
            item.add(people);
            list.add(item);
        }
        box.add(list);
        return Optional.of(box);
    }
}
