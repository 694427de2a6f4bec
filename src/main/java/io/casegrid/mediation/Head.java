package io.casegrid.mediation;

/** The three heads (三长) of a township's joint consultation. */
public enum Head {

	POLICE("派出所所长"), COURT("法庭庭长"), JUDICIAL("司法所所长");

	private final String label;

	Head(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
