package jp.kosodatehub.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import jp.kosodatehub.events.AgeBand;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.EventDraft;
import jp.kosodatehub.events.EventLimits;
import jp.kosodatehub.events.EventOccurrence;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.events.EventStatus;
import jp.kosodatehub.events.Facility;
import jp.kosodatehub.events.Recurrence;
import jp.kosodatehub.events.TargetGroup;
import jp.kosodatehub.goals.Aggregation;
import jp.kosodatehub.goals.ComputedDefinition;
import jp.kosodatehub.goals.Direction;
import jp.kosodatehub.goals.FiscalYear;
import jp.kosodatehub.goals.GoalForms.InitiativeForm;
import jp.kosodatehub.goals.GoalForms.PillarForm;
import jp.kosodatehub.goals.GoalForms.PlanForm;
import jp.kosodatehub.goals.GoalForms.ResultForm;
import jp.kosodatehub.goals.GoalForms.TargetImageForm;
import jp.kosodatehub.goals.GoalService;
import jp.kosodatehub.goals.Indicator;
import jp.kosodatehub.goals.IndicatorForm;
import jp.kosodatehub.goals.IndicatorKind;
import jp.kosodatehub.goals.IndicatorResult;
import jp.kosodatehub.goals.Initiative;
import jp.kosodatehub.goals.Pillar;
import jp.kosodatehub.goals.Plan;
import jp.kosodatehub.goals.TargetImageStatus;
import jp.kosodatehub.goals.UpdateFrequency;
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
import jp.kosodatehub.volunteers.Applicant;
import jp.kosodatehub.volunteers.ApplicantService;
import jp.kosodatehub.volunteers.ApplicantStatus;
import jp.kosodatehub.volunteers.HelpOffer;
import jp.kosodatehub.volunteers.OfferService;
import jp.kosodatehub.volunteers.Opening;
import jp.kosodatehub.volunteers.OpeningDraft;
import jp.kosodatehub.volunteers.OpeningSchedule;
import jp.kosodatehub.volunteers.OpeningService;
import jp.kosodatehub.volunteers.PostStatus;
import jp.kosodatehub.volunteers.SupporterType;
import jp.kosodatehub.volunteers.VolunteerAgeBand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A large, realistic data set (profile {@code large}) for benchmarks and for trying the screens with years of use:
 * sixty organisations of the Kanazawa Ward network with a login each, weekly and monthly salons and single events
 * over five years, volunteer openings with thousands of offers moved through the pipeline, and a full plan with
 * forty indicators and their results. Like the demo data everything goes through the services as the people who
 * would do it, so the data obeys the app's rules; a seeded {@link Random} makes two runs give the same data.
 *
 * <p>The five years run from a year ago (the earliest an event may start) to four years ahead: series start a
 * year ago and last five years. Offers of help and indicator results lie in the past, as they must.
 */
@Component
@Profile("large")
@Order(40)
class LargeDataSet implements ApplicationRunner {

    /** The network's liaison council: the first organisation made, and how a filled database is recognised. */
    static final String MARKER = "金沢区健やか子育て連絡会";
    static final long SEED = 20_260_401L;

    private static final Logger log = LoggerFactory.getLogger(LargeDataSet.class);

    /**
     * How much to make: the full set for {@code spring-boot:run}, smaller ones for tests.
     *
     * @param singleEvents single events per organisation
     * @param openingsPerOrganisation most openings per organisation (at least three)
     */
    record Scale(int organisations, int singleEvents, int openingsPerOrganisation, int offers) {

        static final Scale FULL = new Scale(60, 20, 5, 3000);
    }

    /** What a run made, counted in the database afterwards; {@code skipped} when the set was already there. */
    record Summary(boolean skipped, long organisations, long events, long occurrences, long openings, long offers,
                   long indicators, long results, Duration elapsed) {
    }

    private final ReferenceDataService reference;
    private final OrganisationService organisations;
    private final AccountService accounts;
    private final EventService events;
    private final GoalService goals;
    private final OpeningService openings;
    private final OfferService offers;
    private final ApplicantService applicants;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    LargeDataSet(ReferenceDataService reference, OrganisationService organisations, AccountService accounts,
                 EventService events, GoalService goals, OpeningService openings, OfferService offers,
                 ApplicantService applicants, JdbcTemplate jdbc, Clock clock) {
        this.reference = reference;
        this.organisations = organisations;
        this.accounts = accounts;
        this.events = events;
        this.goals = goals;
        this.openings = openings;
        this.offers = offers;
        this.applicants = applicants;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        generate(Scale.FULL);
    }

    Summary generate(Scale scale) {
        boolean present = SystemAccess.runAsSystem(() -> organisations.findAll().stream()
                .anyMatch(o -> MARKER.equals(o.getName())));
        if (present) {
            log.info("Large data set already present (organisation {}); nothing generated", MARKER);
            return new Summary(true, 0, 0, 0, 0, 0, 0, 0, Duration.ZERO);
        }
        long started = System.nanoTime();
        Run run = new Run(scale);
        SystemAccess.runAsSystem(() -> {
            run.referenceData();
            run.organisationsAndLogins();
            run.plan();
            return null;
        });
        phase("organisations and plan", started);
        long mark = System.nanoTime();
        run.indicatorsAndResults();
        mark = phase("indicators and results", mark);
        run.events();
        mark = phase("events", mark);
        run.volunteers();
        phase("volunteers", mark);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        Summary summary = new Summary(false, count("organisation"), count("event"), count("event_occurrence"),
                count("volunteer_opening"), count("volunteer_applicant"), count("goal_indicator"),
                count("goal_indicator_result"), elapsed);
        log.info("Large data set generated in {} s: {} organisations, {} events, {} occurrences, {} openings, "
                        + "{} offers of help, {} indicators, {} results (counts in the whole database)",
                elapsed.toSeconds(), summary.organisations(), summary.events(), summary.occurrences(),
                summary.openings(), summary.offers(), summary.indicators(), summary.results());
        return summary;
    }

    private static long phase(String name, long since) {
        long now = System.nanoTime();
        log.info("Large data set: {} took {} ms", name, Duration.ofNanos(now - since).toMillis());
        return now;
    }

    private long count(String table) {
        // Table names are constants of this class, never input.
        Long value = jdbc.queryForObject("select count(*) from " + table, Long.class);
        return value == null ? 0 : value;
    }

    // --- the names, from parts ---------------------------------------------------------------------------------

