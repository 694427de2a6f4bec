package io.casegrid.casefile;

/** Where the case happened, placed in the org tree at intake. */
public record CaseLocation(String address, Double latitude, Double longitude, String unitCode, String gridCode,
		String villageCode, String townshipCode, String countyCode) {
}
