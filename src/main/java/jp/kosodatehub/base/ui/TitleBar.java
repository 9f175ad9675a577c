package jp.kosodatehub.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** A heading with the page's main action beside it, wrapping under it on a narrow phone. */
public class TitleBar extends HorizontalLayout {

    public TitleBar(Component heading, Component... actions) {
        add(heading);
        add(actions);
        setWidthFull();
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        setWrap(true);
    }
}
