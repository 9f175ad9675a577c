package jp.kosodatehub.volunteers.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.fakeservlet.FakeHttpEnvironment;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.EnumSet;
import jp.kosodatehub.KaribuTest;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.base.ui.NotFoundView;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.volunteers.Applicant;
import jp.kosodatehub.volunteers.ApplicantStatus;
import jp.kosodatehub.volunteers.OfferFixtures;
import jp.kosodatehub.volunteers.Opening;
import jp.kosodatehub.volunteers.PostStatus;
import jp.kosodatehub.volunteers.SupporterType;
import jp.kosodatehub.volunteers.VolunteerAgeBand;
import jp.kosodatehub.volunteers.VolunteerFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An anonymous visitor offers help through an opening's page, on the phone, without an account. */
class OfferHelpTest extends KaribuTest {

    @Autowired
    VolunteerFixtures volunteers;

    @Autowired
    OfferFixtures offers;

    Organisation salon;
    Opening opening;
    String previousAddress;

    @BeforeEach
    void setUp() {
        salon = fixtures.organisation("ひよこサロン", false);
        opening = volunteers.publishedOpening(salon, EnumSet.of(SupporterType.STUDENT, SupporterType.RETIRED), null);
        // The rate limiter counts per address and lives as long as the shared context: this test gets its own.
        previousAddress = FakeHttpEnvironment.INSTANCE.getRemoteAddr();
        FakeHttpEnvironment.INSTANCE.setRemoteAddr(TestFixtures.unique("203.0.113."));
    }

    @AfterEach
    void restoreAddress() {
        FakeHttpEnvironment.INSTANCE.setRemoteAddr(previousAddress);
    }

    private void open(Opening shown) {
        UI.getCurrent().navigate("volunteer/" + shown.getId());
    }

    private static String pageText() {
        return _get(OpeningPageView.class).getElement().getTextRecursively();
    }

    @Test
    void visitorReadsTheOpeningAndTheNoticeOffersHelpAndIsThanked() {
        open(opening);

        assertThat(_get(H1.class).getText()).isEqualTo(opening.getRole());
        String page = pageText();
        assertThat(page).contains(salon.getName(), "中高生", "定年後の方", "随時", "担当 山田", "2人");
        String notice = _get(Div.class, spec -> spec.withClasses("privacy-notice")).getElement()
                .getTextRecursively();
        assertThat(notice).contains("個人情報の取り扱いについて", "「" + salon.getName() + "」", "健やか子育て連絡会",
                "12か月", "統計", "削除", "2026-1");
        _assertNone(TextField.class, spec -> spec.withLabel("保護者のお名前"));

        _setValue(_get(TextField.class, spec -> spec.withLabel("お名前")), "佐藤 花子");
        _setValue(_get(TextField.class, spec -> spec.withLabel("電話番号")), "090-2222-3333");
        _setValue(_get(Select.class, spec -> spec.withLabel("年代")), VolunteerAgeBand.AGE_65_PLUS);
        _setValue(_get(RadioButtonGroup.class, spec -> spec.withLabel("あてはまるもの")), SupporterType.RETIRED);
        _setValue(_get(TextField.class, spec -> spec.withLabel("活動できる日時")), "平日の午前");
        _setValue(_get(TextArea.class, spec -> spec.withLabel("メッセージ")), "孫が卒業したので時間があります。");
        _setValue(_get(Checkbox.class, spec -> spec.withLabel("上記の個人情報の取り扱いに同意します")), true);
        _click(_get(Button.class, spec -> spec.withText("申し込む")));

        assertThat(_get(H2.class, spec -> spec.withText("お申し込みありがとうございます"))).isNotNull();
        assertThat(pageText()).contains("数日以内にご連絡します");
        _assertNone(Button.class, spec -> spec.withText("申し込む"));
        assertThat(offers.applicantsOf(opening)).singleElement().satisfies(applicant -> {
            assertThat(applicant.getName()).isEqualTo("佐藤 花子");
            assertThat(applicant.getPhone()).isEqualTo("090-2222-3333");
            assertThat(applicant.getEmail()).isNull();
            assertThat(applicant.getAgeBand()).isEqualTo(VolunteerAgeBand.AGE_65_PLUS);
            assertThat(applicant.getSupporterType()).isEqualTo(SupporterType.RETIRED);
            assertThat(applicant.getStatus()).isEqualTo(ApplicantStatus.NEW);
        });
    }

