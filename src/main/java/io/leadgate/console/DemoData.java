package io.leadgate.console;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.ChannelFileLoader;
import io.leadgate.channel.HookOutcome;
import io.leadgate.channel.Provider;
import io.leadgate.config.LeadgateConfig;
import io.leadgate.inquiry.AnsweredBy;
import io.leadgate.inquiry.Attachment;
import io.leadgate.inquiry.Attribution;
import io.leadgate.inquiry.CallDirection;
import io.leadgate.inquiry.CallInfo;
import io.leadgate.inquiry.CallPhase;
import io.leadgate.inquiry.ContactInfo;
import io.leadgate.inquiry.Handle;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.intake.ManualLeads;
import io.leadgate.lead.Lead;
import io.leadgate.people.User;
import io.leadgate.people.UserService;
import io.leadgate.pipeline.DealService;
import io.leadgate.pipeline.LeadLifecycle;
import io.leadgate.pipeline.PipelineService;
import io.leadgate.pipeline.PipelineView;
import io.leadgate.pipeline.StageView;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A demo data set for a first look ({@code leadgate.console.demo-data=true}, dev and test runs only, never in
 * production): inquiries across web forms, a messenger, email and calls written through the real write path, a
 * returning client, a missed call, two managers, and deals across the stages of the default pipeline. Runs once,
 * into an empty database.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    static final String PASSWORD = "demo-password";

    private final LeadgateConfig config;
    private final ManualLeads intake;
    private final UserService users;
    private final LeadLifecycle leads;
    private final DealService deals;
    private final PipelineService pipelines;

    DemoData(LeadgateConfig config, ManualLeads intake, UserService users, LeadLifecycle leads, DealService deals,
             PipelineService pipelines) {
        this.config = config;
        this.intake = intake;
        this.users = users;
        this.leads = leads;
        this.deals = deals;
        this.pipelines = pipelines;
    }

    void onStart(@Observes StartupEvent start) {
        if (!config.console().demoData()) {
            return;
        }
        if (!allowed(LaunchMode.current())) {
            LOG.warn("leadgate.console.demo-data is ignored in production");
            return;
        }
        // a lambda, not Lead::count: a method reference names PanacheEntityBase.count, which Panache leaves unimplemented
        if (QuarkusTransaction.requiringNew().call(() -> Lead.count()) > 0) {
            LOG.info("Demo data: the database already holds leads; nothing added");
            return;
        }
        fill();
    }

    /** Whether the switch may fill a database in this launch mode: dev and test runs, never the packaged jar. */
    static boolean allowed(LaunchMode mode) {
        return mode != LaunchMode.NORMAL;
    }

    /** Writes the demo set; returns the number of leads it made. */
    public int fill() {
        for (String[] m : new String[][]{{"anna", "Anna Smirnova"}, {"ivan", "Ivan Petrov"}}) {
            if (QuarkusTransaction.requiringNew().call(() -> User.findById(m[0])) == null) {
                users.create(new UserService.NewUser(m[0], m[1], "manager", PASSWORD));
            }
        }
        ChannelDefinition form = channel("site-form", Provider.WEBFORM, "website");
        ChannelDefinition tilda = channel("landing-tilda", Provider.TILDA, "landing");
        ChannelDefinition telegram = channel("telegram-bot", Provider.TELEGRAM, "telegram");
        ChannelDefinition whatsapp = channel("whatsapp", Provider.WHATSAPP, "whatsapp");
        ChannelDefinition mail = channel("sales-mail", Provider.EMAIL, "email");
        ChannelDefinition phone = channel("office-phone", Provider.ZADARMA, "phone");
        String[][] people = {
                {"Ольга Кузнецова", "+79161234501", "olga.k@example.ru", "Нужна кухня на заказ, 3 метра, сроки?"},
                {"Dmitry Volkov", "+79161234502", "d.volkov@example.com", "Please send a quote for 20 office chairs."},
                {"Мария Иванова", "+79161234503", null, "Интересует доставка в Казань"},
                {"Sergey Orlov", "+79161234504", "orlov@example.org", "Do you install on weekends?"},
                {"Елена Соколова", "+79161234505", "sokolova@example.ru", "Хочу записаться на замер"},
                {"Alexey Morozov", "+79161234506", null, "Wholesale prices for 100+ units?"},
                {"Наталья Лебедева", "+79161234507", "n.lebedeva@example.ru", "Есть ли рассрочка?"},
                {"Pavel Novikov", "+79161234508", "pavel@example.com", "Can I pick up the order myself?"},
                {"Ирина Павлова", "+79161234509", null, "Какая гарантия на фасады?"},
                {"Andrey Fedorov", "+79161234510", "fedorov@example.net", "Need an invoice for our company."},
                {"Татьяна Егорова", "+79161234511", "egorova@example.ru", "Перезвоните после 18:00, пожалуйста"},
                {"Nikolai Kozlov", "+79161234512", null, "Is the showroom open on Sunday?"},
        };
        int made = 0;
        List<Long> leadIds = new ArrayList<>();
        for (int i = 0; i < people.length; i++) {
            String[] p = people[i];
            ChannelDefinition ch = i % 3 == 0 ? form : i % 3 == 1 ? tilda : mail;
            Inquiry.Builder b = Inquiry.builder(ch.provider().family(), ch.provider().id())
                    .externalId("demo-" + i)
                    .contact(contact(p[0], p[1], p[2], null))
                    .subject(ch == mail ? "Request: " + p[3].substring(0, Math.min(24, p[3].length())) : null)
                    .text(p[3])
                    .attribution(new Attribution(Map.of("utm_source", i % 2 == 0 ? "yandex" : "google",
                            "utm_campaign", i % 2 == 0 ? "kitchens-autumn" : "brand"), Map.of(), null, null, Map.of()));
            if (ch == mail && i == 2) {
                b.attachment(new Attachment("plan.txt", "text/plain", 12L, null,
                        "3 m x 2.4 m\n".getBytes(StandardCharsets.UTF_8)));
            }
            leadIds.add(write(ch, b.build()));
            made++;
        }
        // messengers: handles only, and one with a phone
        String[][] chats = {{"101", "katya_shop", "Екатерина", "Здравствуйте! Сколько стоит шкаф-купе 2 м?"},
                {"102", "maxim_b", "Maxim", "Hi, do you ship to Minsk?"},
                {"103", "svetlana77", "Светлана", "Можно фото образцов?"}};
        for (String[] c : chats) {
            leadIds.add(write(telegram, Inquiry.builder(telegram.provider().family(), telegram.provider().id())
                    .externalId("demo-tg-" + c[0])
                    .contact(new ContactInfo(c[2], List.of(), List.of(), List.of(), List.of(new Handle("telegram", c[0], c[1])), null))
                    .text(c[3]).build()));
            made++;
        }
        // a returning client: the first person writes again on WhatsApp with the same phone
        write(whatsapp, Inquiry.builder(whatsapp.provider().family(), whatsapp.provider().id()).externalId("demo-wa-1")
                .contact(contact("Ольга Кузнецова", "+79161234501", null, null))
                .text("Добрый день, я уже оставляла заявку — есть новости?").build());
        // a missed call: the lead asks for a call back
        leadIds.add(write(phone, Inquiry.builder(phone.provider().family(), phone.provider().id()).externalId("demo-call-1")
                .contact(contact(null, "+79161234520", null, null))
                .call(new CallInfo("demo-call-1", CallDirection.IN, "NOTIFY_END", true, CallPhase.ENDED, AnsweredBy.NOBODY, 0L, null, "+74950000000", true))
                .build()));
        made++;
        deals(leadIds);
        LOG.infof("Demo data: %d inquiries written, deals across stages; managers anna and ivan (password %s)",
                made + 1, PASSWORD);
        return made;
    }

    private void deals(List<Long> written) {
        List<Long> leadIds = written.stream().filter(id -> id > 0).toList();
        PipelineView p = pipelines.list().stream().filter(PipelineView::isDefault).findFirst()
                .orElse(pipelines.list().get(0));
        List<StageView> open = p.stages().stream().filter(s -> s.semantics().equals("in-progress")).toList();
        StageView won = p.stages().stream().filter(s -> s.semantics().equals("won")).findFirst().orElse(null);
        StageView lost = p.stages().stream().filter(s -> s.semantics().equals("lost")).findFirst().orElse(null);
        String[] managers = {"anna", "ivan"};
        for (int i = 0; i < Math.min(10, leadIds.size()); i++) {
            long leadId = leadIds.get(i);
            String dealId = leads.convert(leadId, new LeadLifecycle.Conversion(p.id(), null,
                    com.fasterxml.jackson.databind.node.DecimalNode.valueOf(new java.math.BigDecimal(15000 + 7500 * i)),
                    "RUB", managers[i % 2]), "demo");
            StageView target = i == 8 && won != null ? won : i == 9 && lost != null ? lost : open.get(i % open.size());
            if (!target.id().equals(p.stages().get(0).id())) {
                deals.move(Long.parseLong(dealId), target.id(), target == lost ? "price" : null, "demo");
            }
        }
        if (leadIds.size() > 11) {
            leads.junk(leadIds.get(11), leads.reasons().get(0).code, "demo");
        }
    }

    private long write(ChannelDefinition channel, Inquiry item) {
        HookOutcome.Item outcome = intake.store(channel, item,
                ("demo " + item.externalId()).getBytes(StandardCharsets.UTF_8), "/hooks/" + channel.id());
        // a second run finds every inquiry stored already (duplicates): no lead of its own to convert
        return outcome.result() == HookOutcome.Result.LEAD_CREATED ? outcome.leadId() : -1;
    }

    private static ChannelDefinition channel(String id, Provider provider, String source) {
        return new ChannelDefinition(id, provider, true, ChannelFileLoader.DEFAULT_REGION, source, Map.of(), null);
    }

    private static ContactInfo contact(String name, String phone, String email, Handle handle) {
        return new ContactInfo(name, phone == null ? List.of() : List.of(phone), List.of(),
                email == null ? List.of() : List.of(email), handle == null ? List.of() : List.of(handle), null);
    }
}