    private static final String[][] DISTRICTS = {
        {"tomioka", "富岡", "Tomioka"}, {"nokendai", "能見台", "Nokendai"}, {"kamariya", "釜利谷", "Kamariya"},
        {"mutsuura", "六浦", "Mutsuura"}, {"kanazawa", "金沢", "Kanazawa"}, {"namiki", "並木", "Namiki"},
        {"nishishiba", "西柴", "Nishishiba"}, {"shomyoji", "称名寺", "Shomyoji"}};
    private static final String[][] KINDS = {
        {"salon", "子育てサロン", "Parenting salon"}, {"open-space", "親子のひろば", "Open play space"},
        {"event", "イベント", "Event"}, {"class", "講座・教室", "Class"},
        {"consultation", "相談", "Consultation"}, {"cafeteria", "子ども食堂", "Children's cafeteria"}};
    /** Venues of each district: a community centre, a care plaza, a hall; with a plausible address. */
    private static final Map<String, String[][]> VENUES = Map.of(
            "tomioka", new String[][] {{"富岡地区センター", "横浜市金沢区富岡東4-1-5"},
                {"富岡西地域ケアプラザ", "横浜市金沢区富岡西7-1-1"}, {"富岡八幡宮 参集殿", "横浜市金沢区富岡東4-5-41"}},
            "nokendai", new String[][] {{"能見台地域ケアプラザ", "横浜市金沢区能見台通8-1"},
                {"能見台地区センター", "横浜市金沢区能見台東2-1"}},
            "kamariya", new String[][] {{"釜利谷地区センター", "横浜市金沢区釜利谷東2-2-1"},
                {"釜利谷地域ケアプラザ", "横浜市金沢区釜利谷南1-1-1"}},
            "mutsuura", new String[][] {{"六浦地区センター", "横浜市金沢区六浦5-20-2"},
                {"六浦地域ケアプラザ", "横浜市金沢区六浦東1-2-3"}},
            "kanazawa", new String[][] {{"金沢区役所 6階会議室", "横浜市金沢区泥亀2-9-1"},
                {"金沢公会堂", "横浜市金沢区泥亀2-9-1"}, {"地域子育て支援拠点「とことこ」", "横浜市金沢区泥亀1-21-5"}},
            "namiki", new String[][] {{"並木地区センター", "横浜市金沢区並木2-8-1"},
                {"並木地域ケアプラザ", "横浜市金沢区並木3-2-9"}},
            "nishishiba", new String[][] {{"西柴地区センター", "横浜市金沢区西柴3-5-1"},
                {"西柴団地集会所", "横浜市金沢区西柴4-19"}},
            "shomyoji", new String[][] {{"称名寺 集会所", "横浜市金沢区金沢町212-1"},
                {"金沢図書館 おはなしの部屋", "横浜市金沢区寺前1-9-6"}});
    private static final String[] NICKNAMES = {"ひよこ", "すくすく", "にこにこ", "ぽかぽか", "たんぽぽ", "どんぐり",
        "こあら", "ぱんだ", "ひまわり", "さくらんぼ", "くれよん", "つくし", "あおぞら", "おひさま", "みかん", "いちご",
        "ころころ", "よちよち", "わくわく", "にじいろ", "うさぎ", "りんご", "こぐま", "ちゅーりっぷ", "ほっぺ"};
    private static final String[] FAMILY_NAMES = {"佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村",
        "小林", "加藤", "吉田", "山田", "佐々木", "山口", "松本", "井上", "木村", "林", "斎藤", "清水", "山崎", "森",
        "池田", "橋本", "阿部", "石川", "前田", "藤田", "小川", "岡田"};
    private static final String[] GIVEN_NAMES = {"はるか", "ゆい", "さくら", "あおい", "みく", "直子", "和子", "美穂",
        "陽菜", "結衣", "大輔", "翔太", "健一", "誠", "勇", "悠真", "蓮", "湊", "颯太", "恵子", "洋子", "隆", "博",
        "智子", "真由美", "拓海", "美咲", "優花", "浩二", "さとみ"};
    private static final String[] ROMAJI = {"sato", "suzuki", "takahashi", "tanaka", "ito", "watanabe", "yamamoto",
        "nakamura", "kobayashi", "kato", "yoshida", "yamada", "sasaki", "yamaguchi", "matsumoto", "inoue", "kimura",
        "hayashi", "saito", "shimizu", "yamazaki", "mori", "ikeda", "hashimoto", "abe", "ishikawa", "maeda",
        "fujita", "ogawa", "okada"};

    /** One generation: the random source and what has been made so far. */
    private final class Run {

        private final Scale scale;
        private final Random random = new Random(SEED);
        private final LocalDate today = LocalDate.now(clock);
        private final Map<String, District> districts = new LinkedHashMap<>();
        private final Map<String, EventKind> kinds = new HashMap<>();
        private final List<Org> orgs = new ArrayList<>();
        private final Map<String, Initiative> initiatives = new LinkedHashMap<>();
        private AppUser coordinator;
        private Plan plan;

        Run(Scale scale) {
            this.scale = scale;
        }

        private <T> T pick(T[] values) {
            return values[random.nextInt(values.length)];
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }

        private boolean chance(double probability) {
            return random.nextDouble() < probability;
        }

        // --- reference data, organisations, logins -------------------------------------------------------------

        void referenceData() {
            for (int i = 0; i < DISTRICTS.length; i++) {
                String[] row = DISTRICTS[i];
                int order = i + 1;
                districts.put(row[0], reference.findDistrictByCode(row[0])
                        .orElseGet(() -> reference.saveDistrict(new District(row[0], row[1], row[2], order))));
            }
            for (int i = 0; i < KINDS.length; i++) {
                String[] row = KINDS[i];
                int order = i + 1;
                kinds.put(row[0], reference.findKindByCode(row[0])
                        .orElseGet(() -> reference.saveKind(new EventKind(row[0], row[1], row[2], order))));
            }
        }

        void organisationsAndLogins() {
            coordinator = accounts.page(0, 1000).stream()
                    .filter(a -> a.getRole() == AccountRole.COORDINATOR && a.isEnabled()).findFirst()
                    .map(LargeDataSet::user)
                    .orElseGet(() -> user(accounts.create(new AccountService.NewAccount("coordinator",
                            "事務局（とことこ）", AccountRole.COORDINATOR, null, DemoData.PASSWORD))));
            Set<String> taken = new HashSet<>();
            organisations.findAll().forEach(o -> taken.add(o.getName()));
            List<OrganisationKind> plan = kindsOfOrganisations(scale.organisations());
            List<String> districtCodes = new ArrayList<>(districts.keySet());
            for (int i = 0; i < plan.size(); i++) {
                OrganisationKind kind = plan.get(i);
                String district = i == 0 ? "kanazawa" : districtCodes.get(i % districtCodes.size());
                String name = i == 0 ? MARKER : organisationName(kind, districts.get(district).getNameJa());
                for (int attempt = 0; !taken.add(name); attempt++) {
                    // Some kinds have one name per district; a second one there is a branch.
                    name = attempt < 10 ? organisationName(kind, districts.get(district).getNameJa())
                            : name + "（第" + (attempt - 8) + "支部）";
                }
                Organisation organisation = new Organisation(name, kind, districts.get(district));
                organisation.setTrusted(i == 0 || kind == OrganisationKind.CHILDCARE_HUB
                        || kind == OrganisationKind.WARD_OFFICE || chance(0.15));
                organisation.setDescription(name + "は金沢区の子育て支援ネットワークのメンバーです。");
                Organisation saved = organisations.save(organisation);
                String username = String.format("org%02d", i + 1);
                Account account = accounts.create(new AccountService.NewAccount(username,
                        shortName(name) + " 担当", AccountRole.MEMBER, saved.getId(), DemoData.PASSWORD));
                orgs.add(new Org(saved, district, user(account)));
            }
        }

