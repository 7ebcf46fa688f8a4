package io.leadgate.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.config.LeadgateConfig;
import io.leadgate.contact.Contact;
import io.leadgate.events.EventTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Deals: creation, moves with history, updates. Entering a stage records who moved the deal, when and from where,
 * emits an event, schedules the stage's automation jobs and follows its tunnels (copy or move into another
 * pipeline), in the same transaction.
 */
@ApplicationScoped
public class DealService {

    private static final Logger LOG = Logger.getLogger(DealService.class);
    /** Tunnels are loop-free when saved; this only guards against a loop written around the API. */
    static final int MAX_CHAIN = 32;

    private final PipelineService pipelines;
    private final DealEvents events;
    private final Assigner assigner;
    private final LeadgateConfig config;
    private final Clock clock;
    private final FunnelSummary summary;

    DealService(PipelineService pipelines, DealEvents events, Assigner assigner, LeadgateConfig config, Clock clock,
                FunnelSummary summary) {
        this.summary = summary;
        this.pipelines = pipelines;
        this.events = events;
        this.assigner = assigner;
        this.config = config;
        this.clock = clock;
    }

    /** What a new deal starts with; null values are left empty (responsible: assigned). */
    public record NewDeal(long contactId, Long leadId, String channelId, String source, BigDecimal amount,
                          String currency, String responsible, String fields, Long sourceDealId) {
    }

    /**
     * What a new deal starts with beyond {@link NewDeal}: its own title (null = the default), the expected close
     * date, whether the amount was set by hand, and the deal whose products it takes (null = none).
     */
    public record Extras(String title, LocalDate expectedClose, boolean amountManual, Long itemsFromDealId) {

        static Extras of(NewDeal n) {
            return new Extras(null, null, n.amount() != null, null);
        }
    }

    public Deal find(long id) {
        Deal d = Deal.findById(id);
        if (d == null) {
            throw PipelineException.notFound("no deal " + id);
        }
        return d;
    }

    /**
     * Creates a deal by hand: {@code {contactId, pipelineId?, stageId?, amount?, currency?, responsible?, title?,
     * expectedCloseDate?}}.
     */
    @Transactional
    public DealView create(String contactId, String pipelineId, String stageId, JsonNode amount, String currency,
                           String responsible, String title, String expectedCloseDate, String actor) {
        if (contactId == null || contactId.isBlank()) {
            throw PipelineException.invalid("contactId is required");
        }
        long cid = PipelineService.parseId("contactId", contactId);
        if (Contact.findById(cid) == null) {
            throw PipelineException.invalid("no contact " + contactId);
        }
        Pipeline p;
        Stage s;
        if (stageId != null && !stageId.isBlank()) {
            s = pipelines.requestedStage(stageId);
            p = pipelines.find(s.pipelineId);
            if (pipelineId != null && !pipelineId.isBlank() && !pipelineId.strip().equals(String.valueOf(p.id))) {
                throw PipelineException.invalid("stage " + stageId + " is not in pipeline " + pipelineId);
            }
        } else {
            p = pipelines.requested(pipelineId);
            s = pipelines.firstStage(p);
        }
        BigDecimal a = amount(amount);
        NewDeal n = new NewDeal(cid, null, null, null, a, currency(currency, a), blankToNull(responsible), null, null);
        Deal d = create(n, new Extras(DealTitles.parse(title), date("expectedCloseDate", expectedCloseDate), a != null,
                null), p, s, actor, clock.instant(), 0);
        return DealView.of(d);
    }

    /** Creates a deal at a stage, records the entry, emits deal.created and runs the stage's effects. */
    public Deal create(NewDeal n, Pipeline p, Stage s, String actor, Instant now, int depth) {
        return create(n, Extras.of(n), p, s, actor, now, depth);
    }

