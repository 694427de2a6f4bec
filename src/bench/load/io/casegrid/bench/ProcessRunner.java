package io.casegrid.bench;

import java.io.IOException;

/** Runs a command line tool (pgbench, jcmd) and returns what it printed. */
final class ProcessRunner {

	private final String[] command;

	ProcessRunner(String... command) {
		this.command = command;
	}

	boolean available() {
		try {
			return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor() == 0;
		}
		catch (IOException | InterruptedException ex) {
			return false;
		}
	}

	static String run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (process.waitFor() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
		}
		return output;
	}

}
