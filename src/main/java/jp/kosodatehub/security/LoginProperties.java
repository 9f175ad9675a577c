package jp.kosodatehub.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How hard repeated failed logins are stopped ({@code kosodate.login.*}).
 *
 * @param maxFailures failed logins of one name from one address within {@code lockoutMinutes} that lock that pair
 * @param lockoutMinutes how long the first such lock lasts (each further one twice as long), and the window in
 *                       which failures are counted
 * @param ipFailuresPer10Minutes failed logins one network address may make in ten minutes before it is refused
 */
@ConfigurationProperties("kosodate.login")
public record LoginProperties(int maxFailures, int lockoutMinutes, int ipFailuresPer10Minutes) {

    public LoginProperties {
        maxFailures = maxFailures <= 0 ? 5 : maxFailures;
        lockoutMinutes = lockoutMinutes <= 0 ? 15 : lockoutMinutes;
        ipFailuresPer10Minutes = ipFailuresPer10Minutes <= 0 ? 20 : ipFailuresPer10Minutes;
    }

    public Duration lockout() {
        return Duration.ofMinutes(lockoutMinutes);
    }
}
