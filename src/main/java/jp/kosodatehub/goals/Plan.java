package jp.kosodatehub.goals;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.Objects;

/** A plan of the network (第5期 協働の指針), covering whole fiscal years, e.g. 令和8年度〜令和12年度. */
@Entity
@Table(name = "goal_plan")
public class Plan {

    public static final int NAME_MAX = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = NAME_MAX)
    private String name;

    @Column(name = "first_fiscal_year", nullable = false)
    private int firstFiscalYear;

    @Column(name = "last_fiscal_year", nullable = false)
    private int lastFiscalYear;

    @Version
    private long version;

    protected Plan() {
    }

    Plan(String name, int firstFiscalYear, int lastFiscalYear) {
        update(name, firstFiscalYear, lastFiscalYear);
    }

    final void update(String newName, int first, int last) {
        this.name = newName;
        this.firstFiscalYear = first;
        this.lastFiscalYear = last;
    }

    public boolean covers(int fiscalYear) {
        return fiscalYear >= firstFiscalYear && fiscalYear <= lastFiscalYear;
    }

    public LocalDate firstDay() {
        return FiscalYear.firstDay(firstFiscalYear);
    }

    /** 令和8年度〜令和12年度. */
    public String periodLabel() {
        return FiscalYear.eraLabel(firstFiscalYear) + "〜" + FiscalYear.eraLabel(lastFiscalYear);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public int getFirstFiscalYear() {
        return firstFiscalYear;
    }

    public int getLastFiscalYear() {
        return lastFiscalYear;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Plan other && id != null && Objects.equals(id, other.id));
    }

    @Override
    public int hashCode() {
        return Plan.class.hashCode();
    }
}
