package jp.kosodatehub.base;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Deployment settings from {@code config/application.properties}.
 *
 * @param networkName name of the network shown in the header and in shared texts
 * @param hashtag the network's hashtag, shown with shared events
 * @param dataDir where the embedded database keeps its files
 * @param bootstrap the first coordinator, created only when the database has no accounts
 * @param volunteers how long applicants' personal data is kept and how many offers one address may send
 */
@ConfigurationProperties("kosodate")
public record AppProperties(String networkName, String hashtag, String dataDir, Bootstrap bootstrap,
                            Volunteers volunteers) {

    public AppProperties {
        // The real defaults live in application.properties; these only keep a half-configured start from failing.
        networkName = blankToDefault(networkName, "");
        hashtag = blankToDefault(hashtag, "");
        dataDir = blankToDefault(dataDir, "./data");
        bootstrap = bootstrap == null ? new Bootstrap(null, null, null) : bootstrap;
        volunteers = volunteers == null ? new Volunteers(0, 0, 0) : volunteers;
    }

    public record Bootstrap(String coordinatorUsername, String coordinatorPassword, String coordinatorName) {
    }

    /**
     * @param retentionMonths months after an applicant's last activity until their personal data is anonymised
     * @param offersPerHour offers of help one network address may send in an hour
     * @param offersPerDay offers of help one network address may send in a day
     */
    public record Volunteers(int retentionMonths, int offersPerHour, int offersPerDay) {

        public Volunteers {
            retentionMonths = retentionMonths <= 0 ? 12 : retentionMonths;
            offersPerHour = offersPerHour <= 0 ? 5 : offersPerHour;
            offersPerDay = offersPerDay <= 0 ? 20 : offersPerDay;
        }
    }

    private static String blankToDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
