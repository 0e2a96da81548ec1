package dev.nplusone.attach;

/** A command that cannot be carried out, with a message for the user. Exit status 2. */
public final class AttachFailure extends Exception {

    public AttachFailure(String message) {
        super(message);
    }
}
