/**
 * Messages as text, for tools: {@link io.ringkernel.text.MessageParser} builds a kernel's message
 * from words (the shell's {@code rk:call}, the dashboard's test message, JMX), and
 * {@link io.ringkernel.text.MessageFormatter} writes a reply back as one line.
 */
@Export
@Version("0.1.0")
package io.ringkernel.text;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