    @Test
    void minorWithoutGuardianSeesTheErrorAtTheFieldAndNothingIsStored() {
        open(opening);

        _setValue(_get(TextField.class, spec -> spec.withLabel("お名前")), "鈴木 一郎");
        _setValue(_get(TextField.class, spec -> spec.withLabel("メールアドレス")), "ichiro@example.jp");
        _setValue(_get(Select.class, spec -> spec.withLabel("年代")), VolunteerAgeBand.AGE_15_17);
        _setValue(_get(RadioButtonGroup.class, spec -> spec.withLabel("あてはまるもの")), SupporterType.STUDENT);
        _setValue(_get(Checkbox.class, spec -> spec.withLabel("上記の個人情報の取り扱いに同意します")), true);
        _click(_get(Button.class, spec -> spec.withText("申し込む")));

        TextField guardian = _get(TextField.class, spec -> spec.withLabel("保護者のお名前"));
        assertThat(guardian.isInvalid()).isTrue();
        assertThat(guardian.getErrorMessage()).isEqualTo("入力してください");
        Checkbox consent = _get(Checkbox.class, spec -> spec.withLabel("保護者はこの申し込みに同意しています"));
        assertThat(consent.isInvalid()).isTrue();
        assertThat(consent.getErrorMessage()).isEqualTo("18歳未満の方は、保護者の方の同意が必要です");
        _assertNone(H2.class, spec -> spec.withText("お申し込みありがとうございます"));
        assertThat(offers.applicantsOf(opening)).isEmpty();

        _setValue(guardian, "鈴木 花子");
        _setValue(consent, true);
        _click(_get(Button.class, spec -> spec.withText("申し込む")));

        _get(H2.class, spec -> spec.withText("お申し込みありがとうございます"));
        assertThat(offers.applicantsOf(opening)).extracting(Applicant::getGuardianName).containsExactly("鈴木 花子");
    }

    @Test
    void tooYoungForTheOpeningIsToldTheMinimumAge() {
        Opening adultsOnly = volunteers.publishedOpening(salon, EnumSet.of(SupporterType.ANYONE), 18);
        open(adultsOnly);

        assertThat(pageText()).contains("18歳以上");
        @SuppressWarnings("unchecked")
        Select<VolunteerAgeBand> age = _get(Select.class, spec -> spec.withLabel("年代"));
        _setValue(age, VolunteerAgeBand.AGE_15_17);

        assertThat(age.isInvalid()).isTrue();
        assertThat(age.getErrorMessage()).isEqualTo("この募集は18歳以上の方が対象です");
    }

    @Test
    void closedOpeningSaysSoAndShowsNoForm() {
        offers.inState(opening, PostStatus.CLOSED);

        open(opening);

        assertThat(_get(H1.class).getText()).isEqualTo(opening.getRole());
        assertThat(pageText()).contains("この募集は終了しました");
        _assertNone(Button.class, spec -> spec.withText("申し込む"));
        _assertNone(TextField.class, spec -> spec.withLabel("お名前"));
    }

    @Test
    void unpublishedOrUnknownOpeningIsNotFound() {
        offers.inState(opening, PostStatus.SUBMITTED);

        open(opening);
        _get(NotFoundView.class);

        UI.getCurrent().navigate("volunteer/999999999999");
        _get(NotFoundView.class);
    }
}
