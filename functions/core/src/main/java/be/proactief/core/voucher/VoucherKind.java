package be.proactief.core.voucher;

/** What the household gets: a voucher for waste bags, or credit on its container pass. */
public enum VoucherKind { BAG_VOUCHER, CONTAINER_CREDIT }
