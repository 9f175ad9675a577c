package jp.kosodatehub.volunteers;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Volunteer openings and their moderation. */
@Service
public class OpeningService {

    private final OpeningRepository openings;

    OpeningService(OpeningRepository openings) {
        this.openings = openings;
    }

    /** A published or closed opening, for its public page; anything else is "not found" to the public. */
    @Transactional(readOnly = true)
    public Optional<Opening> findPublic(Long id) {
        return id == null ? Optional.empty() : openings.findById(id).filter(Opening::isPublic);
    }
}
