package org.splitscope.ui.service;

import java.nio.file.Path;

/**
 * A question for the user from the simulation side (issue 14 item 6): the scenario {@code file} reads a
 * boot file in {@code folder}, outside its own folder and every folder allowed so far; {@code reason} is
 * the located error (file:line:column: cause) that stopped the load. If the user allows the folder, the
 * view sends {@link Command.AllowFolder}; the service then remembers it for the session and loads the
 * file again. Immutable.
 */
public record FolderQuestion(Path file, Path folder, String reason) {
}
