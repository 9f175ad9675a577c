package jp.kosodatehub.volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.base.AppProperties;
import jp.kosodatehub.base.NotFoundException;
import jp.kosodatehub.base.validation.InvalidInputException;
import jp.kosodatehub.base.validation.InvalidInputException.FieldProblem;
import jp.kosodatehub.organisations.Organisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class OfferServiceTest {

    @Autowired
    OfferService offers;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    VolunteerFixtures volunteers;

    @Autowired
    OfferFixtures offerFixtures;

    @Autowired
    AppProperties properties;

    Organisation salon;
    Opening opening;
    /** A network address of this test alone, so that the shared rate limiter never mixes tests up. */
    String address;

    @BeforeEach
    void setUp() {
        salon = fixtures.organisation("salon", false);
        opening = volunteers.publishedOpening(salon, EnumSet.of(SupporterType.ANYONE), null);
        address = TestFixtures.unique("192.0.2.");
    }

    static HelpOffer valid(String name) {
        HelpOffer offer = new HelpOffer();
        offer.setName(name);
        offer.setEmail(name.replaceAll("[^A-Za-z0-9]", "") + "@example.jp");
        offer.setAgeBand(VolunteerAgeBand.AGE_18_22);
        offer.setSupporterType(SupporterType.UNIVERSITY);
        offer.setPrivacyConsent(true);
        return offer;
    }

    private List<String> refusedFields(Runnable call) {
        try {
            call.run();
        } catch (InvalidInputException e) {
            return e.problems().stream().map(FieldProblem::field).toList();
        }
        throw new AssertionError("expected the offer to be refused");
    }

    private List<FieldProblem> problems(Runnable call) {
        try {
            call.run();
        } catch (InvalidInputException e) {
            return e.problems();
        }
        throw new AssertionError("expected the offer to be refused");
    }

    @Test
    void everyFieldIsStoredAsNewApplicantOfTheOpeningsOrganisation() {
        HelpOffer offer = valid("Hanako");
        offer.setName("  山田 花子 ");
        offer.setEmail(" Hanako.Yamada@Example.JP ");
        offer.setPhone("０９０－１１１１－２２２２");
        offer.setAgeBand(VolunteerAgeBand.AGE_40_64);
        offer.setSupporterType(SupporterType.ANYONE);
        offer.setAvailability("土曜の午前");
        offer.setMessage("絵本の読み聞かせが得意です。\nよろしくお願いします。");

        OfferOutcome outcome = offers.offer(opening.getId(), offer, address);

        assertThat(outcome).isEqualTo(OfferOutcome.ACCEPTED);
        List<Applicant> stored = offerFixtures.applicantsOf(opening);
        assertThat(stored).hasSize(1);
        Applicant applicant = stored.getFirst();
        assertThat(applicant.getStatus()).isEqualTo(ApplicantStatus.NEW);
        assertThat(applicant.getOrganisationId()).isEqualTo(salon.getId());
        assertThat(applicant.getName()).isEqualTo("山田 花子");
        assertThat(applicant.getEmail()).isEqualTo("Hanako.Yamada@Example.JP");
        assertThat(applicant.getPhone()).isEqualTo("090-1111-2222");
        assertThat(applicant.getContactKey()).isEqualTo("hanako.yamada@example.jp");
        assertThat(applicant.getAgeBand()).isEqualTo(VolunteerAgeBand.AGE_40_64);
        assertThat(applicant.getSupporterType()).isEqualTo(SupporterType.ANYONE);
        assertThat(applicant.getAvailability()).isEqualTo("土曜の午前");
        assertThat(applicant.getMessage()).isEqualTo("絵本の読み聞かせが得意です。\nよろしくお願いします。");
        assertThat(applicant.getGuardianName()).isNull();
        assertThat(applicant.isGuardianConsent()).isFalse();
        assertThat(applicant.getNoticeVersion()).isEqualTo(OfferService.NOTICE_VERSION);
        assertThat(applicant.getConsentedAt()).isNotNull();
        assertThat(applicant.isDuplicate()).isFalse();
    }

    @Test
    void phoneAloneIsEnoughToBeReached() {
        HelpOffer offer = valid("Phone");
        offer.setEmail(null);
        offer.setPhone("045-123-4567");

        offers.offer(opening.getId(), offer, address);

        assertThat(offerFixtures.applicantsOf(opening)).singleElement()
                .satisfies(applicant -> assertThat(applicant.getContactKey()).isEqualTo("0451234567"));
    }

    @Test
    void minorWithoutGuardianIsRefusedAtTheGuardianFields() {
        HelpOffer offer = valid("Minor");
        offer.setAgeBand(VolunteerAgeBand.AGE_15_17);
        offer.setSupporterType(SupporterType.STUDENT);

        assertThat(refusedFields(() -> offers.offer(opening.getId(), offer, address)))
                .containsExactlyInAnyOrder("guardianName", "guardianConsent");
        offer.setGuardianName("保護者 太郎");
        assertThat(refusedFields(() -> offers.offer(opening.getId(), offer, address)))
                .containsExactly("guardianConsent");
        assertThat(offerFixtures.applicantsOf(opening)).isEmpty();
    }

    @Test
    void minorWithGuardianNameAndConsentIsAccepted() {
        HelpOffer offer = valid("Minor");
        offer.setAgeBand(VolunteerAgeBand.AGE_12_14);
        offer.setSupporterType(SupporterType.STUDENT);
        offer.setGuardianName("保護者 太郎");
        offer.setGuardianConsent(true);

        assertThat(offers.offer(opening.getId(), offer, address)).isEqualTo(OfferOutcome.ACCEPTED);

        Applicant applicant = offerFixtures.applicantsOf(opening).getFirst();
        assertThat(applicant.getGuardianName()).isEqualTo("保護者 太郎");
        assertThat(applicant.isGuardianConsent()).isTrue();
    }

    @Test
    void adultsGuardianFieldsAreNotKept() {
        HelpOffer offer = valid("Adult");
        offer.setGuardianName("誰か");
        offer.setGuardianConsent(true);

        offers.offer(opening.getId(), offer, address);

        Applicant applicant = offerFixtures.applicantsOf(opening).getFirst();
        assertThat(applicant.getGuardianName()).isNull();
        assertThat(applicant.isGuardianConsent()).isFalse();
    }

    @Test
    void ageBandBelowTheOpeningsMinimumAgeIsRefusedAtTheAgeBand() {
        Opening sixteenPlus = volunteers.publishedOpening(salon, EnumSet.of(SupporterType.STUDENT), 16);
        HelpOffer tooYoung = valid("Young");
        tooYoung.setAgeBand(VolunteerAgeBand.AGE_12_14);
        tooYoung.setGuardianName("保護者");
        tooYoung.setGuardianConsent(true);

        assertThat(problems(() -> offers.offer(sixteenPlus.getId(), tooYoung, address)))
                .containsExactly(new FieldProblem("ageBand", "volunteer.offer.below-minimum-age"));

        // Someone in a band that reaches the minimum age may be old enough: the organisation asks.
        HelpOffer mayBeOldEnough = valid("Young");
        mayBeOldEnough.setAgeBand(VolunteerAgeBand.AGE_15_17);
        mayBeOldEnough.setGuardianName("保護者");
        mayBeOldEnough.setGuardianConsent(true);
        assertThat(offers.offer(sixteenPlus.getId(), mayBeOldEnough, address)).isEqualTo(OfferOutcome.ACCEPTED);
        assertThat(offerFixtures.applicantsOf(sixteenPlus)).hasSize(1);
    }

    @Test
    void closedOpeningTakesNoOffers() {
        offerFixtures.inState(opening, PostStatus.CLOSED);

        assertThat(problems(() -> offers.offer(opening.getId(), valid("Late"), address)))
                .extracting(FieldProblem::messageKey).containsExactly("volunteer.offer.closed");
        assertThat(offerFixtures.applicantsOf(opening)).isEmpty();
    }

    @Test
    void unpublishedOrMissingOpeningIsNotFound() {
        Opening draft = offerFixtures.inState(
                volunteers.publishedOpening(salon, EnumSet.of(SupporterType.ANYONE), null), PostStatus.DRAFT);
        Opening withdrawn = offerFixtures.inState(
                volunteers.publishedOpening(salon, EnumSet.of(SupporterType.ANYONE), null), PostStatus.WITHDRAWN);

        assertThatThrownBy(() -> offers.offer(draft.getId(), valid("Early"), address))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> offers.offer(withdrawn.getId(), valid("Early"), address))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> offers.offer(Long.MAX_VALUE, valid("Nowhere"), address))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> offers.offer(null, valid("Nowhere"), address))
                .isInstanceOf(NotFoundException.class);
        assertThat(offerFixtures.applicantsOf(draft)).isEmpty();
    }

    @Test
    void filledHoneypotIsIgnoredAndNothingIsStored() {
        HelpOffer robot = valid("Robot");
        robot.setWebsite("http://spam.example");

        assertThat(offers.offer(opening.getId(), robot, address)).isEqualTo(OfferOutcome.IGNORED);

        assertThat(offerFixtures.applicantsOf(opening)).isEmpty();
    }

    @Test
    void honeypotOffersCountAgainstTheLimitEvenWhenOtherwiseInvalid() {
        HelpOffer robot = new HelpOffer();
        robot.setWebsite("spam");
        for (int i = 0; i < properties.volunteers().offersPerHour(); i++) {
            assertThat(offers.offer(opening.getId(), robot, address)).isEqualTo(OfferOutcome.IGNORED);
        }

        assertThat(problems(() -> offers.offer(opening.getId(), valid("Human"), address)))
                .extracting(FieldProblem::messageKey).containsExactly("volunteer.offer.too-many");
    }

    @Test
    void floodFromOneAddressIsRefusedAfterTheHourlyLimitWithoutLosingEarlierOffers() {
        int limit = properties.volunteers().offersPerHour();
        for (int i = 0; i < limit; i++) {
            assertThat(offers.offer(opening.getId(), valid("Flood" + i), address)).isEqualTo(OfferOutcome.ACCEPTED);
        }

        List<FieldProblem> refusal = problems(() -> offers.offer(opening.getId(), valid("Flood" + limit), address));

        assertThat(refusal).containsExactly(new FieldProblem(OfferService.WHOLE_OFFER, "volunteer.offer.too-many"));
        assertThat(offerFixtures.applicantsOf(opening)).extracting(Applicant::getName)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, limit).mapToObj(i -> "Flood" + i)
                        .toList());
        String otherAddress = TestFixtures.unique("198.51.100.");
        assertThat(offers.offer(opening.getId(), valid("Neighbour"), otherAddress)).isEqualTo(OfferOutcome.ACCEPTED);
    }

    @Test
    void invalidSubmissionsDoNotUseUpTheLimit() {
        HelpOffer noConsent = valid("Careless");
        noConsent.setPrivacyConsent(false);
        for (int i = 0; i < properties.volunteers().offersPerHour() * 2; i++) {
            assertThat(refusedFields(() -> offers.offer(opening.getId(), noConsent, address)))
                    .containsExactly("privacyConsent");
        }

        assertThat(offers.offer(opening.getId(), valid("Careful"), address)).isEqualTo(OfferOutcome.ACCEPTED);
    }

    @Test
    void secondOfferFromTheSameEmailInOtherCaseIsMarkedAsDuplicateOfTheFirst() {
        Opening another = volunteers.publishedOpening(salon, EnumSet.of(SupporterType.ANYONE), null);
        HelpOffer first = valid("Taro");
        first.setEmail("taro@example.jp");
        HelpOffer second = valid("Taro");
        second.setEmail(" TARO@Example.jp");
        HelpOffer third = valid("Taro");
        third.setEmail("taro@example.jp");

        offers.offer(opening.getId(), first, address);
        offers.offer(another.getId(), second, address);
        offers.offer(opening.getId(), third, address);

        Applicant original = offerFixtures.applicantsOf(opening).getFirst();
        assertThat(original.isDuplicate()).isFalse();
        assertThat(offerFixtures.applicantsOf(another).getFirst().getDuplicateOfId()).isEqualTo(original.getId());
        assertThat(offerFixtures.applicantsOf(opening).get(1).getDuplicateOfId()).isEqualTo(original.getId());
    }

    @Test
    void samePhoneWrittenDifferentlyIsMarkedAsDuplicate() {
        HelpOffer domestic = valid("Jiro");
        domestic.setEmail(null);
        domestic.setPhone("090-1234-5678");
        HelpOffer international = valid("Jiro");
        international.setEmail(null);
        international.setPhone("+81 (90) 1234 5678");

        offers.offer(opening.getId(), domestic, address);
        offers.offer(opening.getId(), international, address);

        List<Applicant> stored = offerFixtures.applicantsOf(opening);
        assertThat(stored.get(1).getContactKey()).isEqualTo("09012345678");
        assertThat(stored.get(1).getDuplicateOfId()).isEqualTo(stored.get(0).getId());
    }

    @Test
    void sameContactAtAnotherOrganisationIsNoDuplicate() {
        Organisation other = fixtures.organisation("other", false);
        Opening theirs = volunteers.publishedOpening(other, EnumSet.of(SupporterType.ANYONE), null);
        String email = TestFixtures.unique("saburo") + "@example.jp";
        HelpOffer ours = valid("Saburo");
        ours.setEmail(email);
        HelpOffer toThem = valid("Saburo");
        toThem.setEmail(email);

        offers.offer(opening.getId(), ours, address);
        offers.offer(theirs.getId(), toThem, address);

        assertThat(offerFixtures.applicantsOf(theirs).getFirst().isDuplicate()).isFalse();
    }

    @Test
    void overlongNameIsRefused() {
        HelpOffer offer = valid("Long");
        offer.setName("あ".repeat(Applicant.NAME_MAX + 1));

        assertThat(problems(() -> offers.offer(opening.getId(), offer, address)))
                .containsExactly(new FieldProblem("name", "validation.too-long"));
        assertThat(offerFixtures.applicantsOf(opening)).isEmpty();
    }

    @Test
    void scriptInMessageAndControlCharactersInNameAreRefused() {
        HelpOffer offer = valid("Script");
        offer.setMessage("こんにちは<script>alert(1)</script>");
        offer.setName("山田\u0007花子");

        assertThat(problems(() -> offers.offer(opening.getId(), offer, address))).containsExactlyInAnyOrder(
                new FieldProblem("message", "validation.markup"),
                new FieldProblem("name", "validation.control-characters"));
        assertThat(offerFixtures.applicantsOf(opening)).isEmpty();
    }

    @Test
    void offerWithoutAnyContactIsRefusedAtBothContactFields() {
        HelpOffer offer = valid("Nobody");
        offer.setEmail("  ");
        offer.setPhone(null);

        assertThat(problems(() -> offers.offer(opening.getId(), offer, address))).containsExactlyInAnyOrder(
                new FieldProblem("email", "volunteer.offer.contact-required"),
                new FieldProblem("phone", "volunteer.offer.contact-required"));
        assertThat(offerFixtures.applicantsOf(opening)).isEmpty();
    }

    @Test
    void badEmailAndBadPhoneAreRefused() {
        HelpOffer offer = valid("Bad");
        offer.setEmail("hanako.example.jp");
        offer.setPhone("090-1234");

        assertThat(problems(() -> offers.offer(opening.getId(), offer, address))).containsExactlyInAnyOrder(
                new FieldProblem("email", "volunteer.offer.bad-email"),
                new FieldProblem("phone", "volunteer.offer.bad-phone"));

        offer.setEmail("hanako@example.jp");
        offer.setPhone("電話してください");
        assertThat(problems(() -> offers.offer(opening.getId(), offer, address)))
                .containsExactly(new FieldProblem("phone", "volunteer.offer.bad-phone"));
        assertThat(offerFixtures.applicantsOf(opening)).isEmpty();
    }

    @Test
    void missingConsentAgeBandAndSupporterTypeAreRefused() {
        HelpOffer offer = valid("Missing");
        offer.setPrivacyConsent(false);
        offer.setAgeBand(null);
        offer.setSupporterType(null);

        assertThat(problems(() -> offers.offer(opening.getId(), offer, address))).containsExactlyInAnyOrder(
                new FieldProblem("privacyConsent", "volunteer.offer.privacy-consent-required"),
                new FieldProblem("ageBand", "validation.required"),
                new FieldProblem("supporterType", "validation.required"));
        assertThat(offerFixtures.applicantsOf(opening)).isEmpty();
    }
}
