package jp.kosodatehub.security;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import jp.kosodatehub.security.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/styles/**", "/images/**", "/favicon.ico", "/robots.txt").permitAll()
                // Calendar apps and feed readers subscribe without an account (jp.kosodatehub.feeds).
                .requestMatchers(HttpMethod.GET, "/feeds/**", "/api/**", "/events/*.ics").permitAll()
                .requestMatchers(HttpMethod.HEAD, "/feeds/**", "/api/**", "/events/*.ics").permitAll()
                .requestMatchers("/my/volunteers/export.csv").hasAnyRole(Roles.MEMBER, Roles.COORDINATOR)
                .requestMatchers("/volunteer/stories/*/photo").permitAll() // StoryPhotoController: GET/HEAD only
                // The office's CSV export; Vaadin's catch-all would refuse this controller URL. GoalCsv checks too.
                .requestMatchers(HttpMethod.GET, "/goals/export.csv").hasRole(Roles.COORDINATOR));
        http.headers(headers -> {
            // Vaadin forwards page requests to its own servlet, which commits the response before Spring
            // Security's header filter would add its headers on the way out; write them up front instead.
            headers.addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                @Override
                public <O extends HeaderWriterFilter> O postProcess(O filter) {
                    filter.setShouldWriteHeadersEagerly(true);
                    return filter;
                }
            });
            headers.frameOptions(frame -> frame.sameOrigin())
                    .referrerPolicy(referrer -> referrer
                            .policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));
        });
        http.with(vaadin(), vaadin -> vaadin.loginView(LoginView.class, "/"));
        return http.build();
    }

    /** Delegating encoder: bcrypt today, and old hashes keep working if the default changes. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
