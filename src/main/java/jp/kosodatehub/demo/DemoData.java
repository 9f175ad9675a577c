package jp.kosodatehub.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kosodatehub.events.AgeBand;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.EventDraft;
import jp.kosodatehub.events.EventOccurrence;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.events.EventStatus;
import jp.kosodatehub.events.Facility;
import jp.kosodatehub.events.Recurrence;
import jp.kosodatehub.events.TargetGroup;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.organisations.OrganisationKind;
import jp.kosodatehub.organisations.OrganisationService;
import jp.kosodatehub.reference.District;
import jp.kosodatehub.reference.EventKind;
import jp.kosodatehub.reference.ReferenceDataService;
import jp.kosodatehub.security.Account;
import jp.kosodatehub.security.AccountRole;
import jp.kosodatehub.security.AccountService;
import jp.kosodatehub.security.AppUser;
import jp.kosodatehub.security.SystemAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Kanazawa Ward network as demo data (profile {@code demo} only): districts, a dozen member organisations,
 * demo logins and about forty events in the coming two months in every state. Everything goes through the
 * services, acting as the people who would really do it, so the demo also exercises the real rules.
 */
@Component
@Profile("demo")
@Order(10)
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "kosodate-demo";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final ReferenceDataService reference;
    private final OrganisationService organisations;
    private final AccountService accounts;
    private final EventService events;
    private final Clock clock;

    private final Map<String, District> districts = new HashMap<>();
    private final Map<String, EventKind> kinds = new HashMap<>();
    private final Map<String, Organisation> orgs = new HashMap<>();
    private final Map<String, AppUser> staff = new HashMap<>();
    private AppUser coordinator;

    DemoData(ReferenceDataService reference, OrganisationService organisations, AccountService accounts,
             EventService events, Clock clock) {
        this.reference = reference;
        this.organisations = organisations;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean empty = SystemAccess.runAsSystem(() -> organisations.findAll().isEmpty());
        if (!empty) {
            return;
        }
        SystemAccess.runAsSystem(() -> {
            referenceData();
            organisationsAndLogins();
            return null;
        });
        int count = eventsInEveryState();
        log.info("Demo data loaded: {} organisations, {} events", orgs.size(), count);
    }

    private void referenceData() {
        String[][] districtRows = {
            {"tomioka", "富岡", "Tomioka"}, {"nokendai", "能見台", "Nokendai"}, {"kamariya", "釜利谷", "Kamariya"},
            {"mutsuura", "六浦", "Mutsuura"}, {"kanazawa", "金沢", "Kanazawa"}, {"namiki", "並木", "Namiki"},
            {"nishishiba", "西柴", "Nishishiba"}, {"shomyoji", "称名寺", "Shomyoji"}};
        for (int i = 0; i < districtRows.length; i++) {
            String[] row = districtRows[i];
            districts.put(row[0], reference.saveDistrict(new District(row[0], row[1], row[2], i + 1)));
        }
        String[][] kindRows = {
            {"salon", "子育てサロン", "Parenting salon"}, {"open-space", "親子のひろば", "Open play space"},
            {"event", "イベント", "Event"}, {"class", "講座・教室", "Class"},
            {"consultation", "相談", "Consultation"}, {"cafeteria", "子ども食堂", "Children's cafeteria"}};
        for (int i = 0; i < kindRows.length; i++) {
            String[] row = kindRows[i];
            kinds.put(row[0], reference.saveKind(new EventKind(row[0], row[1], row[2], i + 1)));
        }
    }

    private void organisationsAndLogins() {
        org("hiyoko", "子育てサロン「ひよこ」", OrganisationKind.SALON, "tomioka", false);
        org("sukusuku", "能見台親子サロン「すくすく」", OrganisationKind.SALON, "nokendai", false);
        org("nikoniko", "釜利谷ママサロン「にこにこ」", OrganisationKind.SALON, "kamariya", false);
        org("mutsuura", "六浦ふれあいサロン", OrganisationKind.SALON, "mutsuura", false);
        org("tokotoko", "地域子育て支援拠点「とことこ」", OrganisationKind.CHILDCARE_HUB, "kanazawa", true);
        org("namiki", "並木保育園", OrganisationKind.NURSERY, "namiki", false);
        org("nishishiba", "西柴こども園", OrganisationKind.NURSERY, "nishishiba", false);
        org("net", "NPO法人かなざわ子育てネット", OrganisationKind.NPO, "kanazawa", false);
        org("engawa", "多世代交流の会「えんがわ」", OrganisationKind.NPO, "shomyoji", false);
        org("shunin", "金沢区主任児童委員連絡会", OrganisationKind.WELFARE_COMMISSIONER, "kanazawa", false);
        org("kuyakusho", "金沢区こども家庭支援課", OrganisationKind.WARD_OFFICE, "kanazawa", true);
        org("table", "子ども食堂「みんなのテーブル」", OrganisationKind.CHILDREN_CAFETERIA, "mutsuura", false);

        Account office = accounts.create(new AccountService.NewAccount("coordinator", "事務局（とことこ）",
                AccountRole.COORDINATOR, null, PASSWORD));
        coordinator = user(office);
        login("member", "サロンひよこ 代表", "hiyoko");
        login("nursery", "並木保育園 地域担当", "namiki");
        login("hub", "とことこ スタッフ", "tokotoko");
        login("npo", "かなざわ子育てネット 事務局", "net");
        login("commissioner", "主任児童委員", "shunin");
        login("wardoffice", "こども家庭支援課 担当", "kuyakusho");
        login("cafeteria", "みんなのテーブル 代表", "table");
        login("member2", "サロンすくすく 代表", "sukusuku");
        login("nikoniko", "ママサロンにこにこ 代表", "nikoniko");
        login("mutsuura", "六浦ふれあいサロン 代表", "mutsuura");
        login("nishishiba", "西柴こども園 地域担当", "nishishiba");
        login("engawa", "えんがわ 世話人", "engawa");
    }

    private void org(String key, String name, OrganisationKind kind, String district, boolean trusted) {
        Organisation organisation = new Organisation(name, kind, districts.get(district));
        organisation.setTrusted(trusted);
        orgs.put(key, organisations.save(organisation));
    }

    private void login(String username, String displayName, String orgKey) {
        Account account = accounts.create(new AccountService.NewAccount(username, displayName, AccountRole.MEMBER,
                orgs.get(orgKey).getId(), PASSWORD));
        staff.put(orgKey, user(account));
        staff.put(username, user(account));
    }

    private static AppUser user(Account account) {
        return new AppUser(account.getId(), account.getUsername(), account.getDisplayName(), account.getRole(),
                account.getOrganisation() == null ? null : account.getOrganisation().getId(), null, true);
    }

    /** The state a demo event should end up in, reached through the same steps people take. */
    private enum Target { DRAFT, SUBMITTED, SENT_BACK, RESUBMITTED_PUBLISHED, PUBLISHED, CANCELLED, WITHDRAWN }

    private record Plan(String org, String title, String kind, LocalDateTime start, int minutes, Set<AgeBand> ages,
                        Integer fee, boolean booking, String venue, String address, String description,
                        Target target, Recurrence repeat) {

        Plan(String org, String title, String kind, LocalDateTime start, int minutes, Set<AgeBand> ages,
             Integer fee, boolean booking, String venue, String address, String description, Target target) {
            this(org, title, kind, start, minutes, ages, fee, booking, venue, address, description, target, null);
        }
    }

    private int eventsInEveryState() {
        LocalDate today = LocalDate.now(clock);
        List<Plan> plans = new ArrayList<>();
        Set<AgeBand> babies = EnumSet.of(AgeBand.AGE_0, AgeBand.AGE_1);
        Set<AgeBand> toddlers = EnumSet.of(AgeBand.AGE_1, AgeBand.AGE_2, AgeBand.PRESCHOOL);
        Set<AgeBand> everyone = EnumSet.of(AgeBand.AGE_0, AgeBand.AGE_1, AgeBand.AGE_2, AgeBand.PRESCHOOL,
                AgeBand.ELEMENTARY);

        // Weekly and monthly salons, most of what the network runs: each is one series with a rule.
        LocalDate tuesday = today.with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
        plans.add(new Plan("hiyoko", "子育てサロン「ひよこ」", "salon", tuesday.atTime(10, 0), 120, babies, 100,
                false, "富岡地区センター 和室", "横浜市金沢区富岡東4-1-5",
                "0〜1歳の赤ちゃんと保護者の集まりです。\n手遊びや季節の製作のあと、おしゃべりタイム。\n"
                        + "参加費100円（お茶代）。予約は不要です。",
                Target.PUBLISHED, weekly(tuesday, 1, months(6, tuesday))));
        LocalDate thursday = today.with(TemporalAdjusters.next(DayOfWeek.THURSDAY));
        plans.add(new Plan("sukusuku", "親子サロン「すくすく」（隔週木曜）", "salon", thursday.atTime(10, 30), 90,
                toddlers, null, false, "能見台地域ケアプラザ 多目的室", "横浜市金沢区能見台通8-1",
                "1歳から入園前のお子さんと遊びに来てください。ベビーカー置き場あり。", Target.PUBLISHED,
                weekly(thursday, 2, months(6, thursday))));
        LocalDate wednesday = today.with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY));
        plans.add(new Plan("tokotoko", "親子のひろば「とことこ」", "open-space", wednesday.atTime(9, 30), 360,
                EnumSet.of(AgeBand.PRENATAL, AgeBand.AGE_0, AgeBand.AGE_1, AgeBand.AGE_2), null, false,
                "地域子育て支援拠点「とことこ」", "横浜市金沢区泥亀1-21-5",
                "予約なしで自由に遊べるひろばです。授乳室・おむつ替えスペースあり。\n"
                        + "子育ての相談もお気軽にどうぞ。 https://example.jp/tokotoko", Target.PUBLISHED,
                new Recurrence(Recurrence.Pattern.WEEKLY, 1, EnumSet.of(DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), 0, 0,
                        months(6, wednesday), null)));
        LocalDate friday = today.with(TemporalAdjusters.next(DayOfWeek.FRIDAY));
        plans.add(new Plan("namiki", "園庭開放", "open-space", friday.atTime(10, 0), 90, toddlers, null,
                false, "並木保育園 園庭", "横浜市金沢区並木2-1-1", "雨天中止。帽子と水筒をお持ちください。",
                Target.PUBLISHED, weekly(friday, 1, months(4, friday))));
        LocalDate secondMonday = today.plusMonths(1).withDayOfMonth(1)
                .with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.MONDAY));
        plans.add(new Plan("nikoniko", "ママサロン「にこにこ」（第2月曜）", "salon", secondMonday.atTime(10, 0),
                120, babies, null, false, "釜利谷地区センター", "横浜市金沢区釜利谷東2-2-1",
                "毎月第2月曜日に開いています。", Target.PUBLISHED,
                new Recurrence(Recurrence.Pattern.MONTHLY_WEEKDAY, 1, EnumSet.of(DayOfWeek.MONDAY), 2, 0, null, 12)));
        LocalDate saturdayEvening = today.with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
        // A fortnightly rule, and the title says so: "第1・第3土曜" is a rule the editor cannot express.
        plans.add(new Plan("table", "みんなのテーブル（隔週土曜の夕食会）", "cafeteria",
                saturdayEvening.atTime(17, 30), 120, EnumSet.of(AgeBand.AGE_1, AgeBand.AGE_2, AgeBand.PRESCHOOL,
                AgeBand.ELEMENTARY), 300, true, "六浦地区センター 調理室", "横浜市金沢区六浦5-20-2",
                "子どもは無料、大人300円。ひとり親家庭も歓迎です。", Target.PUBLISHED,
                weekly(saturdayEvening, 2, months(6, saturdayEvening))));
        // Weekend and evening places, which the plan asks for.
        LocalDate saturday = today.with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
        plans.add(new Plan("tokotoko", "パパと遊ぼう！土曜ひろば", "event", saturday.atTime(10, 0), 120, toddlers,
                null, true, "地域子育て支援拠点「とことこ」", "横浜市金沢区泥亀1-21-5",
                "お父さんと子どもで参加できる土曜日のひろばです。", Target.PUBLISHED));
        plans.add(new Plan("net", "プレパパ・プレママ教室（土曜開催）", "class", saturday.plusWeeks(1).atTime(13, 30),
                150, EnumSet.of(AgeBand.PRENATAL), null, true, "金沢区役所 6階会議室", "横浜市金沢区泥亀2-9-1",
                "沐浴体験とお産の準備。共働きのご夫婦も参加しやすい土曜日です。\n申込：電話 045-000-0000",
                Target.PUBLISHED));
        plans.add(new Plan("engawa", "多世代交流 昔あそびの会", "event", saturday.plusWeeks(2).atTime(10, 0), 120,
                everyone, null, false, "称名寺 境内", "横浜市金沢区金沢町212-1",
                "地域のシニアと一緒に、こま回しやお手玉で遊びます。", Target.CANCELLED));
        plans.add(new Plan("net", "日曜 親子ヨガ", "class", saturday.plusDays(8).atTime(10, 0), 60, babies, 500,
                true, "金沢公会堂 和室", "横浜市金沢区泥亀2-9-1", "ヨガマットはこちらで用意します。", Target.PUBLISHED));
        plans.add(new Plan("nishishiba", "子育て講座「離乳食のすすめ」", "class", today.plusDays(12).atTime(10, 0), 90,
                babies, 500, true, "西柴こども園 ホール", "横浜市金沢区西柴3-1-1", "材料費500円。定員10組。",
                Target.SUBMITTED));
        plans.add(new Plan("shunin", "赤ちゃん相談会", "consultation", today.plusDays(9).atTime(13, 30), 120, babies,
                null, false, "金沢区役所 1階", "横浜市金沢区泥亀2-9-1",
                "身長・体重の計測と子育て相談。主任児童委員がお待ちしています。", Target.SUBMITTED));
        plans.add(new Plan("kuyakusho", "両親教室", "class", today.plusDays(16).atTime(9, 30), 180,
                EnumSet.of(AgeBand.PRENATAL), null, true, "金沢区役所 6階", "横浜市金沢区泥亀2-9-1",
                "妊娠中の方とパートナー向け。区役所へ電話で申込。", Target.PUBLISHED));
        plans.add(new Plan("nikoniko", "ママサロン「にこにこ」クリスマス会", "event", today.plusDays(24).atTime(10, 0),
                120, toddlers, 200, true, "釜利谷地区センター", "横浜市金沢区釜利谷東2-2-1",
                "サンタさんが来るかも！", Target.SENT_BACK));
        plans.add(new Plan("mutsuura", "六浦ふれあいサロン", "salon", today.plusDays(8).atTime(10, 0), 120, babies,
                null, false, "六浦地区センター 和室", "横浜市金沢区六浦5-20-2", "季節の手遊び。",
                Target.RESUBMITTED_PUBLISHED));
        plans.add(new Plan("mutsuura", "六浦ふれあいサロン 新年会", "salon", today.plusDays(40).atTime(10, 0), 120,
                babies, null, false, "六浦地区センター 和室", "横浜市金沢区六浦5-20-2", "お正月あそび。",
                Target.DRAFT));
        plans.add(new Plan("hiyoko", "ひよこ 夜のオンラインおしゃべり会", "salon", today.plusDays(13).atTime(20, 0),
                60, babies, null, true, "オンライン（Zoom）", null, "お仕事帰りの方もどうぞ。申込はメールで。",
                Target.DRAFT));
        plans.add(new Plan("namiki", "夏祭り（延期分）", "event", today.plusDays(20).atTime(15, 0), 120, everyone,
                null, false, "並木保育園 園庭", "横浜市金沢区並木2-1-1", "日程を再調整中のため取り下げ。",
                Target.WITHDRAWN));
        plans.add(new Plan("engawa", "えんがわ 縁側カフェ", "event", today.plusDays(27).atTime(13, 0), 120, everyone,
                100, false, "えんがわハウス", "横浜市金沢区金沢町100", "どなたでも。子連れ歓迎。", Target.SUBMITTED));

        for (Plan plan : plans) {
            create(plan);
        }
        return plans.size();
    }

    private void create(Plan plan) {
        AppUser member = staff.get(plan.org());
        EventDraft draft = new EventDraft();
        draft.setTitle(plan.title());
        draft.setKind(kinds.get(plan.kind()));
        draft.setStartsAt(plan.start());
        draft.setEndsAt(plan.start().plusMinutes(plan.minutes()));
        draft.setAgeBands(plan.ages());
        draft.setFree(plan.fee() == null);
        draft.setFeeYen(plan.fee());
        draft.setBookingRequired(plan.booking());
        draft.setBookingHow(plan.booking() ? "電話またはメールでお申し込みください。" : null);
        draft.setVenueName(plan.venue());
        draft.setVenueAddress(plan.address());
        draft.setDistrict(orgs.get(plan.org()).getDistrict());
        draft.setContact(orgs.get(plan.org()).getName());
        draft.setDescription(plan.description());
        draft.setCapacity(plan.booking() ? 20 : null);
        draft.setRecurrence(plan.repeat());
        draft.setSkipHolidays(true);
        if (plan.repeat() != null) {
            // The hub and most salons close over the New Year.
            LocalDate newYear = LocalDate.of(plan.start().getYear() + (plan.start().getMonthValue() == 1 ? 0 : 1),
                    1, 1);
            draft.setSkipFrom(newYear.minusDays(4));
            draft.setSkipTo(newYear.plusDays(3));
        }
        draft.setTargetGroups(targetGroups(plan));
        draft.setFacilities(plan.venue().contains("とことこ") || plan.venue().contains("ケアプラザ")
                ? EnumSet.of(Facility.STROLLER, Facility.NURSING_ROOM, Facility.NAPPY_CHANGE)
                : plan.venue().contains("センター") ? EnumSet.of(Facility.NAPPY_CHANGE) : EnumSet.noneOf(Facility.class));

        Event event = SystemAccess.runAs(member, () -> events.save(draft));
        switch (plan.target()) {
            case DRAFT -> { }
            case WITHDRAWN -> SystemAccess.runAs(member, () -> events.withdraw(event.getId(), event.getVersion()));
            case SUBMITTED -> submit(member, event);
            case SENT_BACK -> sendBack(submit(member, event));
            case RESUBMITTED_PUBLISHED -> publish(submit(member, sendBack(submit(member, event))));
            case PUBLISHED -> changeSomeDates(member, publish(submit(member, event)));
            case CANCELLED -> {
                Event published = publish(submit(member, event));
                String reason = plan.venue().contains("境内") ? "雨天のため中止します。次回のご参加をお待ちしています。"
                        : "スタッフの体調不良のため、今回はお休みします。";
                SystemAccess.runAs(member, () -> events.cancel(published.getId(), published.getVersion(), reason));
            }
            default -> throw new IllegalStateException(plan.target().name());
        }
    }

    private static Set<TargetGroup> targetGroups(Plan plan) {
        Set<TargetGroup> groups = EnumSet.noneOf(TargetGroup.class);
        if (plan.ages().contains(AgeBand.PRENATAL)) {
            groups.add(TargetGroup.EXPECTANT_PARENTS);
        }
        if (plan.description().contains("ひとり親")) {
            groups.add(TargetGroup.SINGLE_PARENTS);
        }
        if (plan.title().contains("多世代") || plan.title().contains("えんがわ")) {
            groups.add(TargetGroup.MULTI_GENERATION);
        }
        if (plan.title().contains("パパ")) {
            groups.add(TargetGroup.FATHERS);
        }
        return groups;
    }

    private static Recurrence weekly(LocalDate first, int interval, LocalDate until) {
        return new Recurrence(Recurrence.Pattern.WEEKLY, interval, EnumSet.of(first.getDayOfWeek()), 0, 0, until,
                null);
    }

    private static LocalDate months(int months, LocalDate from) {
        return from.plusMonths(months);
    }

    /** A few single dates of the series are cancelled or moved, as happens: rain, staff illness. */
    private void changeSomeDates(AppUser member, Event event) {
        if (!event.isSeries() || event.getStatus() != EventStatus.PUBLISHED) {
            return;
        }
        List<EventOccurrence> coming = SystemAccess.runAs(member, () -> events.upcomingDates(event.getId(), 0, 4));
        if (coming.size() < 4) {
            return;
        }
        Event afterCancel = SystemAccess.runAs(member, () -> events.cancelDate(event.getId(), event.getVersion(),
                coming.get(2).getOriginalStart(), event.getTitle().contains("園庭")
                        ? "雨天のため中止します。" : "スタッフの体調不良のため、今回はお休みします。"));
        if (event.getTitle().contains("ひよこ")) {
            LocalDateTime moved = coming.get(3).getOriginalStart().plusDays(1);
            SystemAccess.runAs(member, () -> events.moveDate(event.getId(), afterCancel.getVersion(),
                    coming.get(3).getOriginalStart(), moved, moved.plusHours(2), "会場の都合により水曜日に変更します。"));
        }
    }

    private Event submit(AppUser member, Event event) {
        return SystemAccess.runAs(member, () -> events.submit(event.getId(), event.getVersion()));
    }

    private Event sendBack(Event event) {
        return SystemAccess.runAs(coordinator, () -> events.sendBack(event.getId(), event.getVersion(),
                "会場の住所と申込方法を追記してください。写真の掲載許可も確認をお願いします。"));
    }

    /** Trusted organisations' submissions are already published; the office publishes the rest. */
    private Event publish(Event event) {
        if (event.getStatus() == EventStatus.PUBLISHED) {
            return event;
        }
        return SystemAccess.runAs(coordinator, () -> events.publish(event.getId(), event.getVersion()));
    }
}
