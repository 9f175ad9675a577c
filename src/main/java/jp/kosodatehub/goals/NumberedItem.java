package jp.kosodatehub.goals;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.util.Objects;

/** A numbered, titled part of a plan (a pillar, an initiative) that two coordinators may edit at once. */
@MappedSuperclass
public abstract class NumberedItem {

    public static final int TITLE_MAX = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private int number;

    @Column(nullable = false, length = TITLE_MAX)
    private String title;

    @Version
    private long version;

    protected NumberedItem() {
    }

    final void update(int newNumber, String newTitle) {
        this.number = newNumber;
        this.title = newTitle;
    }

    public Long getId() {
        return id;
    }

    public int getNumber() {
        return number;
    }

    public String getTitle() {
        return title;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o != null && getClass() == o.getClass() && id != null
                && Objects.equals(id, ((NumberedItem) o).id));
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }
}
