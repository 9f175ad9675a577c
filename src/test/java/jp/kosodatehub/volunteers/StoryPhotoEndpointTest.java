package jp.kosodatehub.volunteers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import jp.kosodatehub.RestoreSecurityContextStrategy;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.organisations.Organisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A story's photo over real HTTP, without an account: published photos only, as a cacheable JPEG. */
@ExtendWith(RestoreSecurityContextStrategy.class)
// A context of its own: sharing LoginHttpTest's cached one, whichever class ran second would find the security
// context strategy restored under the context's feet (see RestoreSecurityContextStrategy).
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "kosodatehub.test.context=story-photo-endpoint")
class StoryPhotoEndpointTest {

    @LocalServerPort
    int port;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    StoryService stories;

    HttpClient client;
    String member;
    String coordinator;

    @BeforeEach
    void setUp() {
        client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        Organisation organisation = fixtures.organisation("photo-endpoint", false);
        member = fixtures.member(organisation);
        coordinator = fixtures.coordinator();
    }

    private Story storyWithPhoto(boolean publish) {
        Story story = fixtures.as(member, () -> {
            Story saved = stories.save(StoryServiceTest.draft("写真つきの声", true));
            return stories.setPhoto(saved.getId(), saved.getVersion(), StoryServiceTest.jpeg(800, 600,
                    StoryServiceTest.exif(1)));
        });
        if (!publish) {
            return story;
        }
        Story submitted = fixtures.as(member, () -> stories.submit(story.getId(), story.getVersion()));
        return fixtures.as(coordinator, () -> stories.publish(story.getId(), submitted.getVersion()));
    }

    @Test
    void anyoneGetsThePhotoOfAPublishedStoryAsACacheableJpeg() throws Exception {
        Story story = storyWithPhoto(true);

        HttpResponse<byte[]> response = send("GET", "/volunteer/stories/" + story.getId() + "/photo?v=1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(value ->
                assertThat(value).contains("public").contains("max-age=3600"));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(StoryPhotos.format(response.body())).isEqualTo("jpeg");
        assertThat(send("HEAD", "/volunteer/stories/" + story.getId() + "/photo").statusCode()).isEqualTo(200);
    }

    @Test
    void unpublishedOrMissingPhotosAreNotFound() throws Exception {
        Story unpublished = storyWithPhoto(false);
        Story withoutPhoto = fixtures.as(member, () -> stories.save(StoryServiceTest.draft("写真なし", false)));

        assertThat(send("GET", "/volunteer/stories/" + unpublished.getId() + "/photo").statusCode())
                .isEqualTo(404);
        assertThat(send("GET", "/volunteer/stories/" + withoutPhoto.getId() + "/photo").statusCode())
                .isEqualTo(404);
        assertThat(send("GET", "/volunteer/stories/999999999/photo").statusCode()).isEqualTo(404);
    }

    private HttpResponse<byte[]> send(String method, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
