package jp.kosodatehub.volunteers;

import java.util.Set;

/**
 * What the pipeline shows.
 *
 * @param organisationId for coordinators, one organisation or {@code null} for all; members always get their own
 * @param statuses the states to show; empty for all
 * @param needsReplyOnly only new offers still waiting for an answer after {@link ApplicantService#REPLY_DAYS} days
 */
public record PipelineFilter(Long organisationId, Set<ApplicantStatus> statuses, boolean needsReplyOnly) {

    public PipelineFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    public static PipelineFilter all() {
        return new PipelineFilter(null, Set.of(), false);
    }
}
