package be.proactief.function.voucherissuer;

import be.proactief.core.messaging.MessagePublisher;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A crash between recording the fulfilment and sending the voucher: the vouchers publisher fails
 * its first {@code test.crash-before-sending} sends, as if the Lambda died right before the message left.
 */
@Singleton
@Requires(property = "test.crash-before-sending")
class CrashBeforeSending implements BeanCreatedEventListener<MessagePublisher> {

    final AtomicInteger remaining;
    final AtomicInteger crashes = new AtomicInteger();

    CrashBeforeSending(@Value("${test.crash-before-sending}") int times) {
        this.remaining = new AtomicInteger(times);
    }

    @Override
    public MessagePublisher onCreated(BeanCreatedEvent<MessagePublisher> event) {
        MessagePublisher real = event.getBean();
        return (body, key) -> {
            if (remaining.getAndDecrement() > 0) {
                crashes.incrementAndGet();
                throw new IllegalStateException("simulated crash: fulfilment recorded, voucher not sent");
            }
            real.publish(body, key);
        };
    }
}
