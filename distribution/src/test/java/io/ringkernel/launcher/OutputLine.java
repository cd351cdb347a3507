package io.ringkernel.launcher;

/**
 * One line the distribution wrote to stdout or stderr.
 *
 * @param index its position in the output, from 0
 * @param nanos {@link System#nanoTime()} in the test JVM when the line was read
 * @param text the line, without its line terminator
 */
record OutputLine(int index, long nanos, String text) {
}
