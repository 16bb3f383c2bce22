package be.proactief.core.voucher;

/** How a household's waste is collected, which decides the form of the benefit. */
public enum Zone {
    /** bag collection: a voucher for free waste bags */
    BAGS(VoucherKind.BAG_VOUCHER),
    /** underground containers opened with the waste pass (afvalpas): credit on the pass */
    CONTAINERS(VoucherKind.CONTAINER_CREDIT);

    private final VoucherKind kind;

    Zone(VoucherKind kind) {
        this.kind = kind;
    }

    public VoucherKind kind() {
        return kind;
    }
}
