package jp.kosodatehub.base.ui;

import java.util.Locale;
import com.vaadin.flow.component.html.Span;

/** A small coloured label (free, cancelled, an age band …). */
public class Badge extends Span {

    public enum Tone { NEUTRAL, SUCCESS, WARNING, ERROR, INFO }

    public Badge(String text, Tone tone) {
        super(text);
        addClassNames("badge", className(tone));
    }

    /** The style class of a tone, for badges written as HTML rather than as components. */
    public static String className(Tone tone) {
        return "badge-" + tone.name().toLowerCase(Locale.ROOT);
    }
}