        /** The network's mix: mostly salons and nurseries, a hub, the ward office, NPOs, cafeterias. */
        private List<OrganisationKind> kindsOfOrganisations(int count) {
            OrganisationKind[] cycle = {OrganisationKind.SALON, OrganisationKind.NURSERY, OrganisationKind.SALON,
                OrganisationKind.NPO, OrganisationKind.SALON, OrganisationKind.CHILDREN_CAFETERIA,
                OrganisationKind.NURSERY, OrganisationKind.SALON, OrganisationKind.WELFARE_COMMISSIONER,
                OrganisationKind.NPO, OrganisationKind.SALON, OrganisationKind.OTHER};
            List<OrganisationKind> kinds = new ArrayList<>();
            kinds.add(OrganisationKind.OTHER);
            kinds.add(OrganisationKind.CHILDCARE_HUB);
            kinds.add(OrganisationKind.WARD_OFFICE);
            for (int i = 0; kinds.size() < count; i++) {
                kinds.add(cycle[i % cycle.length]);
            }
            return kinds.subList(0, Math.min(count, kinds.size()));
        }

        private String organisationName(OrganisationKind kind, String district) {
            String nick = pick(NICKNAMES);
            return switch (kind) {
                case SALON -> pick(new String[] {district + "子育てサロン「" + nick + "」",
                    district + "親子サロン「" + nick + "」", district + "ママサロン「" + nick + "」",
                    "赤ちゃんサロン「" + nick + "」（" + district + "）"});
                case NURSERY -> pick(new String[] {district + pick(new String[] {"", "第二", "中央", "みなみ"})
                    + pick(new String[] {"保育園", "こども園", "幼稚園"}), nick + "保育園（" + district + "）"});
                case CHILDCARE_HUB -> "地域子育て支援拠点「" + nick + "」";
                case NPO -> "NPO法人" + pick(new String[] {district + "子育て応援団", "かなざわ親子ネット「" + nick + "」",
                    district + "子育て支援の会", "多世代交流の会「" + nick + "」"});
                case WELFARE_COMMISSIONER -> pick(new String[] {district + "地区 民生委員児童委員協議会",
                    district + "地区 主任児童委員連絡会"});
                case WARD_OFFICE -> pick(new String[] {"金沢区こども家庭支援課（" + district + "担当）",
                    "金沢区福祉保健センター（" + district + "担当）"});
                case CHILDREN_CAFETERIA -> "子ども食堂「" + district + "の" + nick + "」";
                case OTHER -> pick(new String[] {district + "地区社会福祉協議会", district + "町内会 子ども会",
                    "おもちゃ図書館「" + nick + "」"});
            };
        }

        private static String shortName(String name) {
            return name.length() > 20 ? name.substring(0, 20) : name;
        }

        // --- the plan: goals, initiatives, indicators, results --------------------------------------------------

        void plan() {
            int thisYear = FiscalYear.of(today);
            plan = goals.savePlan(new PlanForm(null, 0, "金沢区子育て支援の協働の指針（" + FiscalYear.westernLabel(
                    thisYear - 2) + "〜" + FiscalYear.westernLabel(thisYear + 2) + "）", thisYear - 2,
                    thisYear + 2));
            String[][] structure = {
                {"親子がほしい情報が見つかる発信の仕組みづくり", "子育て支援情報の集約と発信", "メンバーのSNS・WEBでの発信"},
                {"親子が出会える地域の居場所づくり", "地域の居場所の継続", "平日日中以外の居場所やイベント",
                    "対象を絞った子育ての場づくり"},
                {"子育てを温かく見守る地域づくり", "多世代交流の場の継続", "地域住民が子育てに寄り添う機会づくり"},
                {"子育てを支える持続可能なネットワークづくり", "連絡会を通じたネットワーク化", "担い手の育成と"
                    + "ボランティアの受け入れ", "支援者の学びの機会"}};
            TargetImageStatus[] statuses = TargetImageStatus.values();
            for (int p = 0; p < structure.length; p++) {
                Pillar pillar = goals.savePillar(new PillarForm(null, 0, plan.getId(), p + 1, structure[p][0]));
                for (int i = 1; i < structure[p].length; i++) {
                    Initiative initiative = goals.saveInitiative(new InitiativeForm(null, 0, pillar.getId(), i,
                            structure[p][i]));
                    initiatives.put((p + 1) + "-" + i, initiative);
                    for (int t = 0; t < 2; t++) {
                        goals.saveTargetImage(new TargetImageForm(null, 0, initiative.getId(),
                                structure[p][i] + "の目指す姿 " + (t + 1) + "：各地区で取組が続き、親子に届いている。",
                                pick(statuses)));
                    }
                }
            }
        }

        /** An indicator to make: where it sits, what it counts, and how its results move from the baseline. */
        private record Spec(String initiative, String name, String unit, IndicatorKind kind, Direction direction,
                            double baseline, double target, UpdateFrequency frequency, List<String> breakdowns,
                            ComputedDefinition computed) {

            /** Counted per month or quarter toward a yearly total, unlike a stock (か所, 登録者数) or a rate. */
            boolean flow() {
                return unit != null && !unit.equals("か所") && !unit.equals("団体") && !unit.equals("店")
                        && !unit.equals("%") && kind == IndicatorKind.COUNT && frequency != UpdateFrequency.YEARLY
                        && !name.contains("登録者数");
            }
        }

        private static Spec spec(String initiative, String name, String unit, IndicatorKind kind,
                                 Direction direction, double baseline, double target, UpdateFrequency frequency,
                                 String... breakdowns) {
            return new Spec(initiative, name, unit, kind, direction, baseline, target, frequency,
                    List.of(breakdowns), null);
        }

