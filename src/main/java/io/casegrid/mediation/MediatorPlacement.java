package io.casegrid.mediation;

import io.casegrid.sla.SlaClock;

/**
 * Who mediates a dispute: the committee of the village (or township), its township, and a brand room if one serves;
 * and the village tier's clock that started with it.
 */
record MediatorPlacement(String villageCode, String townshipCode, BrandRoom brandRoom, SlaClock clock) {
}
