package io.leadgate.channel.connect;

import io.leadgate.channel.Channel;
import io.leadgate.channel.ChannelOrigin;
import io.leadgate.channel.ChannelRegistry;
import io.leadgate.channel.ChannelState;
import io.leadgate.channel.ChannelStatus;
import io.leadgate.channel.Provider;
import io.leadgate.channel.store.ChannelAdmin;
import io.leadgate.channel.store.ChannelRefusedException;
import io.leadgate.channel.store.ChannelRefusedException.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * "Connect in one step": registers a channel's hook with its provider where the provider has an API for it
 * (Telegram, Viber, VK, Avito) and checks it; for the others answers what to paste where (Meta: URL, verify token
 * and whether the verification handshake was seen). The hook URL is the public base URL given with the request or
 * {@code leadgate.connect.public-url}, plus {@code /hooks/<id>}.
 */
@ApplicationScoped
public class ConnectService {

    private static final Logger LOG = Logger.getLogger(ConnectService.class);

    private final ChannelRegistry registry;
    private final ChannelAdmin admin;
    private final ConnectionLog log;
    private final ConnectConfig config;
    private final Optional<String> publicUrl;
    private final ProviderHttp http;
    private final Clock clock = Clock.systemUTC();

    ConnectService(ChannelRegistry registry, ChannelAdmin admin, ConnectionLog log, ConnectConfig config) {
        this.registry = registry;
        this.admin = admin;
        this.log = log;
        this.config = config;
        this.publicUrl = config.publicUrl();
        this.http = new ProviderHttp(config.timeout());
    }

    /**
     * Connects an active channel.
     *
     * @param givenBase the gateway's public base URL for this call; else {@code leadgate.connect.public-url}
     * @throws ChannelRefusedException 404 unknown channel; 409 invalid or disabled channel, or a setting the
     *                                 provider's API needs is missing; 400 no usable public URL
     */
    public ConnectResult connect(String id, Optional<String> givenBase) {
        ChannelStatus status = registry.statuses().stream().filter(s -> s.id().equals(id))
                .filter(s -> s.state() != ChannelState.INVALID).findFirst()
                .or(() -> registry.statuses().stream().filter(s -> s.id().equals(id)).findFirst())
                .orElseThrow(() -> new ChannelRefusedException(Reason.NOT_FOUND, "no channel " + id));
        if (status.state() == ChannelState.INVALID) {
            throw new ChannelRefusedException(Reason.CONFLICT, "channel " + id + " is invalid: " + status.error());
        }
        Channel channel = registry.find(id).orElseThrow(() -> new ChannelRefusedException(Reason.CONFLICT,
                "channel " + id + " is disabled: enable it first (the provider checks the hook while connecting)"));
        String base = base(givenBase.filter(s -> !s.isBlank()).or(() -> publicUrl.filter(s -> !s.isBlank()))
                .orElseThrow(() -> new ChannelRefusedException(Reason.INVALID, "no public URL: send "
                        + "{\"publicUrl\": \"https://…\"} or set leadgate.connect.public-url (LEADGATE_CONNECT_PUBLIC_URL)")));
        String hookUrl = base + "/hooks/" + id;
        String shownUrl = hookUrl;
        Optional<String> avitoSecret = channel.definition().setting("secret").filter(s -> !s.isBlank());
        if (channel.definition().provider() == Provider.AVITO && avitoSecret.isPresent()) {
            hookUrl += "/" + URLEncoder.encode(avitoSecret.get(), StandardCharsets.UTF_8);
            shownUrl += "/{secret}";
        }
        ProviderConnector connector = switch (channel.definition().provider()) {
            case TELEGRAM -> new TelegramConnect();
            case VIBER -> new ViberConnect();
            case VK -> new VkConnect(this::putSetting);
            case AVITO -> new AvitoConnect();
            default -> new ManualConnect(c -> log.find(c).map(ConnectionLog.Entry::handshakeSeenAt));
        };
        ConnectResult result = connector.connect(channel.definition(), hookUrl,
                new Run(channel.definition(), shownUrl, http, config));
        try {
            log.checked(id, result.state().code(), result.summary(), clock.instant());
        } catch (RuntimeException e) {
            LOG.warnf("connect result of channel %s not recorded (%s)", id, e.getClass().getSimpleName());
        }
        LOG.infof("channel %s (%s) connect: %s", id, result.provider(), result.state().code());
        return result;
    }

    /** The last connect result and handshake of a channel. */
    public Optional<ConnectionLog.Entry> status(String id) {
        return log.find(id);
    }

    /** Notes that the channel's verification handshake (a GET on its hook) was answered. */
    public void handshakeSeen(String id) {
        try {
            log.handshakeSeen(id, clock.instant());
        } catch (RuntimeException e) {
            LOG.debugf("handshake of channel %s not recorded (%s)", id, e.getClass().getSimpleName());
        }
    }

    private boolean putSetting(String id, String key, String value) {
        boolean api = registry.statuses().stream()
                .anyMatch(s -> s.id().equals(id) && ChannelOrigin.of(s.file()) == ChannelOrigin.API);
        if (api) {
            admin.putSetting(id, key, value);
        }
        return api;
    }

    private static String base(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new ChannelRefusedException(Reason.INVALID, "publicUrl is not a URL");
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null
                || uri.getQuery() != null || uri.getFragment() != null) {
            throw new ChannelRefusedException(Reason.INVALID, "publicUrl must be an absolute http(s) URL without query");
        }
        String s = uri.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
