package jp.kosodatehub.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Keeps each account's last login, so the office can see which accounts are still in use. */
@Component
class LoginListener {

    private final AccountService accounts;

    LoginListener(AccountService accounts) {
        this.accounts = accounts;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        accounts.recordLogin(event.getAuthentication().getName());
    }
}
