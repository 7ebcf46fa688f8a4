package io.leadgate.pipeline;

import io.leadgate.config.LeadgateConfig;
import io.leadgate.lead.JunkReason;
import io.leadgate.lead.LeadStatus;
import io.leadgate.lead.LeadStatusDef;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * At start-up: the built-in lead statuses, the configured junk and loss reasons (but those an administrator
 * deleted, see {@link CatalogEdits}), what the pipeline files define (pipelines
 * not yet present are created; existing ones are left as operators changed them), and a default pipeline of
 * 7 stages when none is marked default. An invalid file stops start-up with a message naming it.
 */
@ApplicationScoped
public class PipelineSeeder {

    private static final Logger LOG = Logger.getLogger(PipelineSeeder.class);

    private final PipelineService pipelines;
    private final LeadgateConfig config;

    PipelineSeeder(PipelineService pipelines, LeadgateConfig config) {
        this.pipelines = pipelines;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        PipelineFiles.Content files = PipelineFiles.load(Path.of(config.pipeline().dir()));
        QuarkusTransaction.requiringNew().run(() -> seed(files));
    }

    void seed(PipelineFiles.Content files) {
        int position = 0;
        for (LeadStatus s : LeadStatus.values()) {
            status(new CatalogValidator.Status(s.code(), s.code().replace('-', ' '), s.code()), position++, true);
        }
        for (CatalogValidator.Status s : files.statuses()) {
            status(s, position++, false);
        }
        int reasonPosition = 0;
        for (String r : config.pipeline().junkReasons()) {
            reason(CatalogValidator.reason(r, null), reasonPosition++);
        }
        for (CatalogValidator.Reason r : files.reasons()) {
            reason(r, reasonPosition++);
        }
        int lossPosition = 0;
        for (String r : config.pipeline().lossReasons()) {
            LossReasons.seed(CatalogValidator.lossReason(r, null), lossPosition++);
        }
        for (CatalogValidator.Reason r : files.lossReasons()) {
            LossReasons.seed(r, lossPosition++);
        }
        for (PipelineFiles.FilePipeline p : files.pipelines()) {
            if (pipelines.byIdOrName(p.spec().name()).isEmpty()) {
                pipelines.create(p.spec(), p.managers(), p.isDefault(), "file");
                LOG.infof("pipeline '%s' created from its file", p.spec().name());
            }
        }
        if (Pipeline.count("isDefault", true) == 0) {
            Pipeline sales = pipelines.byIdOrName(PipelineService.DEFAULT_NAME).orElse(null);
            if (sales == null) {
                pipelines.create(PipelineService.DEFAULT, List.of(), true, "seed");
            } else {
                sales.isDefault = true;
            }
        }
    }

    private static void status(CatalogValidator.Status s, int position, boolean builtin) {
        if (!builtin && CatalogEdits.removed(CatalogEdits.Catalog.LEAD_STATUS, s.code())) {
            return;
        }
        LeadStatusDef def = LeadStatusDef.findById(s.code());
        boolean created = def == null;
        if (created) {
            def = new LeadStatusDef();
            def.code = s.code();
            def.position = position;
            def.name = s.name(); // an existing status keeps the name an administrator gave it
        }
        def.semantics = s.semantics().toLowerCase(Locale.ROOT);
        def.builtin = builtin;
        if (created) {
            def.persist();
        }
    }

    private static void reason(CatalogValidator.Reason r, int position) {
        if (JunkReason.findById(r.code()) == null && !CatalogEdits.removed(CatalogEdits.Catalog.JUNK_REASON, r.code())) {
            JunkReason reason = new JunkReason();
            reason.code = r.code();
            reason.name = r.name();
            reason.position = position;
            reason.persist();
        }
    }
}
