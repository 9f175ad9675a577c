package jp.kosodatehub.base.ui;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shows user-written text with its line breaks and with web addresses as links. The text only ever becomes text
 * nodes and anchors, never HTML, so nothing a user types can run in a visitor's browser.
 */
public class PlainText extends Div {

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"'\\u3000、。」）]+");

    public PlainText(String text) {
        addClassName("plain-text");
        if (text == null) {
            return;
        }
        Matcher matcher = URL.matcher(text);
        int last = 0;
        while (matcher.find()) {
            if (matcher.start() > last) {
                add(new Text(text.substring(last, matcher.start())));
            }
            String url = matcher.group();
            Anchor link = new Anchor(url, url);
            link.setTarget(AnchorTarget.BLANK);
            link.getElement().setAttribute("rel", "noopener noreferrer nofollow");
            add(link);
            last = matcher.end();
        }
        if (last < text.length()) {
            add(new Text(text.substring(last)));
        }
    }
}
