package io.casegrid.mediation;

import java.util.UUID;

import org.springframework.data.repository.CrudRepository;

interface MediationRepository extends CrudRepository<Mediation, UUID> {

}
