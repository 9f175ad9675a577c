package jp.kosodatehub.volunteers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A story's photo, re-encoded on upload (which drops location and camera metadata) and kept in the database. */
@Entity
@Table(name = "volunteer_story_photo")
public class StoryPhoto {

    @Id
    @Column(name = "story_id")
    private Long storyId;

    @Column(name = "content_type", nullable = false, length = 40)
    private String contentType;

    @Column(nullable = false)
    private byte[] data;

    protected StoryPhoto() {
    }

    public StoryPhoto(Long storyId, String contentType, byte[] data) {
        this.storyId = storyId;
        this.contentType = contentType;
        this.data = data.clone();
    }

    public Long getStoryId() {
        return storyId;
    }

    public String getContentType() {
        return contentType;
    }

    public byte[] getData() {
        return data.clone();
    }
}
