package jp.kosodatehub.volunteers;

import java.math.BigDecimal;
import java.util.List;

/**
 * The network's volunteers of one fiscal year, as anyone may see them: counts and hours only, nothing about a person.
 *
 * @param recruited volunteers first active in the year and still active or finished
 * @param hours activity hours given in the year, by anyone
 * @param organisations organisations with recruits or hours in the year, by name
 * @param supporterTypes every supporter type, zeros included, in the enum's order
 */
public record VolunteerTotals(int fiscalYear, long recruited, BigDecimal hours, List<OrganisationRow> organisations,
                              List<SupporterTypeRow> supporterTypes) {

    public record OrganisationRow(Long organisationId, String name, long recruited, BigDecimal hours) {
    }

    public record SupporterTypeRow(SupporterType supporterType, long recruited, BigDecimal hours) {
    }
}
