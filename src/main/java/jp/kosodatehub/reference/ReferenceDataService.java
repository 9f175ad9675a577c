package jp.kosodatehub.reference;

import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.kosodatehub.base.validation.Problems;
import jp.kosodatehub.security.Roles;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Districts and event kinds. Anyone may read the active ones; only coordinators change them. */
@Service
public class ReferenceDataService {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final DistrictRepository districts;
    private final EventKindRepository kinds;
    private final ActiveItemsCache<District> activeDistricts = new ActiveItemsCache<>();
    private final ActiveItemsCache<EventKind> activeKinds = new ActiveItemsCache<>();

    ReferenceDataService(DistrictRepository districts, EventKindRepository kinds) {
        this.districts = districts;
        this.kinds = kinds;
    }

    /** The active districts in their order; shared, unmodifiable, and not to be changed by the caller. */
    public List<District> activeDistricts() {
        return activeDistricts.get(districts::findByActiveTrueOrderBySortOrderAscIdAsc);
    }

    /** The active kinds in their order; shared, unmodifiable, and not to be changed by the caller. */
    public List<EventKind> activeKinds() {
        return activeKinds.get(kinds::findByActiveTrueOrderBySortOrderAscIdAsc);
    }

    @Transactional(readOnly = true)
    public Optional<District> findDistrict(Long id) {
        return id == null ? Optional.empty() : districts.findById(id);
    }

    @Transactional(readOnly = true)
    public Optional<EventKind> findKind(Long id) {
        return id == null ? Optional.empty() : kinds.findById(id);
    }

    /** By code, active or not: computed goal indicators name districts and kinds by their stable codes. */
    @Transactional(readOnly = true)
    public Optional<District> findDistrictByCode(String code) {
        return code == null ? Optional.empty() : districts.findByCode(code);
    }

    @Transactional(readOnly = true)
    public Optional<EventKind> findKindByCode(String code) {
        return code == null ? Optional.empty() : kinds.findByCode(code);
    }

    @Transactional(readOnly = true)
    @RolesAllowed(Roles.COORDINATOR)
    public List<District> allDistricts() {
        return districts.findAllByOrderBySortOrderAscIdAsc();
    }

    @Transactional(readOnly = true)
    @RolesAllowed(Roles.COORDINATOR)
    public List<EventKind> allKinds() {
        return kinds.findAllByOrderBySortOrderAscIdAsc();
    }

    @Transactional
    @RolesAllowed(Roles.COORDINATOR)
    public District saveDistrict(District district) {
        validate(district);
        checkUniqueCode(district, districts.findByCode(district.getCode()));
        activeDistricts.invalidate();
        return districts.save(checkedForUpdate(district, districts.findById(orZero(district.getId()))));
    }

    @Transactional
    @RolesAllowed(Roles.COORDINATOR)
    public EventKind saveKind(EventKind kind) {
        validate(kind);
        checkUniqueCode(kind, kinds.findByCode(kind.getCode()));
        activeKinds.invalidate();
        return kinds.save(checkedForUpdate(kind, kinds.findById(orZero(kind.getId()))));
    }

    private static long orZero(Long id) {
        return id == null ? 0 : id;
    }

    private static <T extends ReferenceItem> T checkedForUpdate(T edited, Optional<T> stored) {
        if (edited.getId() != null) {
            T current = stored.orElseThrow(() -> new OptimisticLockingFailureException("Item no longer exists"));
            if (current.getVersion() != edited.getVersion()) {
                throw new OptimisticLockingFailureException("Item was changed by someone else");
            }
        }
        return edited;
    }

    private static void checkUniqueCode(ReferenceItem item, Optional<? extends ReferenceItem> sameCode) {
        if (sameCode.isPresent() && !sameCode.get().getId().equals(item.getId())) {
            new Problems().add("code", "validation.code-taken").throwIfAny();
        }
    }

    private static void validate(ReferenceItem item) {
        item.setCode(item.getCode() == null ? null : item.getCode().strip());
        item.setNameJa(item.getNameJa() == null ? null : item.getNameJa().strip());
        item.setNameEn(item.getNameEn() == null ? null : item.getNameEn().strip());
        Problems problems = new Problems()
                .text("code", item.getCode(), true, ReferenceItem.CODE_MAX, false)
                .text("nameJa", item.getNameJa(), true, ReferenceItem.NAME_MAX, false)
                .text("nameEn", item.getNameEn(), true, ReferenceItem.NAME_MAX, false);
        if (item.getCode() != null && !item.getCode().isBlank() && !CODE.matcher(item.getCode()).matches()) {
            problems.add("code", "validation.code-format");
        }
        problems.throwIfAny();
    }
}
