package jp.kosodatehub.volunteers;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Supporters' stories (やりがい) and their moderation. */
@Service
public class StoryService {

    private final StoryRepository stories;

    StoryService(StoryRepository stories) {
        this.stories = stories;
    }

    /** Published stories, newest first. */
    @Transactional(readOnly = true)
    public List<Story> publishedStories(int offset, int limit) {
        return List.of();
    }
}
