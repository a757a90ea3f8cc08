package dev.meshgate.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What {@code GET /api/v1/gate} answers, and what the {@code gate} command reads back.
 *
 * @param verdict passed, failed, error, running or unknown
 * @param summary the run's status line, or why there is no verdict
 * @param runId the run that gave the verdict, when there is one
 * @param sha the full commit id the run validated
 * @param report the report page of the run
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record GateAnswer(String verdict, String summary, String runId, String sha, String report) {}
