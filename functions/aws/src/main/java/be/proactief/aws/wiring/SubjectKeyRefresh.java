package be.proactief.aws.wiring;

/**
 * Reads the subject-key secret again and puts its rings in place of the ones read at initialisation. A SnapStart
 * snapshot holds the rings of the moment it was taken; every instance restored from it, maybe weeks later, calls
 * this first, so none writes under a current key the city has replaced since (README, "Key rotation").
 */
@FunctionalInterface
public interface SubjectKeyRefresh {

    void refresh();
}
