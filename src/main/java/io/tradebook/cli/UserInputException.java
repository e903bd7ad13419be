package io.tradebook.cli;

/** Input the user must fix (a missing file, a malformed row, a bad option value); exits with code 2. */
final class UserInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UserInputException(String message) {
        super(message);
    }

    UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
