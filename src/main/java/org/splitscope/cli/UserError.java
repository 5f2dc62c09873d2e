package org.splitscope.cli;

/** Bad input or usage: reported as one line on stderr with exit status 2. */
public final class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }
}
