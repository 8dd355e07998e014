package io.ticketchat.web.client.browser;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Backs {@link RequiresChromium}. On CI it always enables the test, so a missing browser is a failure. */
public final class ChromiumCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (ChromiumInstallation.find().isPresent()) {
            return ConditionEvaluationResult.enabled("Chromium found");
        }
        if (ChromiumInstallation.runningOnCi()) {
            return ConditionEvaluationResult.enabled("CI is set: running anyway so the missing Chromium fails the build");
        }
        return ConditionEvaluationResult.disabled(ChromiumInstallation.HOW_TO_INSTALL);
    }
}
