package jp.kosodatehub.base.ui;

import com.vaadin.flow.component.html.Span;

/** A small coloured label (free, cancelled, an age band …). */
public class Badge extends Span {

    public enum Tone { NEUTRAL, SUCCESS, WARNING, ERROR, INFO }

    public Badge(String text, Tone tone) {
        super(text);
        addClassNames("badge", "badge-" + tone.name().toLowerCase(java.util.Locale.ROOT));
    }
}
