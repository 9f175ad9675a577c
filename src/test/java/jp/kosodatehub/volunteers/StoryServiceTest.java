package jp.kosodatehub.volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.base.validation.InvalidInputException;
import jp.kosodatehub.organisations.Organisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

@SpringBootTest
class StoryServiceTest {

    private static final String SECRET = "GPS 35.3378N 139.6235E";

    @Autowired
    StoryService stories;

    @Autowired
    TestFixtures fixtures;

    Organisation ours;
    Organisation theirs;
    String member;
    String otherMember;
    String coordinator;

    @BeforeEach
    void setUp() {
        ours = fixtures.organisation("story-ours", false);
        theirs = fixtures.organisation("story-theirs", false);
        member = fixtures.member(ours);
        otherMember = fixtures.member(theirs);
        coordinator = fixtures.coordinator();
    }

    static StoryDraft draft(String text, boolean consent) {
        StoryDraft draft = new StoryDraft();
        draft.setAuthorLabel("大学生ボランティア Aさん");
        draft.setSupporterType(SupporterType.UNIVERSITY);
        draft.setText(text);
        draft.setPhotoConsent(consent);
        return draft;
    }

    private Story write(String user, boolean consent) {
        return fixtures.as(user, () -> stories.save(draft(TestFixtures.unique("子どもたちの笑顔が励みです"), consent)));
    }

    private Story published(String user) {
        Story story = write(user, true);
        Story submitted = fixtures.as(user, () -> stories.submit(story.getId(), story.getVersion()));
        return fixtures.as(coordinator, () -> stories.publish(story.getId(), submitted.getVersion()));
    }

    @Test
    void memberWritesForOwnOrganisationWhateverTheFormSays() {
        StoryDraft draft = draft("毎週の見守りが楽しみになりました", false);
        draft.setOrganisation(theirs);

        Story story = fixtures.as(member, () -> stories.save(draft));

        assertThat(story.getOrganisation()).isEqualTo(ours);
        assertThat(story.getStatus()).isEqualTo(PostStatus.DRAFT);
    }

