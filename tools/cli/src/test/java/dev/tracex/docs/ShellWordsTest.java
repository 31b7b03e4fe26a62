package dev.tracex.docs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShellWordsTest {
    @Test
    void split_quotesEscapesAndComments_asAShellDoes() {
        assertThat(ShellWords.split("tracex invoke -cp 'a:b/*' --handler \"x y\" a\\ b  # a comment"))
                .containsExactly("tracex", "invoke", "-cp", "a:b/*", "--handler", "x y", "a b");
        assertThat(ShellWords.split("tracex a#b")).containsExactly("tracex", "a#b");
    }

    @Test
    void split_pipesRedirectionsAndVariables_areRefused() {
        assertThatThrownBy(() -> ShellWords.split("tracex schema | jq .")).hasMessage("shell syntax (|) beyond a simple command");
        assertThatThrownBy(() -> ShellWords.split("tracex extract $EVENT")).hasMessage("shell syntax ($) beyond a simple command");
        assertThatThrownBy(() -> ShellWords.split("tracex extract 'x")).hasMessage("unclosed '");
    }
}
