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

    SchemeController(SchemeCatalog catalog) {
        this.catalog = catalog;
    }

    @Get
    public Responses.SchemeCatalogView list() {
        List<Responses.SchemeView> schemes = catalog.ids().stream().map(id -> {
            SchemeVersion current = catalog.current(id).orElseThrow();
            List<Integer> older = catalog.all().stream().filter(v -> v.id().equals(id) && v.version() != current.version())
                    .map(SchemeVersion::version).toList();
            return Responses.SchemeView.of(current, older);
        }).toList();
        return new Responses.SchemeCatalogView(schemes);
    }
}
