package jp.kosodatehub.base;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Deployment settings from {@code config/application.properties}.
 *
 * @param networkName name of the network shown in the header and in shared texts
 * @param hashtag the network's hashtag, shown with shared events
 * @param dataDir where the embedded database keeps its files
 * @param bootstrap the first coordinator, created only when the database has no accounts
 */
@ConfigurationProperties("kosodate")
public record AppProperties(String networkName, String hashtag, String dataDir, Bootstrap bootstrap) {

    public AppProperties {
        // The real defaults live in application.properties; these only keep a half-configured start from failing.
        networkName = blankToDefault(networkName, "");
        hashtag = blankToDefault(hashtag, "");
        dataDir = blankToDefault(dataDir, "./data");
        bootstrap = bootstrap == null ? new Bootstrap(null, null, null) : bootstrap;
    }

    public record Bootstrap(String coordinatorUsername, String coordinatorPassword, String coordinatorName) {
    }

    private static String blankToDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
