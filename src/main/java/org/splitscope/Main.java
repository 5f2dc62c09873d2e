package org.splitscope;

/** Placeholder replaced below. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
    }
}
