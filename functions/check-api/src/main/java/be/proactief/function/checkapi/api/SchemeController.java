package be.proactief.function.checkapi.api;

import be.proactief.core.scheme.SchemeCatalog;
import be.proactief.core.scheme.SchemeVersion;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.util.List;

/** {@code GET /v1/schemes}: the scheme catalogue with current versions, tiers and benefits. */
@Controller("/v1/schemes")
public class SchemeController {

    private final SchemeCatalog catalog;
    private final be.proactief.core.engine.EntitlementEngine engine;

    SchemeController(SchemeCatalog catalog, be.proactief.core.engine.EntitlementEngine engine) {
        this.catalog = catalog;
        this.engine = engine;
    }

    /** {@code version}: the version governing today's period; {@code versions}: every version with its validFrom, oldest first. */
    @Get
    public Responses.SchemeCatalogView list() {
        List<Responses.SchemeView> schemes = catalog.ids().stream().map(id -> {
            SchemeVersion latest = catalog.current(id).orElseThrow();
            SchemeVersion today = catalog.governing(id, latest.periodContaining(engine.today()));
            List<Integer> older = catalog.all().stream().filter(v -> v.id().equals(id) && v.version() != today.version())
                    .map(SchemeVersion::version).toList();
            return Responses.SchemeView.of(today, older, catalog.versions(id));
        }).toList();
        return new Responses.SchemeCatalogView(schemes);
    }
}
