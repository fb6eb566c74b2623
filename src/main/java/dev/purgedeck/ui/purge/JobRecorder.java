package dev.purgedeck.ui.purge;

import dev.purgedeck.fastly.JobListener;
import dev.purgedeck.fastly.JobRequest;

/** Records every job the console runs (the history does): asked once per job for a listener of its outcomes. */
@FunctionalInterface
public interface JobRecorder {
    JobRecorder NONE = (id, request, retryOf) -> JobListener.NONE;

    /**
     * The listener for a job about to start; it is called on the client's threads before the UI hears anything.
     *
     * @param retryOf the job whose failed items this one sends again ("Retry failed"), or null
     */
    JobListener begin(String jobId, JobRequest request, String retryOf);
}
