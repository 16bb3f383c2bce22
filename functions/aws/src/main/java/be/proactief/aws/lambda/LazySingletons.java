package be.proactief.aws.lambda;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;

/**
 * The context Lambda's handlers build ({@code LambdaApplicationContextBuilder}: the "function" and
 * "lambda" environments, configuration created at start-up), but with singletons created on first
 * use instead of all at start-up. For functions that share one jar and one factory while each gets
 * only its own settings: with every singleton created at start-up, each would fail on the settings
 * of the others. ({@code eagerInitSingletons(false)} cannot undo it: it only ever adds.)
 */
public final class LazySingletons {

    private LazySingletons() {
    }

    public static ApplicationContextBuilder lambdaContextBuilder() {
        return ApplicationContext.builder().environments("function", "lambda").eagerInitConfiguration(true);
    }
}
