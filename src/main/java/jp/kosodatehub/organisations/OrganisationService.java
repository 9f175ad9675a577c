package jp.kosodatehub.organisations;

import jakarta.annotation.security.RolesAllowed;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import jp.kosodatehub.base.validation.Problems;
import jp.kosodatehub.base.validation.TextRules;
import jp.kosodatehub.security.Roles;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class OrganisationService {

    private final OrganisationRepository organisations;
    private final Clock clock;

    OrganisationService(OrganisationRepository organisations, Clock clock) {
        this.organisations = organisations;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @RolesAllowed(Roles.COORDINATOR)
    public List<Organisation> findAll() {
        return organisations.findAllByOrderByNameAsc();
    }

    @Transactional(readOnly = true)
    public Optional<Organisation> find(Long id) {
        return id == null ? Optional.empty() : organisations.findById(id);
    }

    @Transactional
    @RolesAllowed(Roles.COORDINATOR)
    public Organisation save(Organisation organisation) {
        organisation.setName(TextRules.normalise(organisation.getName()));
        organisation.setDescription(TextRules.normalise(organisation.getDescription()));
        organisation.setWebsite(TextRules.normalise(organisation.getWebsite()));
        Problems problems = new Problems()
                .text("name", organisation.getName(), true, Organisation.NAME_MAX, false)
                .text("description", organisation.getDescription(), false, Organisation.DESCRIPTION_MAX, true)
                .text("website", organisation.getWebsite(), false, Organisation.WEBSITE_MAX, false)
                .require(organisation.getKind() != null, "kind", "validation.required");
        if (organisation.getWebsite() != null && !isHttpUrl(organisation.getWebsite())) {
            problems.add("website", "validation.url");
        }
        organisations.findByNameIgnoreCase(organisation.getName() == null ? "" : organisation.getName())
                .filter(other -> !other.getId().equals(organisation.getId()))
                .ifPresent(other -> problems.add("name", "validation.name-taken"));
        problems.throwIfAny();
        if (organisation.getId() == null) {
            organisation.setCreatedAt(clock.instant());
        } else {
            Organisation current = organisations.findById(organisation.getId())
                    .orElseThrow(() -> new OptimisticLockingFailureException("Organisation no longer exists"));
            if (current.getVersion() != organisation.getVersion()) {
                throw new OptimisticLockingFailureException("Organisation was changed by someone else");
            }
            organisation.setCreatedAt(current.getCreatedAt());
        }
        return organisations.save(organisation);
    }

    static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
