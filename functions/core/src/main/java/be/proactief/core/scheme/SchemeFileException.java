package be.proactief.core.scheme;

/** A scheme file that cannot be used; the message names the file and the field. Thrown at start-up. */
public final class SchemeFileException extends RuntimeException {
    public SchemeFileException(String file, String field, String problem) {
        super(file + ": field '" + field + "' " + problem);
    }

    public SchemeFileException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
