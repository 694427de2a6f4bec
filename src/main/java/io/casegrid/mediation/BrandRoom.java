package io.casegrid.mediation;

/** A brand mediation room (品牌调解室) and the unit it serves. */
public record BrandRoom(String code, String name, String servesUnitCode) {
}
