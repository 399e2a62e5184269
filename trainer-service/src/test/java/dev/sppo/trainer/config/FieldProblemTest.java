package dev.sppo.trainer.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sppo.config.InvalidConfigException;

import org.junit.jupiter.api.Test;

class FieldProblemTest {

    @Test
    void pathOfTheSettingIsKept() {
        FieldProblem p = FieldProblem.of(
                new InvalidConfigException("training.betta: unknown setting (known here: beta)"));

        assertThat(p).isEqualTo(new FieldProblem("training.betta", "unknown setting (known here: beta)"));
    }

    @Test
    void sectionPathIsCompletedByTheSettingTheMessageStartsWith() {
        FieldProblem p = FieldProblem.of(new InvalidConfigException(
                "training.: beta must be a finite number > 0, got -1.0"));

        assertThat(p).isEqualTo(new FieldProblem("training.beta", "beta must be a finite number > 0, got -1.0"));
    }

    @Test
    void alreadyQualifiedLeadingWordIsNotPrefixedTwice() {
        FieldProblem p = FieldProblem.of(
                new InvalidConfigException("evaluation.: evaluation.prompts must be >= 1, got 0"));

        assertThat(p.field()).isEqualTo("evaluation.prompts");
    }

    @Test
    void messageWithoutAPathConcernsTheWholeConfig() {
        FieldProblem p = FieldProblem.of(new InvalidConfigException("expected a map of settings at the top level"));

        assertThat(p).isEqualTo(new FieldProblem("", "expected a map of settings at the top level"));
    }
}
