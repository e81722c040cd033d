/* teec_test: threads sharing one context. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

#include "teec_test.h"

#define N_THREADS 8
#define N_CALLS 100
#define REGION 1024

struct worker {
	int idx;
	TEEC_Session *shared;	/* used by all workers */
	TEEC_SharedMemory *shm; /* region idx of it is this worker's */
	pthread_t th;
	atomic_int done;
	int errors;
	char err[120];
};

static void worker_fail(struct worker *w, const char *what, int i,
			TEEC_Result r)
{
	if (!w->errors++)
		snprintf(w->err, sizeof(w->err), "t%d call %d %s: %s", w->idx,
			 i, what, rn(r));
}

static void *worker_main(void *arg)
{
	struct worker *w = arg;
	TEEC_UUID u = pta_uuid();
	uint8_t *region = (uint8_t *)w->shm->buffer + w->idx * REGION;
	uint8_t tmp[600];
	TEEC_Session own;
	TEEC_Result r;

	rng = 0x1234567ull * (uint64_t)(w->idx + 1);
	r = TEEC_OpenSession(&ctx, &own, &u, TEEC_LOGIN_PUBLIC, NULL, NULL,
			     NULL);
	if (r != TEEC_SUCCESS) {
		worker_fail(w, "open", -1, r);
		atomic_store(&w->done, 1);
		return NULL;
	}
	for (int i = 0; i < N_CALLS; i++) {
		TEEC_Operation op;
		size_t n;
		uint64_t want;

		switch (i % 3) {
		case 0: /* values, on the shared session */
			op = new_op(TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_OUTPUT));
			op.params[0].value.a = (uint32_t)(w->idx * 100000 + i);
			op.params[0].value.b = (uint32_t)(i * 7919);
			r = TEEC_InvokeCommand(w->shared, PTA_TEST_CMD_ADD, &op,
					       NULL);
			if (r != TEEC_SUCCESS ||
			    op.params[1].value.a !=
				    op.params[0].value.a + op.params[0].value.b)
				worker_fail(w, "add", i, r);
			break;
		case 1: /* temp memref, own session */
			n = 1 + (size_t)(i * 37) % sizeof(tmp);
			fill_random(tmp, n);
			want = fnv1a64(tmp, n);
			op = new_op(TYPES(TEEC_MEMREF_TEMP_INOUT, 0));
			op.params[0].tmpref.buffer = tmp;
			op.params[0].tmpref.size = n;
			r = hash_call(&own, &op, NULL);
			if (r != TEEC_SUCCESS ||
			    value64(&op.params[1].value) != want ||
			    pattern_mismatch(tmp, n) != n)
				worker_fail(w, "temp hash", i, r);
			break;
		default: /* partial memref of the shared block, own range */
			n = 1 + (size_t)(i * 13) % REGION;
			fill_random(region, n);
			want = fnv1a64(region, n);
			op = new_op(TYPES(TEEC_MEMREF_PARTIAL_INOUT, 0));
			op.params[0].memref.parent = w->shm;
			op.params[0].memref.offset = (size_t)w->idx * REGION;
			op.params[0].memref.size = n;
			r = hash_call(i & 1 ? &own : w->shared, &op, NULL);
			if (r != TEEC_SUCCESS ||
			    value64(&op.params[1].value) != want ||
			    pattern_mismatch(region, n) != n)
				worker_fail(w, "partial hash", i, r);
			break;
		}
	}
	TEEC_CloseSession(&own);
	atomic_store(&w->done, 1);
	return NULL;
}

void t_threads(void)
{
	static struct worker w[N_THREADS]; /* outlive us if one hangs */
	TEEC_SharedMemory shm = {.size = N_THREADS * REGION,
				 .flags = TEEC_MEM_INPUT | TEEC_MEM_OUTPUT};
	double t0 = now_s();
	int started = 0, errors = 0;

	if (!setup() || !allocate(&shm))
		return;
	for (int i = 0; i < N_THREADS; i++) {
		w[i].idx = i;
		w[i].shared = &sess;
		w[i].shm = &shm;
		if (pthread_create(&w[i].th, NULL, worker_main, &w[i])) {
			expect(false, "pthread_create %d", i);
			atomic_store(&w[i].done, 1);
			continue;
		}
		started++;
	}
	for (int i = 0; i < N_THREADS; i++) {
		while (!atomic_load(&w[i].done) && now_s() - t0 < 90)
			sleep_ms(10);
		if (!atomic_load(&w[i].done)) {
			expect(false, "thread %d not done after 90 s", i);
			return;
		}
	}
	for (int i = 0; i < N_THREADS; i++) {
		if (i < started)
			pthread_join(w[i].th, NULL);
		errors += w[i].errors;
		if (w[i].errors)
			expect(false, "%s (+%d more)", w[i].err,
			       w[i].errors - 1);
	}
	TEEC_ReleaseSharedMemory(&shm);
	note("%d threads x %d calls in %.1f s, %d errors", N_THREADS, N_CALLS,
	     now_s() - t0, errors);
}