    @Test
    void memberOfAnotherOrganisationCanNeitherLoadNorChangeTheStory() {
        Story story = write(member, true);
        StoryDraft theirEdit = fixtures.as(member, () -> stories.loadForEdit(story.getId()));
        theirEdit.setText("書き換え");
        byte[] photo = jpeg(400, 300, null);

        assertThatThrownBy(() -> fixtures.as(otherMember, () -> stories.loadForEdit(story.getId())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(otherMember, () -> stories.get(story.getId())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(otherMember, () -> stories.save(theirEdit)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(otherMember, () -> stories.submit(story.getId(), story.getVersion())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(otherMember, () -> stories.withdraw(story.getId(), story.getVersion())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(otherMember,
                () -> stories.setPhoto(story.getId(), story.getVersion(), photo)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(otherMember,
                () -> stories.removePhoto(story.getId(), story.getVersion())))
                .isInstanceOf(AccessDeniedException.class);

        Story unchanged = fixtures.as(member, () -> stories.get(story.getId()));
        assertThat(unchanged.getStatus()).isEqualTo(PostStatus.DRAFT);
        assertThat(unchanged.getText()).isEqualTo(story.getText());
        assertThat(unchanged.hasPhoto()).isFalse();
        assertThat(fixtures.as(otherMember, () -> stories.myStories(0, 500)))
                .extracting(Story::getId).doesNotContain(story.getId());
        assertThat(fixtures.as(otherMember, () -> stories.photo(story.getId()))).isEmpty();
    }

    @Test
    void trustedOrganisationPublishesDirectlyOthersWaitInTheQueue() {
        Organisation trusted = fixtures.organisation("story-trusted", true);
        String trustedMember = fixtures.member(trusted);
        Story direct = write(trustedMember, false);
        Story waiting = write(member, false);

        Story directResult = fixtures.as(trustedMember, () -> stories.submit(direct.getId(), direct.getVersion()));
        Story waitingResult = fixtures.as(member, () -> stories.submit(waiting.getId(), waiting.getVersion()));

        assertThat(directResult.getStatus()).isEqualTo(PostStatus.PUBLISHED);
        assertThat(waitingResult.getStatus()).isEqualTo(PostStatus.SUBMITTED);
        List<Long> queue = fixtures.as(coordinator, () -> stories.moderationQueue(0, 500)).stream()
                .map(Story::getId).toList();
        assertThat(queue).contains(waiting.getId()).doesNotContain(direct.getId());
        assertThat(stories.publishedStories(0, 500)).extracting(Story::getId)
                .contains(direct.getId()).doesNotContain(waiting.getId());
    }

    @Test
    void onlyCoordinatorsPublishOrSendBackAndSendingBackNeedsAReason() {
        Story story = write(member, false);
        Story submitted = fixtures.as(member, () -> stories.submit(story.getId(), story.getVersion()));

        assertThatThrownBy(() -> fixtures.as(member, () -> stories.publish(story.getId(), submitted.getVersion())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(member,
                () -> stories.sendBack(story.getId(), submitted.getVersion(), "理由")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(member, () -> stories.moderationQueue(0, 10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(coordinator,
                () -> stories.sendBack(story.getId(), submitted.getVersion(), "  ")))
                .isInstanceOf(InvalidInputException.class);

        Story sentBack = fixtures.as(coordinator,
                () -> stories.sendBack(story.getId(), submitted.getVersion(), "お名前をイニシャルにしてください"));
        assertThat(sentBack.getStatus()).isEqualTo(PostStatus.SENT_BACK);
        assertThat(sentBack.getStatusReason()).isEqualTo("お名前をイニシャルにしてください");

        Story resubmitted = fixtures.as(member, () -> stories.submit(story.getId(), sentBack.getVersion()));
        Story published = fixtures.as(coordinator, () -> stories.publish(story.getId(), resubmitted.getVersion()));
        assertThat(published.getStatus()).isEqualTo(PostStatus.PUBLISHED);
        assertThat(published.getPublishedAt()).isNotNull();
        assertThat(stories.publishedStories(0, 1)).extracting(Story::getId).containsExactly(story.getId());
    }

    @Test
    void membersEditOfAPublishedStoryOfAnUntrustedOrganisationGoesBackToTheQueue() {
        Story story = published(member);
        StoryDraft edit = fixtures.as(member, () -> stories.loadForEdit(story.getId()));
        edit.setText("書き直しました");

        Story edited = fixtures.as(member, () -> stories.save(edit));

        assertThat(edited.getStatus()).isEqualTo(PostStatus.SUBMITTED);
        assertThat(stories.publishedStories(0, 500)).extracting(Story::getId).doesNotContain(story.getId());
        assertThat(fixtures.as(coordinator, () -> stories.moderationQueue(0, 500))).extracting(Story::getId)
                .contains(story.getId());
    }

    @Test
    void withdrawnStoryLeavesThePublicSideAndTakesItsPhotoWithIt() {
        Story story = write(member, true);
        Story withPhoto = fixtures.as(member, () -> stories.setPhoto(story.getId(), story.getVersion(),
                jpeg(300, 200, null)));
        Story submitted = fixtures.as(member, () -> stories.submit(story.getId(), withPhoto.getVersion()));
        Story published = fixtures.as(coordinator, () -> stories.publish(story.getId(), submitted.getVersion()));

        Story withdrawn = fixtures.as(member, () -> stories.withdraw(story.getId(), published.getVersion()));

        assertThat(withdrawn.getStatus()).isEqualTo(PostStatus.WITHDRAWN);
        assertThat(stories.publishedStories(0, 500)).extracting(Story::getId).doesNotContain(story.getId());
        assertThat(stories.publishedPhoto(story.getId())).isEmpty();
        assertThat(fixtures.as(member, () -> stories.photo(story.getId()))).isEmpty();
        assertThatThrownBy(() -> fixtures.as(member, () -> stories.submit(story.getId(), withdrawn.getVersion())))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void markupOrAMissingAuthorIsRefusedAndNothingIsSaved() {
        long before = fixtures.as(member, () -> stories.myStoriesCount());
        StoryDraft markup = draft("楽しかったです<script>alert(1)</script>", false);
        StoryDraft noAuthor = draft("楽しかったです", false);
        noAuthor.setAuthorLabel(" ");
        StoryDraft twoLines = draft("楽しかったです", false);
        twoLines.setAuthorLabel("Aさん\nBさん");

        assertThatThrownBy(() -> fixtures.as(member, () -> stories.save(markup)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::field).containsExactly("text"));
        assertThatThrownBy(() -> fixtures.as(member, () -> stories.save(noAuthor)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> fixtures.as(member, () -> stories.save(twoLines)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> fixtures.as(member, () -> stories.save(draft("あ".repeat(601), false))))
                .isInstanceOf(InvalidInputException.class);
        assertThat(fixtures.as(member, () -> stories.myStoriesCount())).isEqualTo(before);
    }

    @Test
    void photoWithoutConsentIsRefused() {
        Story story = write(member, false);

        assertThatThrownBy(() -> fixtures.as(member,
                () -> stories.setPhoto(story.getId(), story.getVersion(), jpeg(400, 300, null))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::messageKey)
                        .containsExactly("volunteer.story.photo-consent-required"));
        assertThat(fixtures.as(member, () -> stories.photo(story.getId()))).isEmpty();
    }

    @Test
    void anythingButARealJpegOrPngOfAtMostFiveMegabytesIsRefusedWithNothingStored() {
        Story story = write(member, true);
        byte[] text = "これは写真ではありません".getBytes(StandardCharsets.UTF_8);
        // A text file renamed to .jpg, even one starting with the JPEG magic number, is still no image.
        byte[] fakeJpeg = concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, text);
        byte[] fakePng = concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, text);
        byte[] oversized = concat(jpeg(200, 100, null), new byte[StoryPhotos.MAX_UPLOAD_BYTES]);

        for (byte[] upload : List.of(text, fakeJpeg, fakePng, new byte[0], gif())) {
            assertThatThrownBy(() -> fixtures.as(member,
                    () -> stories.setPhoto(story.getId(), story.getVersion(), upload)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                            .extracting(InvalidInputException.FieldProblem::messageKey)
                            .containsExactly("volunteer.story.photo-invalid"));
        }
        assertThatThrownBy(() -> fixtures.as(member,
                () -> stories.setPhoto(story.getId(), story.getVersion(), oversized)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::messageKey)
                        .containsExactly("volunteer.story.photo-too-large"));
        assertThatThrownBy(() -> fixtures.as(member,
                () -> stories.setPhoto(story.getId(), story.getVersion(), null)))
                .isInstanceOf(InvalidInputException.class);

        Story after = fixtures.as(member, () -> stories.get(story.getId()));
        assertThat(after.hasPhoto()).isFalse();
        assertThat(after.getVersion()).isEqualTo(story.getVersion());
        assertThat(fixtures.as(member, () -> stories.photo(story.getId()))).isEmpty();
    }

    @Test
    void photoComesOutAsJpegWithoutItsExifAndScaledDown() throws IOException {
        Story story = write(member, true);
        byte[] upload = jpeg(2400, 1600, exif(1));
        assertThat(indexOf(upload, "Exif".getBytes(StandardCharsets.US_ASCII))).isPositive();

        Story withPhoto = fixtures.as(member, () -> stories.setPhoto(story.getId(), story.getVersion(), upload));

        assertThat(withPhoto.hasPhoto()).isTrue();
        StoryService.Photo photo = fixtures.as(member, () -> stories.photo(story.getId())).orElseThrow();
        assertThat(photo.contentType()).isEqualTo("image/jpeg");
        assertThat(StoryPhotos.format(photo.data())).isEqualTo("jpeg");
        assertThat(indexOf(photo.data(), "Exif".getBytes(StandardCharsets.US_ASCII))).isNegative();
        assertThat(indexOf(photo.data(), SECRET.getBytes(StandardCharsets.US_ASCII))).isNegative();
        assertThat(app1Segments(photo.data())).isZero();
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(photo.data()));
        assertThat(stored.getWidth()).isEqualTo(1200);
        assertThat(stored.getHeight()).isEqualTo(800);
    }

    @Test
    void phonePhotoTakenUprightStaysUprightAndPngBecomesJpeg() throws IOException {
        Story story = write(member, true);
        // Orientation 6: the camera stored a landscape frame of an upright (portrait) scene.
        Story first = fixtures.as(member, () -> stories.setPhoto(story.getId(), story.getVersion(),
                jpeg(1600, 1200, exif(6))));
        BufferedImage upright = ImageIO.read(new ByteArrayInputStream(
                fixtures.as(member, () -> stories.photo(story.getId())).orElseThrow().data()));
        assertThat(upright.getHeight()).isGreaterThan(upright.getWidth());
        assertThat(Math.max(upright.getWidth(), upright.getHeight())).isLessThanOrEqualTo(1200);

        Story second = fixtures.as(member, () -> stories.setPhoto(story.getId(), first.getVersion(), png(300, 200)));
        StoryService.Photo photo = fixtures.as(member, () -> stories.photo(story.getId())).orElseThrow();
        assertThat(StoryPhotos.format(photo.data())).isEqualTo("jpeg");
        assertThat(ImageIO.read(new ByteArrayInputStream(photo.data())).getWidth()).isEqualTo(300);

        Story removed = fixtures.as(member, () -> stories.removePhoto(story.getId(), second.getVersion()));
        assertThat(removed.hasPhoto()).isFalse();
        assertThat(fixtures.as(member, () -> stories.photo(story.getId()))).isEmpty();
    }

    @Test
    void photoOfAnUnpublishedStoryIsNotGivenToThePublic() {
        Story story = write(member, true);
        Story withPhoto = fixtures.as(member, () -> stories.setPhoto(story.getId(), story.getVersion(),
                jpeg(300, 200, null)));

        assertThat(stories.photo(story.getId())).isEmpty();
        assertThat(stories.publishedPhoto(story.getId())).isEmpty();
        assertThat(fixtures.as(member, () -> stories.publishedPhoto(story.getId()))).isEmpty();
        assertThat(fixtures.as(member, () -> stories.photo(story.getId()))).isPresent();
        assertThat(fixtures.as(coordinator, () -> stories.photo(story.getId()))).isPresent();

        Story submitted = fixtures.as(member, () -> stories.submit(story.getId(), withPhoto.getVersion()));
        fixtures.as(coordinator, () -> stories.publish(story.getId(), submitted.getVersion()));
        assertThat(stories.photo(story.getId())).isPresent();
        assertThat(stories.publishedPhoto(story.getId())).isPresent();
    }

    @Test
    void takingBackTheConsentDeletesThePhoto() {
        Story story = write(member, true);
        fixtures.as(member, () -> stories.setPhoto(story.getId(), story.getVersion(), jpeg(300, 200, null)));
        StoryDraft edit = fixtures.as(member, () -> stories.loadForEdit(story.getId()));
        edit.setPhotoConsent(false);

        Story saved = fixtures.as(member, () -> stories.save(edit));

        assertThat(saved.hasPhoto()).isFalse();
        assertThat(fixtures.as(member, () -> stories.photo(story.getId()))).isEmpty();
    }

    // --- images ------------------------------------------------------------------------------------------------

    static byte[] jpeg(int width, int height, byte[] app1) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(picture(width, height, BufferedImage.TYPE_INT_RGB), "jpeg", out);
            byte[] plain = out.toByteArray();
            if (app1 == null) {
                return plain;
            }
            // Right after SOI, where cameras put their EXIF segment.
            return concat(Arrays.copyOf(plain, 2), app1, Arrays.copyOfRange(plain, 2, plain.length));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] png(int width, int height) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(picture(width, height, BufferedImage.TYPE_INT_ARGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gif() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(picture(50, 50, BufferedImage.TYPE_INT_RGB), "gif", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BufferedImage picture(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(255, 200, 120));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(40, 90, 160));
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    /** An APP1 "Exif" segment: big-endian TIFF, IFD0 with the orientation and a description holding a "secret". */
    static byte[] exif(int orientation) {
        byte[] secret = (SECRET + "\0").getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        tiff.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8});
        tiff.writeBytes(new byte[] {0, 2});
        // 0x0112 Orientation, SHORT, 1 value
        tiff.writeBytes(new byte[] {0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0});
        // 0x010E ImageDescription, ASCII, pointing behind the directory
        int valueOffset = 8 + 2 + 2 * 12 + 4;
        tiff.writeBytes(new byte[] {0x01, 0x0E, 0, 2, 0, 0, 0, (byte) secret.length, 0, 0, 0, (byte) valueOffset});
        tiff.writeBytes(new byte[] {0, 0, 0, 0});
        tiff.writeBytes(secret);
        byte[] body = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.toByteArray());
        int length = body.length + 2;
        return concat(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length}, body);
    }

    private static int app1Segments(byte[] jpeg) {
        int count = 0;
        int pos = 2;
        while (pos + 4 <= jpeg.length && (jpeg[pos] & 0xFF) == 0xFF) {
            int marker = jpeg[pos + 1] & 0xFF;
            if (marker == 0xDA) {
                break;
            }
            if (marker == 0xE1) {
                count++;
            }
            pos += 2 + (((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF));
        }
        return count;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
