// Follows one job: the current state from 'jobs.get', then every 'job.updated' event for it.
import { useEffect, useRef, useState } from 'react';
import type { Job } from '../../../shared/domain';
import { useServices } from '../app-context';

export function isFinished(job: Job | undefined): boolean {
  return job !== undefined && (job.status === 'done' || job.status === 'failed' || job.status === 'cancelled');
}

/** `onFinished` runs once when the job reaches done, failed or cancelled. */
export function useJob(jobId: number | null, onFinished?: (job: Job) => void): Job | undefined {
  const services = useServices();
  const [job, setJob] = useState<{ id: number; job: Job } | undefined>(undefined);
  const finishedCallback = useRef(onFinished);

  useEffect(() => {
    finishedCallback.current = onFinished;
  }, [onFinished]);

  useEffect(() => {
    if (jobId === null) return;
    let sawEvent = false;
    let announced = false;
    const accept = (next: Job) => {
      setJob({ id: jobId, job: next });
      if (isFinished(next) && !announced) {
        announced = true;
        finishedCallback.current?.(next);
      }
    };
    // Subscribe before asking, so no update can slip between the two.
    const unsubscribe = services.transport.on('job.updated', (update) => {
      if (update.id !== jobId || announced) return;
      sawEvent = true;
      accept(update);
    });
    void services.transport.call('jobs.get', { id: jobId }).then((result) => {
      if (!result.ok) return services.reportError(result.error);
      // An event is newer than this snapshot unless the snapshot already shows the end.
      if ((!sawEvent || isFinished(result.value)) && !announced) accept(result.value);
    });
    return unsubscribe;
  }, [jobId, services]);

  return job && job.id === jobId ? job.job : undefined;
}
