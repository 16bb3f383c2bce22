package be.proactief.aws.wiring;

import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration by environment-variable name ({@code MAGDA_ENDPOINT}, {@code PROACTIEF_DECISIONS_TABLE}),
 * as SAM sets it on AWS. The same value may come as a Micronaut property in dotted lower case
 * ({@code magda.endpoint}), which tests and the local run use.
 */
@Singleton
public class Settings {

    private final Environment environment;

    public Settings(Environment environment) {
        this.environment = environment;
    }

    public Optional<String> get(String envName) {
        String dotted = envName.toLowerCase().replace('_', '.');
        Optional<String> property = environment.getProperty(dotted, String.class).filter(v -> !v.isBlank());
        if (property.isPresent()) return property;
        return Optional.ofNullable(System.getenv(envName)).filter(v -> !v.isBlank());
    }

    public String get(String envName, String defaultValue) {
        return get(envName).orElse(defaultValue);
    }

    /** Only the named variables that are set, as a map (for configuration records that read env maps). */
    public Map<String, String> subset(List<String> envNames) {
        Map<String, String> out = new HashMap<>();
        for (String name : envNames) get(name).ifPresent(v -> out.put(name, v));
        return out;
    }
}
