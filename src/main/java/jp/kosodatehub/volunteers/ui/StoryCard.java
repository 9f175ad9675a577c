package jp.kosodatehub.volunteers.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HtmlContainer;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import jp.kosodatehub.base.ui.Badge;
import jp.kosodatehub.base.ui.PlainText;
import jp.kosodatehub.volunteers.Story;

/**
 * One supporter's story as the public sees it: the photo if there is one, the words as a quotation, who said them
 * and with which organisation. The moderation preview uses the same card, so the office sees what will appear.
 */
class StoryCard extends Div {

    /** @param photo the story's photo, or null; its source differs between the public page and the preview */
    StoryCard(Story story, Image photo) {
        addClassName("story-card");
        getElement().setAttribute("role", "article");
        if (photo != null) {
            photo.addClassName("story-card-photo");
            add(photo);
        }
        Quote quote = new Quote();
        quote.add(new PlainText(story.getText()));
        quote.addClassName("story-card-text");

        Span author = new Span(story.getAuthorLabel());
        author.addClassName("story-card-author");
        Div who = new Div(author);
        who.addClassName("story-card-who");
        if (story.getSupporterType() != null) {
            who.add(new Badge(getTranslation(story.getSupporterType().translationKey()), Badge.Tone.INFO));
        }
        Span organisation = new Span(story.getOrganisation().getName());
        organisation.addClassName("story-card-organisation");
        add(quote, who, organisation);
    }

    /** The alternative text of a story's photo, naming who is in it as the story names them. */
    static String photoAlt(Component component, Story story) {
        return component.getTranslation("volunteer.story.photo-alt", story.getAuthorLabel());
    }

    @Tag("blockquote")
    static final class Quote extends HtmlContainer {
    }
}
