package jp.kosodatehub.volunteers.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import java.util.List;
import jp.kosodatehub.volunteers.Story;
import jp.kosodatehub.volunteers.StoryService;

/**
 * Supporters' stories on the public volunteer page, to show others what helping is like: the latest published
 * ones, more on request, and nothing at all (not even the heading) while there are none.
 */
public class StoriesSection extends Section {

    static final int PAGE = 6;

    private final transient StoryService stories;
    private final Div cards = new Div();
    private final Button more = new Button();
    private int shown;

    public StoriesSection(StoryService stories) {
        this.stories = stories;
        addClassName("volunteer-stories");
        H2 heading = new H2(getTranslation("volunteer.story.section.title"));
        heading.setId("volunteer-stories-title");
        getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
        Paragraph intro = new Paragraph(getTranslation("volunteer.story.section.intro"));
        intro.addClassName("volunteer-stories-intro");
        cards.addClassName("story-cards");
        more.setText(getTranslation("volunteer.story.section.more"));
        more.addClassName("story-more");
        more.addClickListener(click -> showMore());
        add(heading, intro, cards, more);
        showMore();
        setVisible(shown > 0);
    }

    private void showMore() {
        List<Story> page = stories.publishedStories(shown, PAGE);
        for (Story story : page) {
            cards.add(new StoryCard(story, story.hasPhoto() ? publicPhoto(story) : null));
        }
        shown += page.size();
        more.setVisible(page.size() == PAGE && stories.publishedCount() > shown);
    }

    private Image publicPhoto(Story story) {
        // Relative to the page's base, the application's root. The version in the address makes browsers and
        // shared caches fetch a replaced photo rather than keep showing the old one for an hour.
        Image photo = new Image("volunteer/stories/" + story.getId() + "/photo?v=" + story.getVersion(),
                StoryCard.photoAlt(this, story));
        photo.getElement().setAttribute("loading", "lazy");
        photo.getElement().setAttribute("decoding", "async");
        return photo;
    }
}