        private static List<Spec> specs() {
            IndicatorKind count = IndicatorKind.COUNT;
            IndicatorKind percent = IndicatorKind.PERCENT;
            Direction up = Direction.INCREASE;
            Direction down = Direction.DECREASE;
            UpdateFrequency yearly = UpdateFrequency.YEARLY;
            UpdateFrequency monthly = UpdateFrequency.MONTHLY;
            UpdateFrequency quarterly = UpdateFrequency.QUARTERLY;
            List<Spec> specs = new ArrayList<>(List.of(
                    spec("1-1", "子育て応援サイトの閲覧数", "回", count, up, 42000, 80000, monthly),
                    spec("1-1", "公式LINEの登録者数", "人", count, up, 1800, 4000, quarterly),
                    spec("1-1", "子育て情報誌の配布部数", "部", count, up, 6000, 8000, yearly),
                    spec("1-1", "情報が手に入りやすいと答えた保護者の割合", "%", percent, up, 52.5, 70, yearly),
                    spec("1-2", "SNSで発信しているメンバーの数", "団体", count, up, 14, 40, yearly),
                    spec("1-2", "SNS活用研修の参加者数", "人", count, up, 10, 60, yearly),
                    spec("1-2", "「#金沢っこ」の投稿数", "件", count, up, 300, 1200, quarterly),
                    spec("2-1", "地域子育て支援拠点の利用者数（延べ）", "人", count, up, 25723, 60000, monthly,
                            "親子", "妊婦"),
                    spec("2-1", "子育てサロンの数", "か所", count, up, 28, 34, yearly),
                    spec("2-1", "子育てサロンの参加者数（延べ）", "人", count, up, 9800, 14000, quarterly),
                    spec("2-1", "子ども食堂の数", "か所", count, up, 8, 14, yearly),
                    spec("2-2", "休日に開いている居場所の数", "か所", count, up, 3, 10, yearly),
                    spec("2-2", "夜間のオンライン交流会の参加者数", "人", count, up, 40, 200, quarterly),
                    spec("2-3", "プレパパ・プレママ教室の参加者数", "人", count, up, 240, 400, yearly),
                    spec("2-3", "ひとり親家庭向け交流会の開催数", "回", count, up, 2, 12, yearly),
                    spec("2-3", "外国につながる親子の参加者数", "人", count, up, 30, 120, yearly),
                    spec("2-3", "障害のある子の親の会の参加者数", "人", count, up, 60, 100, yearly),
                    spec("3-1", "多世代交流の場の数", "か所", count, up, 6, 12, yearly),
                    spec("3-1", "多世代交流イベントの参加者数", "人", count, up, 700, 1500, yearly, "子ども", "大人",
                            "高齢者"),
                    spec("3-1", "中高生ボランティアの受け入れ数", "人", count, up, 20, 60, yearly),
                    spec("3-2", "子育て家庭を見守る地域の協力店の数", "店", count, up, 35, 80, yearly),
                    spec("3-2", "悩みの相談相手がいない保護者の割合", "%", percent, down, 8.8, 5.0, yearly),
                    spec("3-2", "地域の子育て支援を知っている住民の割合", "%", percent, up, 31.0, 50.0, yearly),
                    spec("3-2", "赤ちゃん訪問の実施率", "%", percent, up, 92.0, 98.0, yearly),
                    spec("4-1", "連絡会の開催回数", "回", count, up, 4, 6, yearly),
                    spec("4-1", "連絡会への参加団体数", "団体", count, up, 38, 60, yearly),
                    spec("4-1", "合同研修の参加者数", "人", count, up, 80, 150, yearly),
                    spec("4-1", "団体間の見学・交流の件数", "件", count, up, 5, 20, yearly),
                    spec("4-2", "ボランティア登録者数", "人", count, up, 210, 400, quarterly),
                    spec("4-2", "ファミリー・サポート・センター会員数", "人", count, up, 810, 900, yearly),
                    spec("4-2", "子育て支援員研修の修了者数", "人", count, up, 25, 60, yearly),
                    spec("4-3", "支援者向け講座の開催数", "回", count, up, 6, 12, yearly),
                    spec("4-3", "支援者向け講座の参加者数", "人", count, up, 120, 250, yearly),
                    spec("4-3", "研修が役に立ったと答えた参加者の割合", "%", percent, up, 80.0, 90.0, yearly),
                    spec("4-3", "子育て相談件数", "件", count, up, 1200, 1800, monthly, "窓口", "電話",
                            "オンライン"),
                    spec("3-2", "ヤングケアラー実態調査の実施", null, IndicatorKind.DONE, Direction.ACHIEVE, 0, 1,
                            yearly)));
            specs.add(new Spec("2-2", "週末・祝日のイベント開催数", "回", count, up, 400, 800, yearly, List.of(),
                    ComputedDefinition.eventDates(null, null, true, null)));
            specs.add(new Spec("2-1", "子育てサロンの開催回数", "回", count, up, 1500, 2000, yearly, List.of(),
                    ComputedDefinition.eventDates("salon", null, false, null)));
            specs.add(new Spec("4-2", "新たに活動を始めたボランティアの人数", "人", count, up, 100, 300, yearly,
                    List.of(), ComputedDefinition.volunteers(ComputedDefinition.Source.VOLUNTEERS_RECRUITED)));
            specs.add(new Spec("4-2", "ボランティアの活動時間", "時間", IndicatorKind.NUMBER, up, 1000, 3000, yearly,
                    List.of(), ComputedDefinition.volunteers(ComputedDefinition.Source.VOLUNTEER_HOURS)));
            return specs;
        }

        /** Forty indicators, each with a responsible organisation, and results for every fiscal year so far. */
        void indicatorsAndResults() {
            int thisYear = FiscalYear.of(today);
            LocalDate baselineDate = FiscalYear.lastDay(thisYear - 5);
            for (Spec spec : specs()) {
                Org responsible = pick(orgs);
                Indicator indicator = SystemAccess.runAsSystem(() -> goals.saveIndicator(new IndicatorForm(null, 0,
                        initiatives.get(spec.initiative()).getId(), spec.name(), spec.unit(), spec.kind(),
                        spec.direction(), value(spec, spec.baseline()), baselineDate, value(spec, spec.target()),
                        thisYear + 2, responsible.organisation().getId(), null, spec.frequency(), spec.breakdowns(),
                        spec.computed(), spec.flow() ? Aggregation.FISCAL_YEAR_TOTAL
                                : Aggregation.defaultFor(spec.computed()))));
                if (spec.computed() == null) {
                    results(spec, indicator, responsible.member());
                }
            }
        }

        private static BigDecimal value(Spec spec, double value) {
            return switch (spec.kind()) {
                case COUNT, DONE -> BigDecimal.valueOf(Math.round(value));
                case PERCENT, NUMBER -> BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
            };
        }

        /**
         * From the baseline's year to today: year ends for yearly figures, each quarter or month end otherwise,
         * moving from the baseline towards the target with some noise; the odd figure corrected afterwards.
         */
        private void results(Spec spec, Indicator indicator, AppUser member) {
            List<LocalDate> dates = new ArrayList<>();
            LocalDate first = FiscalYear.firstDay(FiscalYear.of(today) - 4);
            int step = switch (spec.frequency()) {
                case MONTHLY -> 1;
                case QUARTERLY -> 3;
                case YEARLY -> 12;
            };
            for (LocalDate end = first.plusMonths(step).minusDays(1); !end.isAfter(today);
                 end = end.plusDays(1).plusMonths(step).minusDays(1)) {
                dates.add(end);
            }
            double periodsPerYear = 12.0 / step;
            double yearlyBaseline = spec.baseline();
            for (int i = 0; i < dates.size(); i++) {
                double progress = (double) (i + 1) / dates.size();
                double yearly = yearlyBaseline + (spec.target() - yearlyBaseline) * progress * 0.8;
                String source = spec.frequency() == UpdateFrequency.YEARLY ? "年次集計" : "月次集計";
                if (spec.kind() == IndicatorKind.DONE) {
                    recordResult(member, new ResultForm(indicator.getId(), dates.get(i), null,
                            BigDecimal.valueOf(i == dates.size() - 1 ? 1 : 0), null, "こども家庭支援課", null));
                    continue;
                }
                double figure = (spec.flow() ? yearly / periodsPerYear : yearly) * (0.9 + random.nextDouble() * 0.2);
                if (spec.kind() == IndicatorKind.PERCENT) {
                    figure = Math.min(100, figure);
                }
                if (spec.breakdowns().isEmpty()) {
                    recordResult(member, new ResultForm(indicator.getId(), dates.get(i), null,
                            value(spec, figure), null, source, null));
                } else {
                    double share = 1.0 / spec.breakdowns().size();
                    for (String breakdown : spec.breakdowns()) {
                        recordResult(member, new ResultForm(indicator.getId(), dates.get(i), breakdown,
                                value(spec, figure * share * (0.8 + random.nextDouble() * 0.4)), null, source,
                                null));
                    }
                }
            }
            if (chance(0.2) && spec.breakdowns().isEmpty() && !dates.isEmpty()) {
                List<IndicatorResult> history = SystemAccess.runAs(member, () -> goals.history(indicator.getId()));
                IndicatorResult wrong = history.get(random.nextInt(history.size()));
                BigDecimal corrected = value(spec, wrong.getValue().doubleValue() * 1.02);
                SystemAccess.runAs(member, () -> goals.correctResult(wrong.getId(), corrected, "集計漏れを追加",
                        wrong.getSource()));
            }
        }

