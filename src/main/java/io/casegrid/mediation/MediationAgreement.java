package io.casegrid.mediation;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A people's mediation agreement (人民调解协议书) with what 人民调解法 第二十九条 asks it to carry: the parties, the main
 * facts, points in dispute and each side's responsibility, what was agreed, and how and by when it is performed.
 */
@Table("mediation_agreement")
public record MediationAgreement(@Id UUID id, UUID caseId, String agreementNumber, String mediatorOrganisation,
		String mediator, String parties, String facts, String obligations, String performance, Instant performBy,
		boolean signaturesConfirmed, Instant signedAt, Instant judicialConfirmationDueAt, @Version Long version) {
}