    /** {@link #create(NewDeal, Pipeline, Stage, String, Instant, int)} with a title, close date and products. */
    public Deal create(NewDeal n, Extras x, Pipeline p, Stage s, String actor, Instant now, int depth) {
        Deal d = new Deal();
        d.title = x.title();
        d.expectedClose = x.expectedClose();
        d.amountManual = x.amountManual();
        d.pipelineId = p.id;
        d.stageId = s.id;
        d.status = status(s);
        d.contactId = n.contactId();
        d.leadId = n.leadId();
        d.channelId = n.channelId();
        d.source = n.source();
        d.amount = n.amount();
        d.currency = n.currency();
        d.fields = n.fields();
        d.sourceDealId = n.sourceDealId();
        d.responsible = n.responsible() != null ? n.responsible()
                : assigner.assign(n.contactId(), "pipeline:" + p.id, p.managerList()).orElse(null);
        assigner.remember(n.contactId(), d.responsible);
        d.inquiryCount = n.leadId() == null ? 0 : 1;
        d.stageEnteredAt = now;
        d.createdAt = now;
        d.updatedAt = now;
        d.persist();
        if (x.itemsFromDealId() != null) {
            DealItems.copy(x.itemsFromDealId(), d.id);
            DealItems.follow(d);
        }
        DealMove m = record(d, null, null, s, actor, null, now);
        events.deal(EventTypes.DEAL_CREATED, d, m, now);
        entered(d, s, m, now, depth);
        return d;
    }

    /**
     * {@code POST /api/deals/{id}/move}: into any live stage (of this or another pipeline); into a lost stage only
     * with a loss reason of the managed list.
     */
    @Transactional
    public DealView move(long dealId, String stageId, String lossReason, String actor) {
        Deal d = Deal.findById(dealId, LockModeType.PESSIMISTIC_WRITE);
        if (d == null) {
            throw PipelineException.notFound("no deal " + dealId);
        }
        Stage s = pipelines.requestedStage(stageId);
        if (s.id.equals(d.stageId)) {
            return DealView.of(d);
        }
        String reason = s.semantics() == Semantics.LOST ? LossReasons.require(lossReason) : null;
        moveTo(d, s, actor, reason, clock.instant(), 0);
        return DealView.of(d);
    }

    /** Moves a deal into a stage and runs the stage's effects. */
    public void moveTo(Deal d, Stage s, String actor, String lossReason, Instant now, int depth) {
        DealMove last = DealMove.find("dealId = ?1 and leftAt is null order by id desc", d.id).firstResult();
        if (last != null) {
            last.leftAt = now;
        }
        Long fromPipeline = d.pipelineId;
        Long fromStage = d.stageId;
        d.pipelineId = s.pipelineId;
        d.stageId = s.id;
        d.status = status(s);
        d.lossReason = s.semantics() == Semantics.LOST ? blankToNull(lossReason) : null;
        d.stageEnteredAt = now;
        d.updatedAt = now;
        DealMove m = record(d, fromPipeline, fromStage, s, actor, d.lossReason, now);
        events.deal(EventTypes.DEAL_MOVED, d, m, now);
        entered(d, s, m, now, depth);
    }

