/** The picocli command line; the only package that prints to stdout and stderr. */
package org.splitscope.cli;
