package io.leadgate.pipeline;

import io.leadgate.events.SettingsChanges;
import io.leadgate.events.SettingsChanges.Kind;
import io.leadgate.lead.JunkReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.stream.Collectors;

/** The managed list of loss reasons: listing, adding, and resolving the reason a deal move names. */
@ApplicationScoped
public class LossReasons {

    private final SettingsChanges changes;

    LossReasons(SettingsChanges changes) {
        this.changes = changes;
    }

    public List<LossReason> list() {
        return LossReason.list("order by position, code");
    }

    @Transactional
    public LossReason add(String code, String name, String actor) {
        if (code == null || code.isBlank()) {
            throw PipelineException.invalid(Refusal.CODE_REQUIRED, "code is required");
        }
        CatalogValidator.Reason r = CatalogValidator.lossReason(code, name);
        if (LossReason.findById(r.code()) != null) {
            throw PipelineException.conflict(Refusal.LOSS_REASON_EXISTS, "loss reason " + r.code() + " exists", r.code());
        }
        LossReason reason = new LossReason();
        reason.code = r.code();
        reason.name = r.name();
        reason.position = (int) LossReason.count();
        reason.persist();
        CatalogEdits.forget(CatalogEdits.Catalog.LOSS_REASON, reason.code);
        changes.record(actor, Kind.LOSS_REASON_ADDED, reason.code, "'" + reason.name + "'");
        return reason;
    }

    /**
     * The code of the entry a move into a lost stage names: the code itself or its written form ("No budget" →
     * no-budget). Absent or unknown → an invalid request naming the codes there are.
     */
    public static String require(String lossReason) {
        if (lossReason == null || lossReason.isBlank()) {
            throw PipelineException.invalid(Refusal.LOSS_REASON_REQUIRED,
                    "lossReason is required to move into a lost stage, one of " + codes(), codes());
        }
        String code = JunkReason.normalize(lossReason);
        if (code.length() > 64 || LossReason.findById(code) == null) {
            throw PipelineException.invalid(Refusal.LOSS_REASON_UNKNOWN, "lossReason must be one of " + codes(), codes());
        }
        return code;
    }

    /** Seeds one entry unless its code exists (configuration and files never overwrite what operators changed). */
    static void seed(CatalogValidator.Reason r, int position) {
        if (LossReason.findById(r.code()) == null && !CatalogEdits.removed(CatalogEdits.Catalog.LOSS_REASON, r.code())) {
            LossReason reason = new LossReason();
            reason.code = r.code();
            reason.name = r.name();
            reason.position = position;
            reason.persist();
        }
    }

    private static String codes() {
        return LossReason.<LossReason>list("order by position, code").stream().map(r -> r.code)
                .collect(Collectors.joining(", "));
    }
}
