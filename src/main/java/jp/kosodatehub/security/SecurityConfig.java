package jp.kosodatehub.security;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import com.vaadin.flow.spring.security.RequestUtil;
import jp.kosodatehub.security.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, LoginProtection loginProtection,
                                            RequestUtil vaadinRequests) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/styles/**", "/images/**", "/favicon.ico", "/robots.txt").permitAll()
                // Spring's error page: a refused request (400, 404) must reach the visitor as that answer, not as a
                // redirect to the login page.
                .requestMatchers("/error").permitAll()
                // Probes of the proxy or orchestrator: status only (no details, see application.properties).
                // Nothing else of the actuator is served, whoever asks.
                .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/actuator", "/actuator/**").denyAll()
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
            // X-Content-Type-Options: nosniff and HSTS are Spring Security's defaults; HSTS (one year, subdomains)
            // is written on secure requests only, which behind a TLS proxy needs the forwarded headers honoured.
            // The Content-Security-Policy, with a nonce per response, is base.web.ContentSecurityPolicyFilter's.
            headers.frameOptions(frame -> frame.sameOrigin())
                    .referrerPolicy(referrer -> referrer
                            .policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));
        });
        // Set before Vaadin's configurer applies its login page, which then keeps this handler. The login page is
        // named here too: a form login without one makes Spring Security serve its own generated page at /login
        // instead of the Vaadin view.
        http.formLogin(form -> form.loginPage("/login").failureHandler(new LoginFailureHandler()));
        http.addFilterBefore(new LoginThrottleFilter(loginProtection), UsernamePasswordAuthenticationFilter.class);
        // Vaadin's configurer exempts its login page from the CSRF check, so a cross-site post could log a browser
        // into the attacker's account (login CSRF). The token is required there too: Vaadin writes it into the
        // page (meta _csrf) and its login form posts it. Vaadin's own requests keep their own token (UIDL).
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        http.with(vaadin(), vaadin -> vaadin.loginView(LoginView.class, "/").enableCsrfConfiguration(false));
        return http.build();
    }

    /**
     * Spring Security's password check, with the account's status (disabled, or its organisation deactivated)
     * checked only after the password: a wrong password then gets the same answer, after the same bcrypt work, as
     * an unknown name (which Spring compares against a dummy hash), so neither tells that the account exists.
     */
    @Bean
    DaoAuthenticationProvider authenticationProvider(AccountUserDetailsService users, PasswordEncoder encoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        provider.setPreAuthenticationChecks(user -> { });
        provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        return provider;
    }

    /** Delegating encoder: bcrypt today, and old hashes keep working if the default changes. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
