package io.casegrid.mediation;

/** Who mediates a dispute: the committee of the village (or township), its township, and a brand room if one serves. */
record MediatorPlacement(String villageCode, String townshipCode, BrandRoom brandRoom) {
}
