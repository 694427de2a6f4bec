package io.casegrid.whistle;

/** How a whistle (吹哨) came about: from a level's task, from triage's routing, or from an accepted request. */
public enum WhistleSource {

	/** The level holding the case (township, county) whistled from its 分级办理 task. */
	LEVEL,
	/** A department matter arrived at the township and triage's department was called in at once. */
	TRIAGE,
	/** Someone without the right to whistle asked, and the township accepted. */
	REQUEST

}
