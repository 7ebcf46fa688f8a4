package io.leadgate.delivery.crm;

import io.leadgate.config.LeadgateConfig;

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

    /** A Leadgate pipeline and stage as configured: each an id or a name (names compare case-insensitively). */
    public record StageTarget(String pipeline, String stage) implements Target {
    }

    public record LeadStatusTarget(String code) implements Target {
    }

    private final Map<StageTarget, String> stageToCrm = new LinkedHashMap<>();
    private final Map<String, String> statusToCrm = new LinkedHashMap<>();
    private final Map<String, StageTarget> crmToStage = new LinkedHashMap<>();
    private final Map<String, LeadStatusTarget> crmToStatus = new LinkedHashMap<>();

    public StageMap(Map<String, Map<String, String>> stages, Map<String, String> leadStatuses) {
        stages.forEach((pipeline, byStage) -> byStage.forEach((stage, crm) -> {
            StageTarget target = new StageTarget(pipeline.strip(), stage.strip());
            String status = crm.strip();
            stageToCrm.put(target, status);
            crmToStage.putIfAbsent(status, target);
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

    /**
     * The inbound mapping ({@code leadgate.crm.<id>.stages}) followed by the connector's outbound one
     * ({@code leadgate.connectors.<id>.pipelines.<pipeline id>.stages.<stage id>}), so a stage mapped once for
     * pushes also maps back; entries of the inbound mapping come first. With {@code qualify} (amoCRM, whose status ids
     * belong to a pipeline) an outbound status is written {@code <CRM pipeline id>:<status id>} when the pipeline's
     * CRM id is set.
     */
    public static StageMap of(CrmSyncConfig.Crm inbound, Map<String, LeadgateConfig.Connectors.Pipeline> outbound,
                              boolean qualify) {
        Map<String, Map<String, String>> stages = new LinkedHashMap<>();
        inbound.stages().forEach((pipeline, byStage) -> stages.put(pipeline, new LinkedHashMap<>(byStage)));
        outbound.forEach((pipeline, mapped) -> mapped.stages().forEach((stage, crm) -> {
            String status = qualify && mapped.id().isPresent() && !crm.contains(":")
                    ? mapped.id().get().strip() + ":" + crm.strip() : crm;
            stages.computeIfAbsent(pipeline, k -> new LinkedHashMap<>()).putIfAbsent(stage, status);
        }));
        return new StageMap(stages, inbound.leadStatuses());
    }

    /**
     * The CRM status of a Leadgate stage (the Leadgate → CRM direction), whether the configuration names the pipeline
     * and stage by id or by name.
     */
    public Optional<String> crmStatusOfStage(long pipelineId, String pipelineName, long stageId, String stageName) {
        return stageToCrm.entrySet().stream()
                .filter(e -> matches(e.getKey().pipeline(), pipelineId, pipelineName)
                        && matches(e.getKey().stage(), stageId, stageName))
                .map(Map.Entry::getValue).findFirst();
    }

    /** True when a configured reference (an id or a name) names this pipeline or stage. */
    public static boolean matches(String ref, long id, String name) {
        return ref.equals(String.valueOf(id)) || (name != null && ref.equalsIgnoreCase(name.strip()));
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
}
