package be.proactief.core.insz;

/** An INSZ that cannot be accepted. The message is safe to show and log: it is always masked. */
public final class InvalidInszException extends IllegalArgumentException {
    public InvalidInszException(String maskedMessage) {
        super(maskedMessage);
    }
}
