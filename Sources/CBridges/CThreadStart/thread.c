#define _GNU_SOURCE
#include "formpress_thread.h"

#include <pthread.h>
#include <sched.h>
#include <stdlib.h>

struct fp_thread_start {
    void (*body)(void *);
    void *context;
    cpu_set_t allowed;   /* the CPUs the caller may run on, given back to the new thread */
    int placed;          /* whether the thread was started away from the caller's CPU */
};

static void *fp_thread_main(void *argument) {
    struct fp_thread_start start = *(struct fp_thread_start *)argument;
    free(argument);
    if (start.placed) sched_setaffinity(0, sizeof start.allowed, &start.allowed);
    start.body(start.context);
    return NULL;
}

/// Sets `attributes` to start away from the calling thread's CPU; 1 if it did.
static int fp_start_elsewhere(pthread_attr_t *attributes, const cpu_set_t *allowed) {
    int here = sched_getcpu();
    if (here < 0 || CPU_COUNT(allowed) < 2 || !CPU_ISSET(here, allowed)) return 0;
    cpu_set_t elsewhere = *allowed;
    CPU_CLR(here, &elsewhere);
    return pthread_attr_setaffinity_np(attributes, sizeof elsewhere, &elsewhere) == 0;
}

int fp_thread_start_detached(void (*body)(void *), void *context) {
    struct fp_thread_start *start = malloc(sizeof *start);
    if (start == NULL) return -1;
    start->body = body;
    start->context = context;
    start->placed = 0;
    pthread_attr_t attributes;
    int status = pthread_attr_init(&attributes);
    if (status != 0) {
        free(start);
        return status;
    }
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
    if (sched_getaffinity(0, sizeof start->allowed, &start->allowed) == 0) {
        start->placed = fp_start_elsewhere(&attributes, &start->allowed);
    }
    pthread_t thread;
    status = pthread_create(&thread, &attributes, fp_thread_main, start);
    if (status != 0 && start->placed) {
        /* The other CPUs may have gone since they were asked for: start it anywhere. */
        pthread_attr_destroy(&attributes);
        pthread_attr_init(&attributes);
        pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
        start->placed = 0;
        status = pthread_create(&thread, &attributes, fp_thread_main, start);
    }
    pthread_attr_destroy(&attributes);
    if (status != 0) free(start);
    return status;
}

int fp_thread_allowed_cpus(void) {
    cpu_set_t allowed;
    return sched_getaffinity(0, sizeof allowed, &allowed) == 0 ? CPU_COUNT(&allowed) : 1;
}
