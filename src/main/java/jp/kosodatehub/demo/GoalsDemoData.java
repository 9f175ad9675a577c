package jp.kosodatehub.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kosodatehub.base.validation.InvalidInputException;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.EventDraft;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.events.EventStatus;
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
import jp.kosodatehub.goals.Initiative;
import jp.kosodatehub.goals.Pillar;
import jp.kosodatehub.goals.Plan;
import jp.kosodatehub.goals.TargetImage;
import jp.kosodatehub.goals.TargetImageStatus;
import jp.kosodatehub.goals.UpdateFrequency;
import jp.kosodatehub.organisations.OrganisationService;
import jp.kosodatehub.security.AccountRole;
import jp.kosodatehub.security.AppUser;
import jp.kosodatehub.security.SystemAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * The network's plan as demo data (profile {@code demo} only), after the organisations and events exist: the four
 * pillars of 第5期 金沢区子育て支援の協働の指針 with their initiatives and target images, indicators in the style of
 * other cities' children's plans, and a few years of results reported by the organisations responsible. Figures
 * are for demonstration; the sentences are our own summaries of the plan.
 */
@Component
@Profile("demo")
@Order(20)
class GoalsDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(GoalsDemoData.class);

    private final GoalService goals;
    private final OrganisationService organisations;
    private final EventService events;
    private final UserDetailsService users;
    private final Clock clock;

    private static final int DEMO_EVENTS_MAX = 200;

    private final Map<String, Initiative> initiatives = new HashMap<>();

    GoalsDemoData(GoalService goals, OrganisationService organisations, EventService events,
                  UserDetailsService users, Clock clock) {
        this.goals = goals;
        this.organisations = organisations;
        this.events = events;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!goals.plans().isEmpty()) {
            return;
        }
        Plan plan = SystemAccess.runAsSystem(this::structure);
        int indicators = SystemAccess.runAsSystem(this::indicatorsAndResults);
        int tagged = SystemAccess.runAsSystem(this::tagEvents);
        log.info("Demo events tagged with initiatives: {}", tagged);
        log.info("Demo goals loaded: plan {} with {} indicators", plan.getName(), indicators);
    }

    private Plan structure() {
        Plan plan = goals.savePlan(new PlanForm(null, 0, "第5期 金沢区子育て支援の協働の指針", 2026, 2030));
        Pillar one = pillar(plan, 1, "親子がほしい情報が見つかる発信の仕組みづくり");
        initiative("1-1", one, 1, "「とことこ」への子育て支援情報の集約と発信",
                image("メンバーの情報が「とことこ」に集まる仕組みができ、皆がその流れを知っている。",
                        TargetImageStatus.IN_PROGRESS),
                image("イベントはウェブサイト・公式LINE・Instagram・掲示板などで「とことこ」から届いている。",
                        TargetImageStatus.IN_PROGRESS));
        initiative("1-2", one, 2, "メンバーのSNS活用・WEBでの情報発信",
                image("養育者がよく見るツールについて、メンバー向けの研修が開かれている。",
                        TargetImageStatus.NOT_STARTED),
                image("「#金沢っこ」で検索すると区内の子育て情報がたくさん見つかる。", TargetImageStatus.IN_PROGRESS),
                image("年齢別などに分けて発信され、ボランティア募集も対象を意識して届いている。",
                        TargetImageStatus.NOT_STARTED));
        Pillar two = pillar(plan, 2, "親子が出会える地域の居場所づくり");
        initiative("2-1", two, 1, "地域の活動と親子がつながる居場所の継続",
                image("各地区で親子が遊びに行ける居場所が続いている。", TargetImageStatus.IN_PROGRESS),
                image("サロン運営者が地域の支援機関に気軽に相談できる関係がある。", TargetImageStatus.IN_PROGRESS),
                image("居場所の担い手が確保されている。", TargetImageStatus.NOT_STARTED));
        initiative("2-2", two, 2, "平日日中以外に利用できる居場所やイベントの試行",
                image("休日に親子が使える居場所が開かれ、そのことが知られている。", TargetImageStatus.IN_PROGRESS),
                image("外出できない日も、家で楽しめる過ごし方の情報にいつでも触れられる。",
                        TargetImageStatus.NOT_STARTED));
        initiative("2-3", two, 3, "よりよい地域の子育ての場づくり",
                image("支援団体どうしの見学や意見交換が定期的に行われている。", TargetImageStatus.IN_PROGRESS),
                image("ひとり親家庭やプレパパ・プレママなど、対象を絞った居場所がある。",
                        TargetImageStatus.NOT_STARTED));
        Pillar three = pillar(plan, 3, "子育てを温かく見守る地域づくり");
        initiative("3-1", three, 1, "多世代交流の場の継続",
                image("中高生や高齢者も気軽に加わる多世代交流の場がある。", TargetImageStatus.IN_PROGRESS),
                image("運動会や防災訓練など地域の催しに、親子が楽しめる工夫が入っている。",
                        TargetImageStatus.NOT_STARTED));
        initiative("3-2", three, 2, "地域住民が子育てに寄り添う機会づくり",
                image("子育て世代の今が地域に伝わり、親子が地域に出やすくなっている。", TargetImageStatus.NOT_STARTED),
                image("子育ての場やイベントに多くの地域住民が参加している。", TargetImageStatus.IN_PROGRESS));
        Pillar four = pillar(plan, 4, "子育てを支える持続可能なネットワークづくり");
        initiative("4-1", four, 1, "健やか子育て連絡会を通じたネットワーク化",
                image("メンバーが顔の見える関係で活動や工夫、課題を共有している。", TargetImageStatus.ACHIEVED),
                image("親子の声が連絡会に届き、取組に生かされている。", TargetImageStatus.IN_PROGRESS));
        initiative("4-2", four, 2, "やりがいの共有と担い手の育成",
                image("支援のやりがいや楽しさが広く発信され、担い手探しにつながっている。",
                        TargetImageStatus.IN_PROGRESS),
                image("学生や定年後の世代など、協力できる世代にも活動が知られている。", TargetImageStatus.NOT_STARTED));
        return plan;
    }

    private record Image(String text, TargetImageStatus status) {
    }

    private static Image image(String text, TargetImageStatus status) {
        return new Image(text, status);
    }

    private Pillar pillar(Plan plan, int number, String title) {
        return goals.savePillar(new PillarForm(null, 0, plan.getId(), number, title));
    }

    private void initiative(String key, Pillar pillar, int number, String title, Image... images) {
        Initiative initiative = goals.saveInitiative(new InitiativeForm(null, 0, pillar.getId(), number, title));
        initiatives.put(key, initiative);
        for (Image image : images) {
            TargetImage saved = goals.saveTargetImage(new TargetImageForm(null, 0, initiative.getId(), image.text(),
                    image.status()));
            if (image.status() == TargetImageStatus.ACHIEVED) {
                goals.addNote(saved.getId(), LocalDate.of(2026, 3, 19), "令和7年度の振り返りで達成と確認した。");
            }
        }
    }

    private int indicatorsAndResults() {
        Map<String, Long> orgs = new HashMap<>();
        organisations.findAll().forEach(o -> orgs.put(o.getName(), o.getId()));
        Long ward = orgs.get("金沢区こども家庭支援課");
        Long hub = orgs.get("地域子育て支援拠点「とことこ」");
        Long cafeteria = orgs.get("子ども食堂「みんなのテーブル」");

        Indicator cafeterias = indicator("2-1", "子ども食堂の数", "か所", IndicatorKind.COUNT, Direction.INCREASE,
                "8", LocalDate.of(2022, 3, 31), "10", 2030, cafeteria, null, UpdateFrequency.YEARLY, List.of());
        yearly("cafeteria", cafeterias, "年次調査", 2023, "8", 2024, "9", 2025, "9");

        Indicator visitors = indicator("1-1", "地域子育て支援拠点利用者数（延べ）", "人", IndicatorKind.COUNT,
                Direction.INCREASE, "25723", LocalDate.of(2021, 3, 31), "80231", 2030, hub, null,
                UpdateFrequency.YEARLY, List.of(), null, Aggregation.FISCAL_YEAR_TOTAL);
        yearly("hub", visitors, "利用者集計", 2023, "52110", 2024, "61480", 2025, "66930");

        Indicator familySupport = indicator("4-2", "ファミリー・サポート・センター会員数", "人", IndicatorKind.COUNT,
                Direction.INCREASE, "810", LocalDate.of(2021, 3, 31), "820", 2030, null,
                "ファミリー・サポート・センター", UpdateFrequency.YEARLY, List.of());
        yearly("coordinator", familySupport, "センター報告", 2024, "812", 2025, "815");

        Indicator survey = indicator("3-2", "ヤングケアラー実態調査", null, IndicatorKind.DONE, Direction.ACHIEVE,
                "0", LocalDate.of(2024, 3, 31), "1", 2027, ward, null, UpdateFrequency.YEARLY, List.of());
        yearly("wardoffice", survey, "こども家庭支援課", 2024, "0", 2025, "0");

        Indicator alone = indicator("3-2", "悩みの相談相手がいない保護者の割合", "%", IndicatorKind.PERCENT,
                Direction.DECREASE, "8.8", LocalDate.of(2025, 3, 31), "5.0", 2030, ward, null, UpdateFrequency.YEARLY,
                List.of());
        yearly("wardoffice", alone, "子育て実態調査", 2025, "7.9");

        Indicator consultations = indicator("1-1", "「とことこ」の子育て相談件数", "件", IndicatorKind.COUNT,
                Direction.INCREASE, "120", LocalDate.of(2025, 3, 31), "200", 2030, hub, null,
                UpdateFrequency.MONTHLY, List.of("窓口", "電話"), null, Aggregation.FISCAL_YEAR_TOTAL);
        monthly(consultations);

        Indicator weekends = indicator("2-2", "週末・祝日のイベント開催数", "回", IndicatorKind.COUNT,
                Direction.INCREASE, "12", LocalDate.of(2026, 3, 31), "40", 2030, hub, null, UpdateFrequency.YEARLY,
                List.of(), ComputedDefinition.eventDates(null, null, true, null));

        // Counted from the pipeline of every organisation (jp.kosodatehub.volunteers): nobody types these in.
        Indicator recruited = indicator("4-2", "新たに活動を始めたボランティアの人数", "人", IndicatorKind.COUNT,
                Direction.INCREASE, "0", LocalDate.of(2026, 3, 31), "40", 2030, hub, null, UpdateFrequency.YEARLY,
                List.of(), ComputedDefinition.volunteers(ComputedDefinition.Source.VOLUNTEERS_RECRUITED));
        Indicator hours = indicator("4-2", "ボランティアの活動時間", "時間", IndicatorKind.NUMBER,
                Direction.INCREASE, "0", LocalDate.of(2026, 3, 31), "600", 2030, hub, null, UpdateFrequency.YEARLY,
                List.of(), ComputedDefinition.volunteers(ComputedDefinition.Source.VOLUNTEER_HOURS));
        return List.of(cafeterias, visitors, familySupport, survey, alone, consultations, weekends, recruited, hours)
                .size();
    }

    /** A stock or a rate, read at its latest value. */
    private Indicator indicator(String initiative, String name, String unit, IndicatorKind kind, Direction direction,
                                String baseline, LocalDate baselineDate, String target, int targetYear,
                                Long organisation, String department, UpdateFrequency frequency,
                                List<String> breakdowns) {
        return indicator(initiative, name, unit, kind, direction, baseline, baselineDate, target, targetYear,
                organisation, department, frequency, breakdowns, null, Aggregation.LATEST);
    }

    /** A count of the hub's own records, one figure per fiscal year. */
    private Indicator indicator(String initiative, String name, String unit, IndicatorKind kind, Direction direction,
                                String baseline, LocalDate baselineDate, String target, int targetYear,
                                Long organisation, String department, UpdateFrequency frequency,
                                List<String> breakdowns, ComputedDefinition computed) {
        return indicator(initiative, name, unit, kind, direction, baseline, baselineDate, target, targetYear,
                organisation, department, frequency, breakdowns, computed, Aggregation.FISCAL_YEAR_TOTAL);
    }

    private Indicator indicator(String initiative, String name, String unit, IndicatorKind kind, Direction direction,
                                String baseline, LocalDate baselineDate, String target, int targetYear,
                                Long organisation, String department, UpdateFrequency frequency,
                                List<String> breakdowns, ComputedDefinition computed, Aggregation aggregation) {
        // Without the demo organisations (an older database), the office stands in as responsible.
        String responsible = organisation == null && department == null ? "事務局" : department;
        return goals.saveIndicator(new IndicatorForm(null, 0, initiatives.get(initiative).getId(), name, unit, kind,
                direction, new BigDecimal(baseline), baselineDate, new BigDecimal(target), targetYear, organisation,
                responsible, frequency, breakdowns, computed, aggregation));
    }

    /** Year-end results (31 March) as pairs of fiscal year and value, reported by the given demo login. */
    private void yearly(String username, Indicator indicator, String source, Object... yearsAndValues) {
        for (int i = 0; i < yearsAndValues.length; i += 2) {
            LocalDate date = FiscalYear.lastDay((Integer) yearsAndValues[i]);
            String value = (String) yearsAndValues[i + 1];
            as(username, new ResultForm(indicator.getId(), date, null, new BigDecimal(value), null, source, null));
        }
    }

    /**
     * Month-ends split by 窓口 and 電話 from April of this fiscal year (at least the last six) to last month, at
     * about the pace of the yearly target, with one figure corrected afterwards.
     */
    private void monthly(Indicator indicator) {
        LocalDate monthEnd = LocalDate.now(clock).withDayOfMonth(1).minusDays(1);
        LocalDate first = FiscalYear.firstDay(FiscalYear.of(monthEnd)).plusMonths(1).minusDays(1);
        int back = Math.max(5, (int) ChronoUnit.MONTHS.between(YearMonth.from(first), YearMonth.from(monthEnd)));
        for (int i = 0; i <= back; i++) {
            YearMonth month = YearMonth.from(monthEnd).minusMonths(back - i);
            LocalDate date = month.atEndOfMonth();
            as("hub", new ResultForm(indicator.getId(), date, "窓口", BigDecimal.valueOf(9 + i % 4), null,
                    "相談記録", null));
            as("hub", new ResultForm(indicator.getId(), date, "電話", BigDecimal.valueOf(4 + i % 3), null,
                    "相談記録", null));
        }
        Long firstId = goals.history(indicator.getId()).getFirst().getId();
        SystemAccess.runAs(user("hub"), () -> goals.correctResult(firstId, BigDecimal.valueOf(11),
                "集計漏れ2件を追加", "相談記録"));
    }

    /**
     * Tags the published demo events with the initiatives they serve, as the office would when it reviews them.
     * Runs here because the plan exists only now; the demo events were loaded before it.
     */
    private int tagEvents() {
        int tagged = 0;
        for (Event event : events.myEvents(Set.of(EventStatus.PUBLISHED), 0, DEMO_EVENTS_MAX)) {
            Set<Long> ids = new HashSet<>();
            String title = event.getTitle();
            if (title.contains("サロン") || title.contains("ひろば")) {
                ids.add(initiatives.get("2-1").getId());
            }
            if (title.contains("土曜") || title.contains("日曜") || title.contains("夜")) {
                ids.add(initiatives.get("2-2").getId());
            }
            if (title.contains("多世代") || title.contains("えんがわ")) {
                ids.add(initiatives.get("3-1").getId());
            }
            if (title.contains("パパ")) {
                ids.add(initiatives.get("2-3").getId());
            }
            if (ids.isEmpty()) {
                continue;
            }
            EventDraft draft = events.loadForEdit(event.getId());
            draft.setInitiativeIds(ids);
            try {
                events.save(draft);
                tagged++;
            } catch (InvalidInputException e) {
                // A demo event whose dates have drifted out of what the form accepts keeps its tags empty.
                log.debug("Demo event {} left untagged: {}", event.getId(), e.getMessage());
            }
        }
        return tagged;
    }

    private void as(String username, ResultForm form) {
        SystemAccess.runAs(user(username), () -> goals.recordResult(form));
    }

    /** The demo login, or the office's system access where the demo logins were never created. */
    private AppUser user(String username) {
        try {
            return (AppUser) users.loadUserByUsername(username);
        } catch (UsernameNotFoundException e) {
            return new AppUser(null, "system", "system", AccountRole.COORDINATOR, null, null, true);
        }
    }
}