    /**
     * Changes amount (a number: set by hand; null: follows the products again), currency, responsible, title (null:
     * the default), expectedCloseDate or custom fields ({@code fields: {name: value|null}}).
     */
    @Transactional
    public DealView update(long dealId, ObjectNode patch, String actor) {
        Deal d = Deal.findById(dealId, LockModeType.PESSIMISTIC_WRITE);
        if (d == null) {
            throw PipelineException.notFound("no deal " + dealId);
        }
        if (patch == null) {
            throw PipelineException.invalid("a JSON object is required");
        }
        if (patch.has("amount")) {
            d.amount = amount(patch.get("amount"));
            d.amountManual = d.amount != null;
            if (d.amount != null && d.currency == null && !patch.has("currency")) {
                d.currency = currency(null, d.amount);
            }
            DealItems.follow(d);
        }
        if (patch.has("title")) {
            JsonNode t = patch.get("title");
            d.title = t.isNull() ? null : DealTitles.parse(t.asText());
        }
        if (patch.has("expectedCloseDate")) {
            JsonNode c = patch.get("expectedCloseDate");
            d.expectedClose = c.isNull() ? null : date("expectedCloseDate", c.asText());
        }
        if (patch.has("currency")) {
            JsonNode c = patch.get("currency");
            String next = c.isNull() ? null : currency(c.asText(), BigDecimal.ZERO);
            if (!d.amountManual && next != null && !next.equals(d.currency) && DealItem.count("dealId", d.id) > 0) {
                throw PipelineException.invalid("the deal's products are in " + d.currency
                        + "; its currency follows them unless the amount is set by hand");
            }
            d.currency = next;
        }
        if (patch.has("responsible")) {
            JsonNode r = patch.get("responsible");
            d.responsible = r.isNull() ? null : blankToNull(r.asText());
            if (d.responsible != null && d.responsible.length() > 200) {
                throw PipelineException.invalid("responsible is longer than 200 characters");
            }
        }
        if (patch.has("fields")) {
            if (!patch.get("fields").isObject()) {
                throw PipelineException.invalid("fields must be an object");
            }
            ObjectNode fields = (ObjectNode) DealView.fields(d);
            for (Iterator<Map.Entry<String, JsonNode>> it = patch.get("fields").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                setField(fields, f.getKey(), f.getValue());
            }
            d.fields = fields.toString();
        }
        d.updatedAt = clock.instant();
        events.deal(EventTypes.DEAL_UPDATED, d, null, actor, d.updatedAt);
        return DealView.of(d);
    }

