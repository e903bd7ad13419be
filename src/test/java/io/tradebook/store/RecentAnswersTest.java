package io.tradebook.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecentAnswersTest {
    private final AtomicInteger lookups = new AtomicInteger();

    private Optional<String> lookup(String key) {
        lookups.incrementAndGet();
        return key.startsWith("no") ? Optional.empty() : Optional.of("owner of " + key + " #" + lookups.get());
    }

    @Test
    void aPositiveAnswerIsKeptUntilAnAccessChangeIsCommitted() {
        RecentAnswers<String, String> answers = new RecentAnswers<>(Duration.ofMinutes(1), 100);
        assertThat(answers.get("a", this::lookup)).contains("owner of a #1");
        assertThat(answers.get("a", this::lookup)).contains("owner of a #1");
        assertThat(lookups).hasValue(1);
        AccessChanges.changed();
        assertThat(answers.get("a", this::lookup)).as("read again after the change").contains("owner of a #2");
        assertThat(answers.get("a", this::lookup)).contains("owner of a #2");
        assertThat(lookups).hasValue(2);
    }

    @Test
    void refusalsAreNeverKept() {
        RecentAnswers<String, String> answers = new RecentAnswers<>(Duration.ofMinutes(1), 100);
        assertThat(answers.get("nobody", this::lookup)).isEmpty();
        assertThat(answers.get("nobody", this::lookup)).isEmpty();
        assertThat(lookups).hasValue(2);
    }

    @Test
    void anAnswerOlderThanItsLifetimeIsReadAgain() {
        RecentAnswers<String, String> answers = new RecentAnswers<>(Duration.ZERO, 100);
        answers.get("a", this::lookup);
        answers.get("a", this::lookup);
        assertThat(lookups).hasValue(2);
        assertThat(RecentAnswers.LIFETIME).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void itStaysBounded() {
        RecentAnswers<String, String> answers = new RecentAnswers<>(Duration.ofMinutes(1), 2);
        answers.get("a", this::lookup);
        answers.get("b", this::lookup);
        answers.get("c", this::lookup); // starts afresh
        answers.get("a", this::lookup);
        assertThat(lookups).hasValue(4);
    }
}
