package io.leadgate.lead;

/** Where a lead stands. New and in-progress leads are open: a returning client's inquiry extends them. */
public enum LeadStatus {
    NEW, IN_PROGRESS, CONVERTED, JUNK;

    public boolean open() {
        return this == NEW || this == IN_PROGRESS;
    }

    public String code() {
        return name().toLowerCase().replace('_', '-');
    }

    public static LeadStatus fromCode(String code) {
        return valueOf(code.toUpperCase().replace('-', '_'));
    }
}
