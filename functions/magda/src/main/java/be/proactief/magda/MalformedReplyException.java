package be.proactief.magda;

/** A reply that cannot be read as a GeefSociaalStatuut 03.00 answer. The message never quotes an INSZ. */
public final class MalformedReplyException extends Exception {

    public MalformedReplyException(String message) {
        super(message);
    }

    public MalformedReplyException(String message, Throwable cause) {
        super(message, cause);
    }
}
