package io.casegrid.mediation;

import java.time.Instant;

import org.springframework.data.relational.core.mapping.Table;

/** The opinion one of the three heads gave in a 三长会商. */
@Table("mediation_opinion")
public record HeadOpinion(Head head, String opinion, String givenBy, Instant givenAt) {
}
