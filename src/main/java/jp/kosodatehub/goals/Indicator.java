package jp.kosodatehub.goals;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import jp.kosodatehub.events.TargetGroup;

/**
 * An indicator (指標) of an initiative: from a baseline (現状) to a target (目標) by a fiscal year, with a
 * responsible organisation or department (担当). Results are entered by hand, or counted from the hub's own
 * records when {@link #getComputed()} is set.
 */
@Entity
@Table(name = "goal_indicator")
public class Indicator {

    public static final int NAME_MAX = 200;
    public static final int UNIT_MAX = 20;
    public static final int DEPARTMENT_MAX = 120;
    public static final int BREAKDOWN_MAX = 40;
    public static final int BREAKDOWNS_MAX = 8;
    /** Breakdown labels are stored in one column, joined by this character, which labels may not contain. */
    static final String BREAKDOWN_SEPARATOR = "/";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "initiative_id", nullable = false)
    private Long initiativeId;

    @Column(nullable = false, length = NAME_MAX)
    private String name;

    @Column(length = UNIT_MAX)
    private String unit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private IndicatorKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Direction direction;

    @Column(name = "baseline_value", nullable = false, precision = 19, scale = 4)
    private BigDecimal baselineValue;

    @Column(name = "baseline_date", nullable = false)
    private LocalDate baselineDate;

    @Column(name = "target_value", nullable = false, precision = 19, scale = 4)
    private BigDecimal targetValue;

    @Column(name = "target_fiscal_year", nullable = false)
    private int targetFiscalYear;

    @Column(name = "responsible_organisation_id")
    private Long responsibleOrganisationId;

    @Column(name = "responsible_department", length = DEPARTMENT_MAX)
    private String responsibleDepartment;

    @Enumerated(EnumType.STRING)
    @Column(name = "update_frequency", nullable = false, length = 20)
    private UpdateFrequency frequency;

    @Column(length = 200)
    private String breakdowns;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Aggregation aggregation;

    @Enumerated(EnumType.STRING)
    @Column(name = "computed_source", length = 30)
    private ComputedDefinition.Source computedSource;

    @Column(name = "computed_kind_code", length = 40)
    private String computedKindCode;

    @Column(name = "computed_district_code", length = 40)
    private String computedDistrictCode;

    @Column(name = "computed_weekend", nullable = false)
    private boolean computedWeekend;

    @Enumerated(EnumType.STRING)
    @Column(name = "computed_target_group", length = 30)
    private TargetGroup computedTargetGroup;

    @Version
    private long version;

    protected Indicator() {
    }

    Indicator(IndicatorForm form) {
        apply(form);
    }

    /** Takes over the form's content; the service has checked it. */
    final void apply(IndicatorForm form) {
        initiativeId = form.initiativeId();
        name = form.name();
        unit = form.unit();
        kind = form.kind();
        direction = form.direction();
        baselineValue = form.baselineValue();
        baselineDate = form.baselineDate();
        targetValue = form.targetValue();
        targetFiscalYear = form.targetFiscalYear();
        responsibleOrganisationId = form.responsibleOrganisationId();
        responsibleDepartment = form.responsibleDepartment();
        frequency = form.frequency();
        breakdowns = form.breakdowns().isEmpty() ? null : String.join(BREAKDOWN_SEPARATOR, form.breakdowns());
        aggregation = form.aggregation();
        ComputedDefinition computed = form.computed();
        computedSource = computed == null ? null : computed.source();
        computedKindCode = computed == null ? null : computed.kindCode();
        computedDistrictCode = computed == null ? null : computed.districtCode();
        computedWeekend = computed != null && computed.weekendOrHoliday();
        computedTargetGroup = computed == null ? null : computed.targetGroup();
    }

    public boolean isComputed() {
        return computedSource != null;
    }

    public ComputedDefinition getComputed() {
        return computedSource == null ? null : new ComputedDefinition(computedSource, computedKindCode,
                computedDistrictCode, computedWeekend, computedTargetGroup);
    }

    public List<String> getBreakdowns() {
        return breakdowns == null ? List.of() : Arrays.asList(breakdowns.split(BREAKDOWN_SEPARATOR));
    }

    public Long getId() {
        return id;
    }

    public Long getInitiativeId() {
        return initiativeId;
    }

    public String getName() {
        return name;
    }

    public String getUnit() {
        return unit;
    }

    public IndicatorKind getKind() {
        return kind;
    }

    public Direction getDirection() {
        return direction;
    }

    public BigDecimal getBaselineValue() {
        return baselineValue;
    }

    public LocalDate getBaselineDate() {
        return baselineDate;
    }

    public BigDecimal getTargetValue() {
        return targetValue;
    }

    public int getTargetFiscalYear() {
        return targetFiscalYear;
    }

    public Long getResponsibleOrganisationId() {
        return responsibleOrganisationId;
    }

    public String getResponsibleDepartment() {
        return responsibleDepartment;
    }

    public UpdateFrequency getFrequency() {
        return frequency;
    }

    public Aggregation getAggregation() {
        return aggregation;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Indicator other && id != null && Objects.equals(id, other.id));
    }

    @Override
    public int hashCode() {
        return Indicator.class.hashCode();
    }
}
