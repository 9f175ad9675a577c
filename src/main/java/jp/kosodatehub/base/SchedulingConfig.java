package jp.kosodatehub.base;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on {@code @Scheduled} jobs, such as the nightly anonymisation of applicants past their retention. */
@Configuration
@EnableScheduling
class SchedulingConfig {
}
