package jp.kosodatehub.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.organisations.OrganisationService;
import jp.kosodatehub.security.AppUser;
import jp.kosodatehub.security.SystemAccess;
import jp.kosodatehub.volunteers.Applicant;
import jp.kosodatehub.volunteers.ApplicantService;
import jp.kosodatehub.volunteers.ApplicantStatus;
import jp.kosodatehub.volunteers.HelpOffer;
import jp.kosodatehub.volunteers.OfferService;
import jp.kosodatehub.volunteers.Opening;
import jp.kosodatehub.volunteers.OpeningDraft;
import jp.kosodatehub.volunteers.OpeningSchedule;
import jp.kosodatehub.volunteers.OpeningService;
import jp.kosodatehub.volunteers.PipelineFilter;
import jp.kosodatehub.volunteers.PostStatus;
import jp.kosodatehub.volunteers.Story;
import jp.kosodatehub.volunteers.StoryDraft;
import jp.kosodatehub.volunteers.StoryService;
import jp.kosodatehub.volunteers.SupporterType;
import jp.kosodatehub.volunteers.VolunteerAgeBand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Volunteer recruitment as demo data (profile {@code demo} only): openings in every state, offers of help moved
 * through the pipeline with notes and hours, and supporters' stories. Runs after the organisations and the goals
 * exist, through the services and as the people who would do it, so the rules apply to the demo as well.
 * The addresses and phone numbers are fictitious (example.jp and 090-0000-xxxx).
 */
