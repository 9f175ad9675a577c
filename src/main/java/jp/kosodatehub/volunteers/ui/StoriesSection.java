package jp.kosodatehub.volunteers.ui;

import com.vaadin.flow.component.html.Section;
import jp.kosodatehub.volunteers.StoryService;

/** Supporters' stories on the public volunteer page, to show others what helping is like. */
public class StoriesSection extends Section {

    public StoriesSection(StoryService stories) {
        addClassName("volunteer-stories");
    }
}
