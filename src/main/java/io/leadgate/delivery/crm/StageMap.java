package io.leadgate.delivery.crm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One CRM's stage and status mapping ({@link CrmSyncConfig.Crm#stages()}, {@link CrmSyncConfig.Crm#leadStatuses()})
 * read in both directions: Leadgate → CRM as written, CRM → Leadgate reversed. A CRM status written twice maps back to
 * the first entry. Immutable; pure.
 */
public final class StageMap {

    /** Where a CRM status lands in Leadgate: a deal stage ({@code pipelineId}, {@code stageId}) or a lead status. */
    public sealed interface Target permits StageTarget, LeadStatusTarget {
    }

    public record StageTarget(long pipelineId, long stageId) implements Target {
    }

    public record LeadStatusTarget(String code) implements Target {
    }

    private final Map<Long, String> stageToCrm = new LinkedHashMap<>();
    private final Map<String, String> statusToCrm = new LinkedHashMap<>();
    private final Map<String, StageTarget> crmToStage = new LinkedHashMap<>();
    private final Map<String, LeadStatusTarget> crmToStatus = new LinkedHashMap<>();

    public StageMap(Map<String, Map<String, String>> stages, Map<String, String> leadStatuses) {
        stages.forEach((pipeline, byStage) -> byStage.forEach((stage, crm) -> {
            long p = number("stages." + pipeline, pipeline);
            long s = number("stages." + pipeline + "." + stage, stage);
            String status = crm.strip();
            stageToCrm.put(s, status);
            crmToStage.putIfAbsent(status, new StageTarget(p, s));
        }));
        leadStatuses.forEach((code, crm) -> {
            String status = crm.strip();
            statusToCrm.put(code.strip(), status);
            crmToStatus.putIfAbsent(status, new LeadStatusTarget(code.strip()));
        });
    }

    public static StageMap of(CrmSyncConfig.Crm config) {
        return new StageMap(config.stages(), config.leadStatuses());
    }

    /** The CRM status of a Leadgate stage (the Leadgate → CRM direction). */
    public Optional<String> crmStatusOfStage(long stageId) {
        return Optional.ofNullable(stageToCrm.get(stageId));
    }

    /** The CRM status of a Leadgate lead status code. */
    public Optional<String> crmStatusOfLead(String code) {
        return Optional.ofNullable(statusToCrm.get(code));
    }

    /** The deal stage a CRM status maps back to; the first of {@code candidates} that is mapped wins. */
    public Optional<StageTarget> stage(List<String> candidates) {
        return candidates.stream().map(crmToStage::get).filter(t -> t != null).findFirst();
    }

    /** The lead status a CRM status maps back to; the first of {@code candidates} that is mapped wins. */
    public Optional<LeadStatusTarget> leadStatus(List<String> candidates) {
        return candidates.stream().map(crmToStatus::get).filter(t -> t != null).findFirst();
    }

    private static long number(String key, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("leadgate.crm.<id>." + key + ": '" + value
                    + "' is not a Leadgate pipeline or stage id (a number, see GET /api/pipelines)");
        }
    }
}
