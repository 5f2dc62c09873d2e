/**
 * The entry point: {@link org.splitscope.Main} runs the command line for a subcommand, or finds the
 * desktop app through {@code desktop.Desktop} and opens it.
 */
package org.splitscope;
