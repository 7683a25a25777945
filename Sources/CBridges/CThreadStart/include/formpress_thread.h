#ifndef FORMPRESS_THREAD_H
#define FORMPRESS_THREAD_H

/// Starts a detached thread running `body(context)`. When the process may run on more than one
/// CPU, the thread starts on one other than the caller's and may then run on any of them:
/// left to the scheduler, a new thread often waits for the caller's CPU (measured: 1.5–5 ms
/// on a 2-core machine) while another CPU is idle. Returns 0, or the error pthread_create gave.
int fp_thread_start_detached(void (*body)(void *), void *context);

/// How many CPUs the calling thread may run on.
int fp_thread_allowed_cpus(void);

#endif
