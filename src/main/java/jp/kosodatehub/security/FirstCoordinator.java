package jp.kosodatehub.security;

import jp.kosodatehub.base.AppProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start with an empty database, creates the first coordinator from
 * {@code kosodate.bootstrap.coordinator-username} and {@code kosodate.bootstrap.coordinator-password}.
 * There is deliberately no built-in default password.
 */
@Component
@Order(0)
class FirstCoordinator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstCoordinator.class);

    private final AccountService accounts;
    private final AppProperties properties;

    FirstCoordinator(AccountService accounts, AppProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        AppProperties.Bootstrap bootstrap = properties.bootstrap();
        if (bootstrap.coordinatorUsername() == null || bootstrap.coordinatorPassword() == null) {
            return;
        }
        String name = bootstrap.coordinatorName() == null ? bootstrap.coordinatorUsername()
                : bootstrap.coordinatorName();
        try {
            if (accounts.createFirstCoordinator(bootstrap.coordinatorUsername(), name,
                    bootstrap.coordinatorPassword())) {
                log.info("Created the first coordinator account '{}'", bootstrap.coordinatorUsername());
            }
        } catch (jp.kosodatehub.base.validation.InvalidInputException e) {
            log.error("The first coordinator was not created: {}. Fix kosodate.bootstrap.* and restart.",
                    e.problems());
        }
    }
}
