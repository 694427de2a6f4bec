package io.casegrid.mediation;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.CrudRepository;

interface MediationAgreementRepository extends CrudRepository<MediationAgreement, UUID> {

	/** The latest agreement of a case (a dispute mediated again after a 不满意 has more than one). */
	Optional<MediationAgreement> findFirstByCaseIdOrderBySignedAtDesc(UUID caseId);

}
