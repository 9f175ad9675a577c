package jp.kosodatehub.base.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PublicUrlTest {

    private final PublicUrl production = new PublicUrl("https://kosodate.example.jp/");

    @Test
    void productionAnswersItsOwnHostAndTheMachinesLoopbackNamesOnly() {
        assertThat(production.answers("kosodate.example.jp")).isTrue();
        assertThat(production.answers("KOSODATE.example.JP")).isTrue();
        // The AOT training run and health probes call the application on its own machine.
        assertThat(production.answers("localhost")).isTrue();
        assertThat(production.answers("127.0.0.1")).isTrue();
        assertThat(production.answers("evil.example")).isFalse();
        assertThat(production.answers("kosodate.example.jp.evil.example")).isFalse();
        assertThat(production.answers(null)).isFalse();
    }

    @Test
    void linksAreBuiltFromTheConfiguredAddressWithoutADoubleSlash() {
        assertThat(production.base()).isEqualTo("https://kosodate.example.jp");
        assertThat(production.of("/events/12")).isEqualTo("https://kosodate.example.jp/events/12");
        assertThat(production.of("feed.ics")).isEqualTo("https://kosodate.example.jp/feed.ics");
    }

    @Test
    void addressWithoutSchemeOrWithAQueryIsRefusedAtStart() {
        assertThatThrownBy(() -> new PublicUrl("kosodate.example.jp")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PublicUrl("ftp://kosodate.example.jp"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PublicUrl("https://kosodate.example.jp/?x=1"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