        private void recordResult(AppUser member, ResultForm form) {
            SystemAccess.runAs(member, () -> goals.recordResult(form));
        }

        // --- events ---------------------------------------------------------------------------------------------

        /** The state an event ends up in, reached through the same steps people take. */
        private enum Target { DRAFT, SUBMITTED, SENT_BACK, PUBLISHED, CANCELLED, WITHDRAWN }

        private Target target(double published) {
            double roll = random.nextDouble();
            if (roll < published) {
                return Target.PUBLISHED;
            }
            Target[] others = {Target.DRAFT, Target.SUBMITTED, Target.SENT_BACK, Target.CANCELLED,
                Target.WITHDRAWN, Target.DRAFT};
            return pick(others);
        }

        void events() {
            // Every state at least once, whatever the scale: the first events of an organisation the office checks.
            Org checked = orgs.stream().filter(o -> !o.organisation().isTrusted()).findFirst()
                    .orElse(orgs.getFirst());
            for (Org org : orgs) {
                int weekly = 1 + random.nextInt(3);
                for (int i = 0; i < weekly; i++) {
                    series(org, true);
                }
                int monthly = 1 + random.nextInt(2);
                for (int i = 0; i < monthly; i++) {
                    series(org, false);
                }
                int singles = Math.max(1, scale.singleEvents() - 3 + random.nextInt(7));
                for (int i = 0; i < singles; i++) {
                    boolean first = org == checked && i < Target.values().length;
                    single(org, first ? Target.values()[i] : target(0.8));
                }
            }
        }

        private String kindFor(Org org, boolean series) {
            return switch (org.organisation().getKind()) {
                case SALON -> series ? "salon" : pick(new String[] {"salon", "event", "class"});
                case NURSERY -> series ? "open-space" : pick(new String[] {"open-space", "event", "class"});
                case CHILDCARE_HUB -> pick(new String[] {"open-space", "consultation", "class", "event"});
                case NPO -> pick(new String[] {"class", "event", "salon"});
                case WELFARE_COMMISSIONER -> pick(new String[] {"consultation", "salon"});
                case WARD_OFFICE -> pick(new String[] {"class", "consultation"});
                case CHILDREN_CAFETERIA -> series ? "cafeteria" : pick(new String[] {"cafeteria", "event"});
                case OTHER -> pick(new String[] {"event", "salon", "class"});
            };
        }

        private static final String[] SERIES_TITLES = {"%sの日", "%s（定例）", "%s 親子の集い", "%s おしゃべり会"};
        private static final Map<String, String[]> SINGLE_TITLES = Map.of(
                "salon", new String[] {"季節の製作あそび", "誕生会", "手形アート", "ベビーマッサージ体験", "リトミック"},
                "open-space", new String[] {"園庭開放", "夏の水あそび", "ひろばの運動会", "パパと遊ぼう！土曜ひろば"},
                "event", new String[] {"夏祭り", "ハロウィン仮装パレード", "クリスマス会", "多世代交流 昔あそびの会",
                    "防災ピクニック", "おもちゃ病院", "親子で歩こう 海の公園"},
                "class", new String[] {"離乳食講座", "プレパパ・プレママ教室", "親子ヨガ", "絵本の読み聞かせ講座",
                    "子どもの救急講座", "英語で遊ぼう"},
                "consultation", new String[] {"赤ちゃん相談会", "子育て相談日", "発達の相談会", "就園相談会"},
                "cafeteria", new String[] {"みんなの夕ごはん", "親子で作るカレー", "夏休み昼ごはん会"});

        private void series(Org org, boolean weekly) {
            String kind = kindFor(org, true);
            LocalDate earliest = EventLimits.earliestDate(today).plusDays(7 + random.nextInt(45));
            DayOfWeek day = chance(0.35) ? pick(new DayOfWeek[] {DayOfWeek.SATURDAY, DayOfWeek.SUNDAY})
                    : DayOfWeek.of(1 + random.nextInt(5));
            Recurrence rule;
            LocalDate first;
            if (weekly) {
                first = earliest.with(TemporalAdjusters.nextOrSame(day));
                Set<DayOfWeek> days = EnumSet.of(day);
                if (org.organisation().getKind() == OrganisationKind.CHILDCARE_HUB && day.getValue() <= 3) {
                    days.add(day.plus(2));
                }
                int interval = chance(0.25) ? 2 : 1;
                rule = new Recurrence(Recurrence.Pattern.WEEKLY, interval, days, 0, 0,
                        first.plusYears(Recurrence.MAX_YEARS).minusDays(1), null);
            } else if (chance(0.8)) {
                int nth = chance(0.15) ? -1 : 1 + random.nextInt(4);
                first = monthlyWeekday(earliest, nth, day);
                rule = new Recurrence(Recurrence.Pattern.MONTHLY_WEEKDAY, 1, EnumSet.of(day), nth, 0,
                        first.plusYears(Recurrence.MAX_YEARS).minusDays(1), null);
            } else {
                int dayOfMonth = 1 + random.nextInt(28);
                first = earliest.getDayOfMonth() <= dayOfMonth ? earliest.withDayOfMonth(dayOfMonth)
                        : earliest.plusMonths(1).withDayOfMonth(dayOfMonth);
                rule = new Recurrence(Recurrence.Pattern.MONTHLY_DAY, 1, Set.of(), 0, dayOfMonth,
                        first.plusYears(Recurrence.MAX_YEARS).minusDays(1), null);
            }
            LocalTime time = startTime(kind, first.getDayOfWeek());
            String nick = org.organisation().getName();
            String base = kinds.get(kind).getNameJa();
            String title = String.format(pick(SERIES_TITLES), base) + weeklyLabel(rule, first);
            EventDraft draft = draft(org, kind, title.length() > 60 ? base : title,
                    first.atTime(time), minutes(kind), description(nick, kind, true));
            draft.setRecurrence(rule);
            draft.setSkipHolidays(chance(0.7));
            if (chance(0.6)) {
                LocalDate newYear = LocalDate.of(first.getYear() + 1, 1, 1);
                draft.setSkipFrom(newYear.minusDays(4));
                draft.setSkipTo(newYear.plusDays(3));
            }
            Event event = create(org, draft, target(0.86));
            if (event.getStatus() == EventStatus.PUBLISHED && chance(0.3)) {
                changeSomeDates(org, event);
            }
        }

