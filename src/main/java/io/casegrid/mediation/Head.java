package io.casegrid.mediation;

/** The three heads (三长) of a township's joint consultation. */
public enum Head {

	POLICE("派出所所长", "policeOpinion"), COURT("法庭庭长", "courtOpinion"), JUDICIAL("司法所所长", "judicialOpinion");

	private final String label;

	private final String opinionVariable;

	Head(String label, String opinionVariable) {
		this.label = label;
		this.opinionVariable = opinionVariable;
	}

	/** The variable of the head's opinion task that holds the opinion (its form's field). */
	String opinionVariable() {
		return opinionVariable;
	}

	public String label() {
		return label;
	}

}
