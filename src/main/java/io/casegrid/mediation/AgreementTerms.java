package io.casegrid.mediation;

import java.time.Instant;

/** What the parties signed (the fields of 制作调解协议书). */
record AgreementTerms(String parties, String facts, String obligations, String performance, Instant performBy,
		boolean signaturesConfirmed) {
}
