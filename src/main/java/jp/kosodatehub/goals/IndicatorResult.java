package jp.kosodatehub.goals;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A dated actual value (実績) of an indicator, for one breakdown (窓口, 電話…) or, with breakdown null, the total.
 * Never updated: a correction is a new result naming the one it corrects, so the history shows what was reported
 * and when, and every figure ever shown can be traced.
 */
@Entity
@Table(name = "goal_indicator_result")
public class IndicatorResult {

    public static final int NOTE_MAX = 1000;
    public static final int SOURCE_MAX = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "indicator_id", nullable = false, updatable = false)
    private Long indicatorId;

    @Column(name = "result_date", nullable = false, updatable = false)
    private LocalDate date;

    @Column(updatable = false, length = Indicator.BREAKDOWN_MAX)
    private String breakdown;

    @Column(name = "result_value", nullable = false, updatable = false, precision = 19, scale = 4)
    private BigDecimal value;

    @Column(updatable = false, length = NOTE_MAX)
    private String note;

    @Column(updatable = false, length = SOURCE_MAX)
    private String source;

    @Column(name = "recorded_by", nullable = false, updatable = false, length = 80)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(name = "corrects_id", updatable = false)
    private Long correctsId;

    protected IndicatorResult() {
    }

    IndicatorResult(Long indicatorId, LocalDate date, String breakdown, BigDecimal value, String note, String source,
                    String recordedBy, Instant recordedAt, Long correctsId) {
        this.indicatorId = indicatorId;
        this.date = date;
        this.breakdown = breakdown;
        this.value = value;
        this.note = note;
        this.source = source;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
        this.correctsId = correctsId;
    }

    GoalProgress.Value asValue() {
        return new GoalProgress.Value(date, breakdown, value);
    }

    public Long getId() {
        return id;
    }

    public Long getIndicatorId() {
        return indicatorId;
    }

    public LocalDate getDate() {
        return date;
    }

    public int getFiscalYear() {
        return FiscalYear.of(date);
    }

    public String getBreakdown() {
        return breakdown;
    }

    public BigDecimal getValue() {
        return value;
    }

    public String getNote() {
        return note;
    }

    public String getSource() {
        return source;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    /** The result this one corrects, or null for a first report. */
    public Long getCorrectsId() {
        return correctsId;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof IndicatorResult other && id != null && Objects.equals(id, other.id));
    }

    @Override
    public int hashCode() {
        return IndicatorResult.class.hashCode();
    }
}
