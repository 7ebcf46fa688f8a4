package io.leadgate.delivery.crm;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What both directions between Leadgate and a CRM read, {@code leadgate.crm.<connector id>.*}: the stage and status
 * mapping (written Leadgate → CRM; changes coming back read it reversed), the secret the CRM's events carry and the
 * OAuth 2 application. The connection itself (webhook URL, long-lived token) stays under {@code leadgate.connectors}.
 */
@ConfigMapping(prefix = "leadgate.crm")
public interface CrmSyncConfig {

    Crm bitrix24();

    Crm amocrm();

    /** How often stored CRM events are applied; {@code off} disables the schedule. */
    @WithDefault("2s")
    String inboundEvery();

    /** How often OAuth tokens are checked and refreshed when due; {@code off} disables the schedule. */
    @WithDefault("60s")
    String oauthEvery();

    interface Crm {
        /**
         * {@code stages.<Leadgate pipeline>.<Leadgate stage>=<CRM status>}: the CRM status a deal at that stage has;
         * pipeline and stage each by id or by name (case-insensitive; a name with spaces or dots in quotes). Bitrix24: the deal's {@code STAGE_ID} ({@code WON}, {@code C1:NEW}); amoCRM: {@code <pipeline id>:<status
         * id>} or a bare status id (any pipeline). Each CRM status once.
         */
        Map<String, Map<String, String>> stages();

        /**
         * {@code lead-statuses.<Leadgate lead status code>=<CRM status>}: Bitrix24 lead {@code STATUS_ID}
         * ({@code IN_PROCESS}, {@code JUNK}); amoCRM as for {@link #stages()}.
         */
        Map<String, String> leadStatuses();

        /** {@code users.<CRM user id>=<Leadgate manager id>}: a responsible set in the CRM; unmapped users are not applied. */
        Map<String, String> users();

        /** The junk reason of a lead junked in the CRM (the CRM sends none Leadgate knows). */
        @WithDefault("other")
        String junkReason();

        /** The loss reason of a deal lost in the CRM. */
        @WithDefault("other")
        String lossReason();

        /**
         * Bitrix24: the {@code application_token} its event handlers send ({@code auth[application_token]}); amoCRM: the
         * secret last path segment of the webhook URL. Events are refused while unset. Secret.
         */
        Optional<String> eventSecret();

        OAuth oauth();
    }

    /** An OAuth 2 application (amoCRM integration, Bitrix24 local or market application). */
    interface OAuth {
        /** OAuth replaces the long-lived token / incoming-webhook URL when a client id is set. */
        Optional<String> clientId();

        /** Secret. */
        Optional<String> clientSecret();

        /** The redirect URI registered with the application (amoCRM sends it back with every token request). */
        Optional<String> redirectUri();

        /** A one-time authorization code to start from (amoCRM: valid 20 minutes). Secret. */
        Optional<String> authorizationCode();

        /** Or a refresh token to start from (e.g. from a Bitrix24 application's installation). Secret. */
        Optional<String> refreshToken();

        /**
         * The token endpoint. Default: amoCRM {@code <base-url>/oauth2/access_token}; Bitrix24
         * {@code https://oauth.bitrix.info/oauth/token/}.
         */
        Optional<String> tokenUrl();

        /**
         * amoCRM: the authorization page the gateway's authorization URL points at (default
         * {@code https://www.amocrm.ru/oauth}; Kommo {@code https://www.kommo.com/oauth}).
         */
        Optional<String> authorizeUrl();

        /** A token is refreshed this long before it expires. */
        @WithDefault("10m")
        Duration refreshAhead();
    }
}
