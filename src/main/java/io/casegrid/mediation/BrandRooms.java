package io.casegrid.mediation;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which brand mediation room serves a place: one serving the village itself first, else one serving its township. */
@Repository
class BrandRooms {

	private final JdbcClient jdbc;

	BrandRooms(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<BrandRoom> serving(String villageCode, String townshipCode) {
		return jdbc.sql("""
				SELECT code, name, serves_unit_code FROM brand_mediation_room
				 WHERE serves_unit_code IN (:village, :township)
				 ORDER BY CASE WHEN serves_unit_code = :village THEN 0 ELSE 1 END, code
				 LIMIT 1
				""")
			.param("village", villageCode)
			.param("township", townshipCode == null ? villageCode : townshipCode)
			.query(BrandRoom.class)
			.optional();
	}

	Optional<BrandRoom> find(String code) {
		return jdbc.sql("SELECT code, name, serves_unit_code FROM brand_mediation_room WHERE code = :code")
			.param("code", code)
			.query(BrandRoom.class)
			.optional();
	}

}
