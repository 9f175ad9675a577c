package jp.kosodatehub.events.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import jp.kosodatehub.events.Event;

/**
 * A part another feature adds to a public event's page (the event's volunteer openings …), so that events need
 * not know those features. Every Spring bean of this type is asked, in bean order; it answers only for events it
 * has something to say about.
 */
public interface EventPageSection {

    /** The section for this public event, or empty when there is nothing to show. */
    Optional<Component> sectionFor(Event event);
}