        private static LocalDate monthlyWeekday(LocalDate from, int nth, DayOfWeek day) {
            LocalDate month = from.withDayOfMonth(1);
            while (true) {
                LocalDate date = nth < 0 ? month.with(TemporalAdjusters.lastInMonth(day))
                        : month.with(TemporalAdjusters.dayOfWeekInMonth(nth, day));
                if (!date.isBefore(from)) {
                    return date;
                }
                month = month.plusMonths(1);
            }
        }

        private static String weeklyLabel(Recurrence rule, LocalDate first) {
            String[] names = {"月", "火", "水", "木", "金", "土", "日"};
            String day = names[first.getDayOfWeek().getValue() - 1];
            if (rule.pattern() == Recurrence.Pattern.WEEKLY) {
                // Every weekday of the rule, so a hub open Monday and Wednesday is not titled "毎週月曜".
                day = rule.days().stream().sorted().map(weekday -> names[weekday.getValue() - 1])
                        .collect(Collectors.joining("・"));
            }
            return switch (rule.pattern()) {
                case WEEKLY -> rule.interval() > 1 ? "（隔週" + day + "曜）" : "（毎週" + day + "曜）";
                case MONTHLY_WEEKDAY -> rule.nth() < 0 ? "（最終" + day + "曜日）"
                        : "（第" + rule.nth() + day + "曜日）";
                case MONTHLY_DAY -> "（毎月" + rule.dayOfMonth() + "日）";
            };
        }

        private LocalTime startTime(String kind, DayOfWeek day) {
            if (kind.equals("cafeteria")) {
                return LocalTime.of(17, 30);
            }
            if (chance(0.1)) {
                return pick(new LocalTime[] {LocalTime.of(18, 30), LocalTime.of(19, 30), LocalTime.of(20, 0)});
            }
            boolean weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
            return pick(weekend ? new LocalTime[] {LocalTime.of(10, 0), LocalTime.of(13, 30), LocalTime.of(14, 0)}
                    : new LocalTime[] {LocalTime.of(9, 30), LocalTime.of(10, 0), LocalTime.of(10, 30),
                        LocalTime.of(13, 30)});
        }

        private int minutes(String kind) {
            return switch (kind) {
                case "open-space" -> pick(new Integer[] {90, 120, 240, 360});
                case "consultation" -> pick(new Integer[] {60, 120, 180});
                default -> pick(new Integer[] {60, 90, 120, 150});
            };
        }

        private String description(String organisation, String kind, boolean series) {
            String lead = series ? "定期的に開いています。" : "一回限りの催しです。";
            String body = switch (kind) {
                case "salon" -> "手遊びや季節の製作のあと、おしゃべりタイム。初めての方も気軽にどうぞ。";
                case "open-space" -> "予約なしで自由に遊べます。子育ての相談もお気軽にどうぞ。";
                case "class" -> "講師をお招きして学びます。筆記用具をお持ちください。";
                case "consultation" -> "身長・体重の計測と子育て相談。秘密は守ります。";
                case "cafeteria" -> "みんなで食べる夕ごはん。子どもは無料、大人は300円です。";
                default -> "地域のみなさんと一緒に楽しみましょう。雨天の場合は中止します。";
            };
            return lead + body + "\n主催：" + organisation;
        }

        private void single(Org org, Target target) {
            String kind = kindFor(org, false);
            long span = Duration.between(EventLimits.earliestDate(today).plusDays(1).atStartOfDay(),
                    EventLimits.latestDate(today).minusDays(1).atStartOfDay()).toDays();
            LocalDate date = EventLimits.earliestDate(today).plusDays(1 + random.nextLong(span));
            String title = pick(SINGLE_TITLES.get(kind));
            EventDraft draft = draft(org, kind, title, date.atTime(startTime(kind, date.getDayOfWeek())),
                    minutes(kind), description(org.organisation().getName(), kind, false));
            create(org, draft, target);
        }

        private EventDraft draft(Org org, String kind, String title, LocalDateTime start, int minutes,
                                 String description) {
            String[] venue = pick(VENUES.get(chance(0.8) ? org.district() : pick(DISTRICTS)[0]));
            EventDraft draft = new EventDraft();
            draft.setTitle(title);
            draft.setKind(kinds.get(kind));
            draft.setStartsAt(start);
            draft.setEndsAt(start.plusMinutes(minutes));
            draft.setAgeBands(ages(kind, title));
            boolean paid = kind.equals("cafeteria") || kind.equals("class") && chance(0.5) || chance(0.15);
            draft.setFree(!paid);
            draft.setFeeYen(paid ? pick(new Integer[] {100, 200, 300, 500, 1000}) : null);
            boolean booking = kind.equals("class") || chance(0.2);
            draft.setBookingRequired(booking);
            draft.setBookingHow(booking ? "電話またはメールでお申し込みください。" : null);
            draft.setCapacity(booking ? pick(new Integer[] {10, 15, 20, 30}) : null);
            draft.setVenueName(venue[0]);
            draft.setVenueAddress(venue[1]);
            draft.setDistrict(districts.get(org.district()));
            draft.setContact(org.organisation().getName());
            draft.setDescription(description);
            draft.setTargetGroups(groups(title, draft.getAgeBands()));
            draft.setFacilities(venue[0].contains("ケアプラザ") || venue[0].contains("とことこ")
                    ? EnumSet.of(Facility.STROLLER, Facility.NURSING_ROOM, Facility.NAPPY_CHANGE)
                    : venue[0].contains("センター") ? EnumSet.of(Facility.NAPPY_CHANGE)
                    : EnumSet.noneOf(Facility.class));
            draft.setInitiativeIds(initiativesFor(kind, title, start));
            return draft;
        }

        private Set<AgeBand> ages(String kind, String title) {
            if (title.contains("プレパパ")) {
                return EnumSet.of(AgeBand.PRENATAL);
            }
            return switch (kind) {
                case "salon" -> chance(0.5) ? EnumSet.of(AgeBand.AGE_0, AgeBand.AGE_1)
                        : EnumSet.of(AgeBand.AGE_1, AgeBand.AGE_2, AgeBand.PRESCHOOL);
                case "open-space" -> EnumSet.of(AgeBand.PRENATAL, AgeBand.AGE_0, AgeBand.AGE_1, AgeBand.AGE_2);
                case "cafeteria" -> EnumSet.of(AgeBand.AGE_2, AgeBand.PRESCHOOL, AgeBand.ELEMENTARY);
                case "consultation" -> EnumSet.of(AgeBand.AGE_0, AgeBand.AGE_1, AgeBand.AGE_2);
                default -> EnumSet.of(AgeBand.AGE_0, AgeBand.AGE_1, AgeBand.AGE_2, AgeBand.PRESCHOOL,
                        AgeBand.ELEMENTARY);
            };
        }

        private Set<TargetGroup> groups(String title, Set<AgeBand> ages) {
            Set<TargetGroup> groups = EnumSet.noneOf(TargetGroup.class);
            if (ages.contains(AgeBand.PRENATAL) && ages.size() == 1) {
                groups.add(TargetGroup.EXPECTANT_PARENTS);
            }
            if (title.contains("パパ")) {
                groups.add(TargetGroup.FATHERS);
            }
            if (title.contains("多世代") || title.contains("昔あそび")) {
                groups.add(TargetGroup.MULTI_GENERATION);
            }
            if (chance(0.05)) {
                groups.add(pick(new TargetGroup[] {TargetGroup.SINGLE_PARENTS, TargetGroup.FOREIGN_FAMILIES,
                    TargetGroup.SPECIAL_NEEDS}));
            }
            return groups;
        }

