package io.leadgate.channel;

/** An enabled channel with the adapter that serves it. */
public record Channel(ChannelDefinition definition, ChannelAdapter adapter) {

    public String id() {
        return definition.id();
    }
}
