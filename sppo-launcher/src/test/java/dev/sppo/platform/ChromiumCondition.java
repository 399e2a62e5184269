package dev.sppo.platform;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a browser test class only where Debian's Chromium and its driver are installed, and reports it as
 * skipped, saying what to install, where they are not, so that {@code ./mvnw verify} passes on a fresh
 * machine. Where the build says the browser is required ({@value #REQUIRED_VARIABLE}=true in the environment,
 * as {@code .ci/run} sets after installing it), the class runs anyway and fails naming what is missing.
 */
final class ChromiumCondition implements ExecutionCondition {

    static final String REQUIRED_VARIABLE = "SPPO_REQUIRE_BROWSER";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Boolean.parseBoolean(System.getenv(REQUIRED_VARIABLE))) {
            return ConditionEvaluationResult.enabled(REQUIRED_VARIABLE + " is set: the browser is required");
        }
        return HeadlessChromium.missing().map(ConditionEvaluationResult::disabled)
                .orElse(ConditionEvaluationResult.enabled("Chromium and chromedriver are installed"));
    }
}