    static void setField(ObjectNode fields, String name, JsonNode value) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw PipelineException.invalid("field names are 1 to 100 characters");
        }
        if (value == null || value.isNull()) {
            fields.remove(name);
        } else {
            fields.set(name, value);
        }
    }

    public List<MoveView> history(long dealId) {
        find(dealId);
        return DealMove.<DealMove>list("dealId = ?1 order by id", dealId).stream().map(MoveView::of).toList();
    }

    private DealMove record(Deal d, Long fromPipeline, Long fromStage, Stage s, String actor, String lossReason,
                            Instant now) {
        DealMove m = new DealMove();
        m.dealId = d.id;
        m.fromPipelineId = fromPipeline;
        m.fromStageId = fromStage;
        m.toPipelineId = s.pipelineId;
        m.toStageId = s.id;
        m.actor = actor;
        m.lossReason = lossReason;
        m.movedAt = now;
        m.persist();
        summary.dealMoved(d.id);
        return m;
    }

    /** The effects of entering a stage: automation jobs, then copy tunnels, then move tunnels. */
    private void entered(Deal d, Stage s, DealMove m, Instant now, int depth) {
        for (AutomationRule rule : AutomationRule.<AutomationRule>list("stageId = ?1 and triggerOn = ?2 order by id",
                s.id, RuleTrigger.STAGE_ENTERED.code())) {
            if (rule.repeatEvery != null || AutomationAction.CREATE_DEAL.code().equals(rule.action)) {
                // a deal won again replaces its pending sales boost: one boost per deal and rule
                AutomationJob.update("status = ?1, cancelledBy = ?2, doneAt = ?3 where ruleId = ?4 and dealId = ?5"
                        + " and status = ?6", AutomationJobs.CANCELLED, "superseded", now, rule.id, d.id,
                        AutomationJobs.PENDING);
            }
            AutomationJobs.schedule(rule, d.id, null, s.id, m.id, "move:" + m.id, now, now);
        }
        List<Tunnel> tunnels = Tunnel.list("fromStageId = ?1 order by id", s.id);
        if (tunnels.isEmpty()) {
            return;
        }
        if (depth >= MAX_CHAIN) {
            LOG.warnf("deal %d: tunnel chain longer than %d stopped at stage %d", d.id, MAX_CHAIN, s.id);
            return;
        }
        for (Tunnel t : tunnels) {
            if (TunnelService.COPY.equals(t.mode)) {
                copy(d, t, now, depth);
            }
        }
        for (Tunnel t : tunnels) {
            if (TunnelService.MOVE.equals(t.mode) && s.id.equals(d.stageId)) {
                if (t.titlePrefix != null || t.titleSuffix != null) {
                    d.title = DealTitles.renamed(DealTitles.of(d), t.titlePrefix, t.titleSuffix);
                }
                moveTo(d, Stage.findById(t.toStageId), "tunnel:" + t.id, null, now, depth + 1);
            }
        }
    }

    /** A copy tunnel's linked copy: what it carries (all without a list), renamed by its prefix and suffix. */
    private void copy(Deal d, Tunnel t, Instant now, int depth) {
        String carry = t.carry;
        boolean items = TunnelCarry.carries(carry, "items");
        boolean amount = TunnelCarry.carries(carry, "amount") && (d.amountManual || !items);
        String title = TunnelCarry.carries(carry, "title") ? d.title : null;
        if (t.titlePrefix != null || t.titleSuffix != null) {
            title = DealTitles.renamed(title != null ? title : DealTitles.of(d), t.titlePrefix, t.titleSuffix);
        }
        BigDecimal a = amount ? d.amount : null;
        NewDeal n = new NewDeal(d.contactId, d.leadId, d.channelId, d.source, a, a != null ? d.currency : null,
                TunnelCarry.carries(carry, "responsible") ? d.responsible : null,
                TunnelCarry.fields(carry, d.fields, (ObjectNode) DealView.fields(d)), d.id);
        Extras x = new Extras(title, TunnelCarry.carries(carry, "expectedCloseDate") ? d.expectedClose : null,
                a != null, items ? d.id : null);
        create(n, x, Pipeline.findById(t.toPipelineId), Stage.findById(t.toStageId), "tunnel:" + t.id, now, depth + 1);
    }

    /** A calendar date (2026-03-31); absent = none. */
    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw PipelineException.invalid(name + " must be a date such as 2026-03-31, got '" + value + "'");
        }
    }

    static String status(Stage s) {
        return switch (s.semantics()) {
            case IN_PROGRESS -> "open";
            case WON -> "won";
            case LOST -> "lost";
        };
    }

    /** An amount: a non-negative number, kept to two decimal places; null or absent = none. */
    static BigDecimal amount(JsonNode n) {
        return money("amount", n);
    }

    /** A sum of money named {@code name}: non-negative, kept to two decimal places; null or absent = none. */
    static BigDecimal money(String name, JsonNode n) {
        BigDecimal v = decimal(name, n);
        if (v == null) {
            return null;
        }
        if (v.signum() < 0) {
            throw PipelineException.invalid(name + " must not be negative");
        }
        v = v.setScale(2, RoundingMode.HALF_UP);
        if (v.precision() > 19) {
            throw PipelineException.invalid(name + " is too large");
        }
        return v;
    }

    /** A decimal given as a JSON number or string; null or absent = none. */
    static BigDecimal decimal(String name, JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        try {
            return n.isNumber() ? n.decimalValue() : new BigDecimal(n.asText().strip());
        } catch (NumberFormatException e) {
            throw PipelineException.invalid(name + " must be a number");
        }
    }

    /** An ISO 4217 currency; absent with an amount = the configured default; absent without = none. */
    String currency(String c, BigDecimal amount) {
        if (c == null || c.isBlank()) {
            return amount == null ? null : config.pipeline().defaultCurrency();
        }
        String code = c.strip().toUpperCase(Locale.ROOT);
        try {
            if (code.length() == 3) {
                return Currency.getInstance(code).getCurrencyCode();
            }
        } catch (IllegalArgumentException e) {
            // fall through to the error below
        }
        throw PipelineException.invalid("currency must be an ISO 4217 code such as RUB, EUR or USD, got '" + c + "'");
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
