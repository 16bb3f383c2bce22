package be.proactief.aws.wiring;

import io.micronaut.context.BeanProvider;
import io.micronaut.crac.OrderedResource;
import jakarta.inject.Singleton;
import org.crac.Context;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a SnapStart restore, every function that decides reads its subject-key secret again: the snapshot holds the
 * key rings of the moment it was taken (at publish time), and a rotation since changes the secret, not the function,
 * so nothing publishes a new snapshot. A secret that cannot be read fails the restore, naming the setting, rather than
 * deciding under a key ring the city replaced. Functions without subject keys (the voucher run, the review watch) never
 * ask for them: the refresh is looked up only on a restore.
 */
@Singleton
public class SubjectKeysAfterRestore implements OrderedResource {

    private static final Logger LOG = LoggerFactory.getLogger(SubjectKeysAfterRestore.class);

    private final BeanProvider<SubjectKeyRefresh> refresh;

    public SubjectKeysAfterRestore(BeanProvider<SubjectKeyRefresh> refresh) {
        this.refresh = refresh;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        // nothing to put away: the key rings hold no connection
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        refresh.get().refresh();
        LOG.info("restored from a snapshot: subject keys read again from their secret");
    }
}