        private Set<Long> initiativesFor(String kind, String title, LocalDateTime start) {
            Set<Long> ids = new HashSet<>();
            if (kind.equals("salon") || kind.equals("open-space") || kind.equals("cafeteria")) {
                ids.add(initiatives.get("2-1").getId());
            }
            DayOfWeek day = start.getDayOfWeek();
            if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY || start.getHour() >= 17) {
                ids.add(initiatives.get("2-2").getId());
            }
            if (title.contains("多世代") || title.contains("昔あそび") || title.contains("夏祭り")) {
                ids.add(initiatives.get("3-1").getId());
            }
            if (title.contains("パパ") || title.contains("プレママ")) {
                ids.add(initiatives.get("2-3").getId());
            }
            return ids;
        }

        private Event create(Org org, EventDraft draft, Target target) {
            AppUser member = org.member();
            Event event = SystemAccess.runAs(member, () -> events.save(draft));
            return switch (target) {
                case DRAFT -> event;
                case WITHDRAWN -> SystemAccess.runAs(member, () -> events.withdraw(event.getId(),
                        event.getVersion()));
                case SUBMITTED -> submit(member, event);
                case SENT_BACK -> {
                    Event submitted = submit(member, event);
                    yield submitted.getStatus() == EventStatus.SUBMITTED ? sendBack(submitted) : submitted;
                }
                case PUBLISHED -> publish(submit(member, event));
                case CANCELLED -> {
                    Event published = publish(submit(member, event));
                    yield SystemAccess.runAs(member, () -> events.cancel(published.getId(), published.getVersion(),
                            pick(new String[] {"雨天のため中止します。", "スタッフの体調不良のため、お休みします。",
                                "会場の都合により中止します。"})));
                }
            };
        }

        /** A few dates of a running series are cancelled or moved, as happens: rain, staff illness, the venue. */
        private void changeSomeDates(Org org, Event event) {
            AppUser member = org.member();
            // Within the coming year: a date is moved or cancelled weeks ahead, not years.
            LocalDateTime horizon = today.plusYears(1).atStartOfDay();
            List<EventOccurrence> coming = SystemAccess.runAs(member,
                    () -> events.upcomingDates(event.getId(), 0, 400)).stream()
                    .filter(o -> o.getOriginalStart().isBefore(horizon))
                    .sorted(Comparator.comparing(EventOccurrence::getOriginalStart)).limit(40).toList();
            if (coming.size() < 10) {
                return;
            }
            EventOccurrence cancelled = coming.get(random.nextInt(coming.size()));
            Event afterCancel = SystemAccess.runAs(member, () -> events.cancelDate(event.getId(),
                    event.getVersion(), cancelled.getOriginalStart(),
                    pick(new String[] {"雨天のため中止します。", "スタッフの体調不良のため、今回はお休みします。"})));
            if (chance(0.5)) {
                EventOccurrence moved = coming.stream().filter(o -> !o.getOriginalStart()
                        .equals(cancelled.getOriginalStart())).toList().get(random.nextInt(coming.size() - 1));
                LocalDateTime to = moved.getOriginalStart().plusDays(1);
                SystemAccess.runAs(member, () -> events.moveDate(event.getId(), afterCancel.getVersion(),
                        moved.getOriginalStart(), to, to.plus(Duration.between(moved.getStartsAt(),
                                moved.getEndsAt())), "会場の都合により翌日に変更します。"));
            }
        }

        private Event submit(AppUser member, Event event) {
            return SystemAccess.runAs(member, () -> events.submit(event.getId(), event.getVersion()));
        }

        private Event sendBack(Event event) {
            return SystemAccess.runAs(coordinator, () -> events.sendBack(event.getId(), event.getVersion(),
                    "会場の住所と申込方法を追記してください。"));
        }

        /** Trusted organisations' submissions are already published; the office publishes the rest. */
        private Event publish(Event event) {
            if (event.getStatus() == EventStatus.PUBLISHED) {
                return event;
            }
            return SystemAccess.runAs(coordinator, () -> events.publish(event.getId(), event.getVersion()));
        }

        // --- volunteers -------------------------------------------------------------------------------------------

        private static final String[][] ROLES = {
            {"子どもの見守り・遊び相手", "ひろばで遊ぶ親子のそばで、子どもたちの遊び相手や見守りをお願いします。"},
            {"サロンの受付・お茶出し", "サロンの受付と飲み物の準備をお手伝いいただける方を探しています。"},
            {"子ども食堂の調理・配膳", "夕ごはんの調理と配膳、片付けをお願いします。"},
            {"絵本の読み聞かせ", "未就学の子どもたちに絵本を読んでくださる方を募集します。"},
            {"イベントの準備・片付け", "季節の催しで、会場づくりと片付けをお手伝いください。"},
            {"園庭開放の見守り", "地域の親子に園庭を開放する日の見守りです。"},
            {"学習支援", "小学生の宿題を一緒に見てくださる方を探しています。"},
            {"広報・SNS担当", "活動の写真や案内をSNSで発信するお手伝いです。"}};

        /** An offer still to be made: when it arrives and to which opening. */
        private record PlannedOffer(Instant at, Opening opening, Org org) {
        }

        void volunteers() {
            List<PlannedOffer> planned = new ArrayList<>();
            List<Opening> open = new ArrayList<>();
            Map<Long, Org> owners = new HashMap<>();
            for (Org org : orgs) {
                int count = 3 + random.nextInt(Math.max(1, scale.openingsPerOrganisation() - 2));
                for (int i = 0; i < count; i++) {
                    Opening opening = opening(org, i);
                    if (opening.getStatus() == PostStatus.PUBLISHED) {
                        open.add(opening);
                        owners.put(opening.getId(), org);
                    }
                }
            }
            Instant now = clock.instant();
            long window = Duration.ofDays(730).toSeconds();
            for (int i = 0; i < scale.offers(); i++) {
                Opening opening = pick(open);
                planned.add(new PlannedOffer(now.minusSeconds(3600 + random.nextLong(window)), opening,
                        owners.get(opening.getId())));
            }
            // In the order they arrived, so that a repeated offer is marked as the duplicate, not the first one.
            planned.sort(Comparator.comparing(PlannedOffer::at));
            Map<Long, List<String>> contactsByOrg = new HashMap<>();
            int person = 0;
            for (PlannedOffer offer : planned) {
                offer(offer, ++person, contactsByOrg.computeIfAbsent(offer.org().organisation().getId(),
                        id -> new ArrayList<>()));
            }
            // Some openings have found their people since.
            for (Opening opening : open) {
                if (chance(0.1)) {
                    Org org = owners.get(opening.getId());
                    Opening current = SystemAccess.runAs(org.member(), () -> openings.get(opening.getId()));
                    SystemAccess.runAs(org.member(), () -> openings.close(current.getId(), current.getVersion()));
                }
            }
        }

