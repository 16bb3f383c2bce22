package be.proactief.function.checkapi;

import be.proactief.aws.lambda.ClassPreloader;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

/**
 * The check-api Lambda: API Gateway HTTP API (payload 2.0) events in, the Micronaut
 * controllers of this module answer. Handler string for SAM:
 * {@code be.proactief.function.checkapi.CheckApiHandler::handleRequest}.
 */
public class CheckApiHandler extends APIGatewayV2HTTPEventFunction {

    static {
        ClassPreloader.start(CheckApiHandler.class, "META-INF/proactief/preload-classes.txt");
    }

    public CheckApiHandler() {
        super();
        buildControllers();
        offerToPriming();
    }

    public CheckApiHandler(ApplicationContext applicationContext) {
        super(applicationContext);
        buildControllers();
        offerToPriming();
    }

    /**
     * Builds the controllers and what they use (the engine, the platform client, the stores) at initialisation, so a bad
     * setting fails the function's start with the message naming it, not every request later.
     */
    private void buildControllers() {
        applicationContext.getBeansOfType(Object.class, io.micronaut.inject.qualifiers.Qualifiers.byStereotype(io.micronaut.http.annotation.Controller.class));
        applicationContext.getBean(be.proactief.function.checkapi.security.ScopeFilter.class);
    }

    /** SnapStart priming sends its synthetic requests through this function (no Lambda context). */
    private void offerToPriming() {
        applicationContext.findBean(SnapStartPriming.class).ifPresent(priming -> priming.sendRequestsThrough(event -> handleRequest(event, null)));
    }
}
