package jp.kosodatehub.notifications;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jp.kosodatehub.base.AppProperties;
import jp.kosodatehub.base.i18n.TranslationProvider;
import jp.kosodatehub.security.AccountService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells submitters by mail when the office publishes or sends back what they submitted. Works only once the
 * moderation has committed, and on a thread of its own: a slow or broken mail server never delays or undoes the
 * office's action, and a failure is only logged — by account id, never by address. Without {@code spring.mail.host}
 * Spring Boot makes no mail sender and this does nothing.
 */
@Component
class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);
    /** Notices waiting for the mail thread; beyond that (a mail server down for long) new ones are dropped. */
    private static final int QUEUE_MAX = 1000;

    private final JavaMailSender sender;
    private final AccountService accounts;
    private final TranslationProvider translations;
    private final String networkName;
    private final String baseUrl;
    private final String from;
    private final ThreadPoolExecutor executor;

    Notifier(ObjectProvider<JavaMailSender> sender, AccountService accounts, TranslationProvider translations,
             AppProperties properties, @Value("${kosodate.public-url:http://localhost:8080}") String baseUrl,
             @Value("${kosodate.mail.from:}") String from, Environment environment) {
        this.sender = sender.getIfAvailable(() -> MailSenders.fromEnvironment(environment));
        this.accounts = accounts;
        this.translations = translations;
        this.networkName = properties.networkName();
        this.baseUrl = baseUrl.strip().replaceAll("/+$", "");
        this.from = from.isBlank() ? null : from.strip();
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE_MAX),
                runnable -> {
                    Thread thread = new Thread(runnable, "mail-notifier");
                    thread.setDaemon(true);
                    return thread;
                },
                (runnable, pool) -> log.warn("Mail notification dropped: {} notices are already waiting", QUEUE_MAX));
        if (this.sender == null) {
            log.info("Mail notifications are off: spring.mail.host is not set");
        } else if (this.from == null) {
            log.warn("Mail notifications are on without kosodate.mail.from: the mail server decides the sender");
        } else {
            log.info("Mail notifications are on");
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onModeration(ModerationNotice notice) {
        if (sender == null) {
            return;
        }
        // Off the committing thread, where the finished transaction is still bound: the lookups get their own.
        executor.execute(() -> deliver(notice));
    }

    private void deliver(ModerationNotice notice) {
        List<AccountService.Recipient> recipients;
        try {
            recipients = accounts.notificationRecipients(notice.submitterAccountId(), notice.organisationId());
        } catch (RuntimeException e) {
            log.warn("No mail about {} {}: recipients could not be read", notice.subject(), notice.id(), e);
            return;
        }
        if (recipients.isEmpty()) {
            log.debug("No mail about {} {}: nobody with an address", notice.subject(), notice.id());
            return;
        }
        String subject = subject(notice);
        String text = text(notice);
        // One mail each, so that members never see one another's addresses.
        for (AccountService.Recipient recipient : recipients) {
            SimpleMailMessage message = new SimpleMailMessage();
            if (from != null) {
                message.setFrom(from);
            }
            message.setTo(recipient.email());
            message.setSubject(subject);
            message.setText(text);
            try {
                sender.send(message);
                log.info("Mailed account {} about {} {} ({})", recipient.accountId(), notice.subject(), notice.id(),
                        notice.outcome());
            } catch (RuntimeException e) {
                // The exception's message may quote the address; its type is enough to look further.
                log.warn("Mail to account {} about {} {} failed: {}", recipient.accountId(), notice.subject(),
                        notice.id(), e.getClass().getName());
            }
        }
    }

    String subject(ModerationNotice notice) {
        return "[" + networkName + "] " + subjectIn(TranslationProvider.JAPANESE, notice) + " / "
                + subjectIn(TranslationProvider.ENGLISH, notice);
    }

    private String subjectIn(Locale locale, ModerationNotice notice) {
        return t(locale, "mail.subject." + notice.outcome().key(), kind(locale, notice), notice.title());
    }

    /** Japanese first, then the same in English: accounts store no language, and the network works in Japanese. */
    String text(ModerationNotice notice) {
        return body(TranslationProvider.JAPANESE, notice) + "\n" + "-".repeat(40) + "\n\n"
                + body(TranslationProvider.ENGLISH, notice);
    }

    private String body(Locale locale, ModerationNotice notice) {
        StringBuilder text = new StringBuilder();
        text.append(t(locale, "mail.body.intro." + notice.outcome().key(), kind(locale, notice), notice.title()))
                .append("\n\n");
        text.append(t(locale, "mail.body.state", t(locale, "mail.state." + notice.outcome().key()))).append('\n');
        if (notice.reason() != null) {
            text.append(t(locale, "mail.body.reason")).append('\n').append(notice.reason()).append('\n');
        }
        text.append('\n').append(t(locale, "mail.body.link")).append('\n').append(link(notice)).append("\n\n");
        text.append(t(locale, "mail.body.footer", networkName, baseUrl + "/my/account")).append('\n');
        return text.toString();
    }

    /**
     * Where to look: the public page once published; for a send-back, the member's own page to change it, since
     * the public page does not show it.
     */
    String link(ModerationNotice notice) {
        boolean published = notice.outcome() == ModerationNotice.Outcome.PUBLISHED;
        String path = switch (notice.subject()) {
            case EVENT -> published ? "/events/" + notice.id() : "/my/events/" + notice.id();
            case OPENING -> published ? "/volunteer/" + notice.id() : "/my/volunteers/openings/" + notice.id();
            case STORY -> published ? "/volunteer" : "/my/volunteers/stories";
        };
        return baseUrl + path;
    }

    private String kind(Locale locale, ModerationNotice notice) {
        return t(locale, "mail.kind." + notice.subject().key());
    }

    private String t(Locale locale, String key, Object... params) {
        return translations.getTranslation(key, locale, params);
    }

    /** Waits until every notice handed over so far has been dealt with; for tests, which need to know when. */
    boolean awaitIdle(Duration timeout) {
        Future<?> marker = executor.submit(() -> { });
        try {
            marker.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            log.warn("Mail notifications still waiting at shut-down were dropped");
            executor.shutdownNow();
        }
    }
}
