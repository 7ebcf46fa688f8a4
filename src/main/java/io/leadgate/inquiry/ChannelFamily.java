package io.leadgate.inquiry;

/** The families of channels a client can reach a company through. */
public enum ChannelFamily {
    WEBFORM, EMAIL, PHONE, MESSENGER;

    public String code() {
        return name().toLowerCase();
    }
}