        private Opening opening(Org org, int index) {
            String[] role = ROLES[(index + random.nextInt(ROLES.length)) % ROLES.length];
            OpeningDraft draft = new OpeningDraft();
            draft.setRole(role[0]);
            draft.setDescription(role[1] + "経験は要りません。");
            String[] venue = pick(VENUES.get(org.district()));
            draft.setPlace(venue[0]);
            draft.setDistrict(districts.get(org.district()));
            draft.setPeopleNeeded(1 + random.nextInt(6));
            draft.setSuitableFor(chance(0.3) ? EnumSet.of(SupporterType.ANYONE)
                    : EnumSet.of(pick(new SupporterType[] {SupporterType.STUDENT, SupporterType.UNIVERSITY}),
                            pick(new SupporterType[] {SupporterType.PARENT, SupporterType.RETIRED})));
            draft.setMinimumAge(chance(0.5) ? null : pick(new Integer[] {12, 15, 16, 18}));
            draft.setTraining(chance(0.3) ? "初回に30分ほどご説明します" : null);
            draft.setContactPerson(shortName(org.organisation().getName()) + " " + pick(FAMILY_NAMES));
            draft.setSchedule(OpeningSchedule.ONGOING);
            AppUser member = org.member();
            Opening saved = SystemAccess.runAs(member, () -> openings.save(draft));
            double roll = random.nextDouble();
            if (index > 2 && roll < 0.4) {
                return saved;
            }
            Opening submitted = SystemAccess.runAs(member, () -> openings.submit(saved.getId(),
                    saved.getVersion()));
            if (submitted.getStatus() == PostStatus.SUBMITTED && !(index > 2 && roll < 0.6)) {
                return SystemAccess.runAs(coordinator, () -> openings.publish(submitted.getId(),
                        submitted.getVersion()));
            }
            return submitted;
        }

        private void offer(PlannedOffer planned, int number, List<String> contacts) {
            Opening opening = planned.opening();
            HelpOffer offer = new HelpOffer();
            boolean repeat = !contacts.isEmpty() && chance(0.04);
            String contact;
            int family = random.nextInt(FAMILY_NAMES.length);
            if (repeat) {
                contact = pick(contacts);
            } else {
                contact = ROMAJI[family] + "." + number + "@example.jp";
                contacts.add(contact);
            }
            VolunteerAgeBand band;
            do {
                band = ageBand();
            } while (!band.canBeAtLeast(opening.getMinimumAge()));
            offer.setName(FAMILY_NAMES[family] + " " + pick(GIVEN_NAMES));
            if (contact.startsWith("090") || chance(0.15) && !repeat) {
                offer.setPhone(String.format("090-%04d-%04d", number / 10000, number % 10000));
            }
            offer.setEmail(repeat && chance(0.5) ? contact.toUpperCase(java.util.Locale.ROOT) : contact);
            offer.setAgeBand(band);
            offer.setSupporterType(switch (band) {
                case AGE_12_14, AGE_15_17 -> SupporterType.STUDENT;
                case AGE_18_22 -> SupporterType.UNIVERSITY;
                case AGE_23_39, AGE_40_64 -> chance(0.7) ? SupporterType.PARENT : SupporterType.ANYONE;
                case AGE_65_PLUS -> SupporterType.RETIRED;
            });
            offer.setAvailability(pick(new String[] {"平日の午前", "土曜の午前", "月1回", "月2回まで", "夏休み・冬休み",
                "平日の午後", "日曜も大丈夫です"}));
            offer.setMessage(pick(new String[] {"子どもと関わる経験を積みたいです。", "お役に立てれば嬉しいです。",
                "自分も助けてもらったので恩返しがしたいです。", "調理の経験があります。", null}));
            if (band.isMinor()) {
                offer.setGuardianName(FAMILY_NAMES[family] + " " + pick(GIVEN_NAMES));
                offer.setGuardianConsent(true);
            }
            offer.setPrivacyConsent(true);
            Applicant applicant = SystemAccess.runAsSystem(() -> offers.recordPastOffer(opening.getId(), offer,
                    planned.at()));
            pipeline(planned, applicant);
        }

        /** Mostly adults; about one offer in ten from a pupil, who needs a guardian's consent. */
        private VolunteerAgeBand ageBand() {
            double roll = random.nextDouble();
            return roll < 0.03 ? VolunteerAgeBand.AGE_12_14 : roll < 0.09 ? VolunteerAgeBand.AGE_15_17
                    : roll < 0.29 ? VolunteerAgeBand.AGE_18_22 : roll < 0.57 ? VolunteerAgeBand.AGE_23_39
                    : roll < 0.82 ? VolunteerAgeBand.AGE_40_64 : VolunteerAgeBand.AGE_65_PLUS;
        }

        /** Older offers have been dealt with; the last weeks' are still being answered. */
        private void pipeline(PlannedOffer planned, Applicant applicant) {
            AppUser member = planned.org().member();
            boolean recent = planned.at().isAfter(clock.instant().minus(Duration.ofDays(30)));
            double roll = random.nextDouble();
            ApplicantStatus status;
            if (recent) {
                status = roll < 0.5 ? ApplicantStatus.NEW : roll < 0.8 ? ApplicantStatus.CONTACTED
                        : ApplicantStatus.ACTIVE;
            } else {
                status = roll < 0.02 ? ApplicantStatus.NEW : roll < 0.1 ? ApplicantStatus.CONTACTED
                        : roll < 0.45 ? ApplicantStatus.ACTIVE : roll < 0.7 ? ApplicantStatus.FINISHED
                        : roll < 0.88 ? ApplicantStatus.DECLINED : ApplicantStatus.NOT_A_FIT;
            }
            Applicant current = applicant;
            for (ApplicantStatus step : VolunteerDemoData.path(status)) {
                Applicant before = current;
                current = SystemAccess.runAs(member, () -> applicants.moveTo(before.getId(), before.getVersion(),
                        step));
            }
            if (chance(0.3)) {
                SystemAccess.runAs(member, () -> applicants.addNote(applicant.getId(), pick(new String[] {
                    "電話で説明済み。", "初回は見学から。", "日程が合わず今回はご辞退。", "とても頼りになります。"})));
            }
            if (ApplicantStatus.RECRUITED.contains(status)) {
                LocalDate from = LocalDate.ofInstant(planned.at(), clock.getZone());
                long days = Math.max(1, Duration.between(from.atStartOfDay(), today.atStartOfDay()).toDays());
                int times = 1 + random.nextInt(4);
                for (int i = 0; i < times; i++) {
                    LocalDate date = from.plusDays(random.nextLong(days));
                    BigDecimal hours = BigDecimal.valueOf(2 + random.nextInt(7)).divide(BigDecimal.TWO);
                    SystemAccess.runAs(member, () -> applicants.recordActivity(applicant.getId(), date, hours,
                            planned.opening().getRole()));
                }
            }
        }
    }

    /** An organisation made by this run, where its events take place, and its member's login. */
    private record Org(Organisation organisation, String district, AppUser member) {
    }

    private static AppUser user(Account account) {
        return new AppUser(account.getId(), account.getUsername(), account.getDisplayName(), account.getRole(),
                account.getOrganisation() == null ? null : account.getOrganisation().getId(), null, true);
    }
}
