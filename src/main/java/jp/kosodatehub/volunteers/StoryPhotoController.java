package jp.kosodatehub.volunteers;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The photo of a published story, for the public volunteer page. Only published photos are served here, whoever
 * asks, because the answer may be kept by shared caches; members see their unpublished photos inside the app.
 */
@RestController
class StoryPhotoController {

    private final StoryService stories;

    StoryPhotoController(StoryService stories) {
        this.stories = stories;
    }

    @GetMapping("/volunteer/stories/{id:[0-9]{1,18}}/photo")
    ResponseEntity<byte[]> photo(@PathVariable("id") Long id) {
        return stories.publishedPhoto(id)
                .map(photo -> ResponseEntity.ok()
                        .contentType(MediaType.IMAGE_JPEG)
                        .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                        .header("X-Content-Type-Options", "nosniff")
                        .body(photo.data()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
