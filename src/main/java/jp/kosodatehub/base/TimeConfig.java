package jp.kosodatehub.base;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class TimeConfig {

    /** Event times are wall-clock times in Japan, whatever zone the server runs in. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    @Bean
    Clock clock() {
        return Clock.system(ZONE);
    }
}