@Component
@Profile("demo")
@Order(30)
class VolunteerDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(VolunteerDemoData.class);

    private final OrganisationService organisations;
    private final OpeningService openings;
    private final OfferService offers;
    private final ApplicantService applicants;
    private final StoryService stories;
    private final UserDetailsService users;
    private final Clock clock;
    private int addresses;

    VolunteerDemoData(OrganisationService organisations, OpeningService openings, OfferService offers,
                      ApplicantService applicants, StoryService stories, UserDetailsService users, Clock clock) {
        this.organisations = organisations;
        this.openings = openings;
        this.offers = offers;
        this.applicants = applicants;
        this.stories = stories;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Map<String, Organisation> byName = SystemAccess.runAsSystem(() -> organisations.findAll().stream()
                .collect(Collectors.toMap(Organisation::getName, Function.identity())));
        // Only on a fresh demo database: the demo organisations exist and nobody has posted an opening yet.
        if (!byName.containsKey("地域子育て支援拠点「とことこ」")
                || SystemAccess.runAsSystem(() -> openings.myOpeningsCount(Set.of())) > 0) {
            return;
        }
        int offered = SystemAccess.runAsSystem(this::openingsAndOffers);
        int told = SystemAccess.runAsSystem(this::stories);
        log.info("Demo volunteers loaded: {} offers of help, {} stories", offered, told);
    }

    private int openingsAndOffers() {
        LocalDate today = LocalDate.now(clock);
        LocalDate saturday = today.plusWeeks(2).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));

        OpeningDraft watch = draft("子どもの見守り・遊び相手", "ひろばで遊ぶ親子のそばで、子どもたちの遊び相手や見守りを"
                + "お願いします。保育の資格は要りません。お子さん連れの参加も歓迎です。", "地域子育て支援拠点「とことこ」",
                5, EnumSet.of(SupporterType.STUDENT, SupporterType.UNIVERSITY, SupporterType.PARENT,
                        SupporterType.RETIRED), 15, null, "とことこ 地域担当 佐藤");
        Opening hub = publishAs("hub", watch, true);

        OpeningDraft reception = draft("サロンの受付・お茶出し", "毎月のサロンで、受付と飲み物の準備をお手伝い"
                + "いただける方を探しています。", "富岡地区センター 和室", 2,
                EnumSet.of(SupporterType.PARENT, SupporterType.RETIRED), null, null, "サロンひよこ 代表 鈴木");
        List<Event> salons = as("member", openings::eventChoices);
        if (!salons.isEmpty()) {
            reception.setSchedule(OpeningSchedule.EVENT);
            reception.setEventId(salons.get(0).getId());
        }
        Opening salon = publishAs("member", reception, true);

        OpeningDraft kitchen = draft("子ども食堂の調理・配膳", "みんなで食べる夕ごはんの調理と配膳、片付けを"
                + "お願いします。エプロンと三角巾をお持ちください。", "六浦地区センター 調理室", 4,
                EnumSet.of(SupporterType.UNIVERSITY, SupporterType.PARENT, SupporterType.RETIRED), 16,
                "食品衛生の基礎（当日30分ご説明します）", "みんなのテーブル 代表 高橋");
        kitchen.setSchedule(OpeningSchedule.ONE_DATE);
        kitchen.setOnDate(saturday);
        kitchen.setStartTime(LocalTime.of(15, 0));
        kitchen.setEndTime(LocalTime.of(19, 0));
        Opening cafeteria = publishAs("cafeteria", kitchen, true);

        publishAs("npo", draft("絵本の読み聞かせ（中高生ボランティア）", "未就学の子どもたちに絵本を読んでくれる"
                + "中高生を募集します。練習会があるので初めてでも大丈夫です。", "金沢図書館 おはなしの部屋", 3,
                EnumSet.of(SupporterType.STUDENT), 12, null, "かなざわ子育てネット 事務局 中村"), true);

        OpeningDraft garden = draft("園庭開放の見守り", "地域の親子に園庭を開放する日の見守りです。", "並木保育園 園庭",
                2, EnumSet.of(SupporterType.ANYONE), 18, "子育て支援員研修 修了の方歓迎", "並木保育園 地域担当 伊藤");
        publishAs("nursery", garden, false);

        OpeningDraft exchange = draft("多世代交流会の準備・片付け", "季節の交流会で、会場づくりと片付けを"
                + "お手伝いください。", "称名寺 集会所", 6, EnumSet.of(SupporterType.ANYONE), null, null,
                "えんがわ 世話人 小林");
        exchange.setSchedule(OpeningSchedule.ONE_DATE);
        exchange.setOnDate(saturday.plusWeeks(2));
        Opening waiting = as("engawa", () -> openings.save(exchange));
        as("engawa", () -> openings.submit(waiting.getId(), waiting.getVersion()));

        int count = 0;
        count += offer(hub, "山田 はるか", "haruka.yamada@example.jp", null, VolunteerAgeBand.AGE_18_22,
                SupporterType.UNIVERSITY, "土曜の午前", "保育学科の2年生です。子どもと関わる経験を積みたいです。",
                null, ApplicantStatus.ACTIVE, "初回は10月の土曜ひろばで。とても頼りになります。", "2.5");
        count += offer(hub, "佐々木 勇", null, "090-0000-1111", VolunteerAgeBand.AGE_65_PLUS,
                SupporterType.RETIRED, "平日の午後", "孫と離れて暮らしています。お役に立てれば。", null,
                ApplicantStatus.FINISHED, "春までの予定で活動し、無事終了。またの機会に声をかける。", "3");
        count += offer(hub, "木村 そら", "sora.kimura@example.jp", null, VolunteerAgeBand.AGE_15_17,
                SupporterType.STUDENT, "夏休み・冬休み", "職場体験で楽しかったので、もう一度やってみたいです。",
                "木村 さとみ", ApplicantStatus.CONTACTED, "保護者の方にも電話で説明済み。", null);
        count += offer(hub, "松本 ゆい", "yui.matsumoto@example.jp", "090-0000-2222", VolunteerAgeBand.AGE_23_39,
                SupporterType.PARENT, "平日の午前（子連れ）", "1歳の子と一緒に参加できたら嬉しいです。", null,
                ApplicantStatus.NEW, null, null);
        // The same person again, with the address typed differently: marked as a duplicate.
        count += offer(hub, "山田 はるか", "Haruka.Yamada@example.jp", null, VolunteerAgeBand.AGE_18_22,
                SupporterType.UNIVERSITY, "日曜も大丈夫です", "日曜日も参加できます。", null, ApplicantStatus.NEW,
                null, null);
        count += offer(salon, "井上 和子", null, "090-0000-3333", VolunteerAgeBand.AGE_65_PLUS,
                SupporterType.RETIRED, "第2火曜", "お茶の準備なら得意です。", null, ApplicantStatus.ACTIVE,
                "毎月の受付をお願いすることに。", "2");
        count += offer(salon, "加藤 みく", "miku.kato@example.jp", null, VolunteerAgeBand.AGE_23_39,
                SupporterType.PARENT, "月1回", "上の子が幼稚園の間なら参加できます。", null, ApplicantStatus.DECLINED,
                "日程が合わず、今回はご辞退。", null);
        count += offer(cafeteria, "林 大輔", "daisuke.hayashi@example.jp", null, VolunteerAgeBand.AGE_18_22,
                SupporterType.UNIVERSITY, "土曜の夕方", "調理のアルバイト経験があります。", null, ApplicantStatus.NEW,
                null, null);
        count += offer(cafeteria, "森 直子", null, "090-0000-4444", VolunteerAgeBand.AGE_40_64,
                SupporterType.PARENT, "月2回まで", "子どもと一緒に食べに行ったこともあります。", null,
                ApplicantStatus.ACTIVE, "衛生の説明を受けて活動開始。", "4");
        return count;
    }

    private int stories() {
        story("hub", "大学生ボランティア Aさん", SupporterType.UNIVERSITY, "最初は緊張しましたが、子どもたちが"
                + "名前を覚えて「また来てね」と言ってくれたのが本当にうれしかったです。授業では分からないことを"
                + "たくさん教わっています。", true);
        story("cafeteria", "定年後ボランティア 田中さん", SupporterType.RETIRED, "退職してから家にこもりがち"
                + "でしたが、週に一度の子ども食堂が楽しみになりました。「おいしい！」の一言で疲れも吹き飛びます。",
                true);
        story("member", "子育て中ボランティア Bさん", SupporterType.PARENT, "子連れで受付を手伝っています。"
                + "自分も助けてもらったサロンに、今度は恩返しができるのがうれしいです。", false);
        return 3;
    }

    private OpeningDraft draft(String role, String description, String place, int people,
                               Set<SupporterType> suitable, Integer minimumAge, String training, String contact) {
        OpeningDraft draft = new OpeningDraft();
        draft.setRole(role);
        draft.setDescription(description);
        draft.setPlace(place);
        draft.setPeopleNeeded(people);
        draft.setSuitableFor(suitable);
        draft.setMinimumAge(minimumAge);
        draft.setTraining(training);
        draft.setContactPerson(contact);
        draft.setSchedule(OpeningSchedule.ONGOING);
        return draft;
    }

    /** Saves as the member; submits and, where the office must approve, publishes it when asked to. */
    private Opening publishAs(String username, OpeningDraft draft, boolean publish) {
        Opening saved = as(username, () -> openings.save(draft));
        if (!publish) {
            return saved;
        }
        Opening submitted = as(username, () -> openings.submit(saved.getId(), saved.getVersion()));
        if (submitted.getStatus() == PostStatus.SUBMITTED) {
            return as("coordinator", () -> openings.publish(submitted.getId(), submitted.getVersion()));
        }
        return submitted;
    }

    /** One offer through the public form, then moved along the pipeline by the organisation. */
    private int offer(Opening opening, String name, String email, String phone, VolunteerAgeBand band,
                      SupporterType type, String availability, String message, String guardian,
                      ApplicantStatus status, String note, String hours) {
        HelpOffer offer = new HelpOffer();
        offer.setName(name);
        offer.setEmail(email);
        offer.setPhone(phone);
        offer.setAgeBand(band);
        offer.setSupporterType(type);
        offer.setAvailability(availability);
        offer.setMessage(message);
        offer.setGuardianName(guardian);
        offer.setGuardianConsent(guardian != null);
        offer.setPrivacyConsent(true);
        // Each demo visitor comes from an address of its own (TEST-NET-1), as real visitors would.
        offers.offer(opening.getId(), offer, "192.0.2." + (++addresses));
        String staff = staffOf(opening);
        Applicant applicant = as(staff, () -> applicants.applicants(
                new PipelineFilter(null, Set.of(ApplicantStatus.NEW), false), 0, 1)).get(0);
        for (ApplicantStatus step : path(status)) {
            Applicant current = as(staff, () -> applicants.get(applicant.getId()));
            as(staff, () -> applicants.moveTo(current.getId(), current.getVersion(), step));
        }
        if (note != null) {
            as(staff, () -> applicants.addNote(applicant.getId(), note));
        }
        if (hours != null) {
            as(staff, () -> applicants.recordActivity(applicant.getId(), LocalDate.now(clock),
                    new BigDecimal(hours), opening.getRole()));
        }
        return 1;
    }

    static List<ApplicantStatus> path(ApplicantStatus status) {
        return switch (status) {
            case NEW -> List.of();
            case CONTACTED -> List.of(ApplicantStatus.CONTACTED);
            case ACTIVE -> List.of(ApplicantStatus.CONTACTED, ApplicantStatus.ACTIVE);
            case FINISHED -> List.of(ApplicantStatus.CONTACTED, ApplicantStatus.ACTIVE, ApplicantStatus.FINISHED);
            case DECLINED -> List.of(ApplicantStatus.CONTACTED, ApplicantStatus.DECLINED);
            case NOT_A_FIT -> List.of(ApplicantStatus.NOT_A_FIT);
        };
    }

    private static String staffOf(Opening opening) {
        return switch (opening.getOrganisation().getName()) {
            case "地域子育て支援拠点「とことこ」" -> "hub";
            case "子ども食堂「みんなのテーブル」" -> "cafeteria";
            default -> "member";
        };
    }

    private void story(String username, String author, SupporterType type, String text, boolean publish) {
        StoryDraft draft = new StoryDraft();
        draft.setAuthorLabel(author);
        draft.setSupporterType(type);
        draft.setText(text);
        Story saved = as(username, () -> stories.save(draft));
        Story submitted = as(username, () -> stories.submit(saved.getId(), saved.getVersion()));
        if (publish && submitted.getStatus() == PostStatus.SUBMITTED) {
            as("coordinator", () -> stories.publish(submitted.getId(), submitted.getVersion()));
        }
    }

    private <T> T as(String username, Supplier<T> work) {
        return SystemAccess.runAs((AppUser) users.loadUserByUsername(username), work);
    }
}
