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
import java.util.Objects;

/** A target image (到達イメージ) of an initiative: what success looks like, reviewed yearly by the network. */
@Entity
@Table(name = "goal_target_image")
public class TargetImage {

    public static final int TEXT_MAX = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "initiative_id", nullable = false, updatable = false)
    private Long initiativeId;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(nullable = false, length = TEXT_MAX)
    private String text;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private TargetImageStatus status;

    @Version
    private long version;

    protected TargetImage() {
    }

    TargetImage(Long initiativeId, int sortOrder, String text, TargetImageStatus status) {
        this.initiativeId = initiativeId;
        this.sortOrder = sortOrder;
        update(text, status);
    }

    final void update(String newText, TargetImageStatus newStatus) {
        this.text = newText;
        this.status = newStatus;
    }

    public Long getId() {
        return id;
    }

    public Long getInitiativeId() {
        return initiativeId;
    }

    public int getSortOrder() {
        return sortOrder;
    }

    public String getText() {
        return text;
    }

    public TargetImageStatus getStatus() {
        return status;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof TargetImage other && id != null && Objects.equals(id, other.id));
    }

    @Override
    public int hashCode() {
        return TargetImage.class.hashCode();
    }
}
