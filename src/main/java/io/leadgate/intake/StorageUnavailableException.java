package io.leadgate.intake;

/** The database cannot be reached: the request was not stored and the provider should retry (503). */
public class StorageUnavailableException extends RuntimeException {
    public StorageUnavailableException(Throwable cause) {
        super("storage unavailable", cause);
    }
}
