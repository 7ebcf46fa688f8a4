package io.leadgate.pipeline;

import java.nio.file.Path;

/** A pipeline file that cannot be used; the message names the file and the place in it. Stops start-up. */
public class PipelineFileException extends RuntimeException {

    public PipelineFileException(Path file, String where, String problem) {
        super("pipeline file " + file + (where == null ? "" : ", " + where) + ": " + problem);
    }
}
