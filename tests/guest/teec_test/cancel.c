/* teec_test: TEEC_RequestCancellation. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdatomic.h>

#include "teec_test.h"

struct long_call {
	TEEC_Operation op;
	TEEC_Result res;
	uint32_t origin;
	atomic_int done;
	double t_end;
};

static void *long_call_thread(void *arg)
{
	struct long_call *c = arg;

	c->res = TEEC_InvokeCommand(&sess, PTA_TEST_CMD_LONG_RUNNING, &c->op,
				    &c->origin);
	c->t_end = now_s();
	atomic_store(&c->done, 1);
	return NULL;
}

/* Starts c, LONG_RUNNING(ms), in a new thread *th; false if it cannot. */
static bool long_call_start(struct long_call *c, uint32_t ms, pthread_t *th)
{
	c->op = new_op(TYPES(TEEC_VALUE_INPUT, TEEC_NONE));
	c->op.params[0].value.a = ms;
	return !pthread_create(th, NULL, long_call_thread, c);
}

/* Whether c's call has started (both libraries set op.session first). */
static bool long_call_started(struct long_call *c)
{
	return __atomic_load_n(&c->op.session, __ATOMIC_ACQUIRE) != NULL;
}

void t_cancel(void)
{
	static struct long_call c; /* outlives us if the thread hangs */
	unsigned int requests = 0;
	double t0, t_first = 0;
	pthread_t th;

	if (!setup())
		return;
	t0 = now_s();
	if (!long_call_start(&c, 20000, &th)) { /* would run 20 s */
		expect(false, "pthread_create");
		return;
	}
	/* Let it get into the TEE before cancelling (both libraries set
	 * op.session before the ioctl), so that this tests the TEE's side. */
	while (!long_call_started(&c) && now_s() - t0 < 2)
		sleep_ms(5);
	sleep_ms(200);
	while (!atomic_load(&c.done) && now_s() - t0 < 15) {
		if (!t_first)
			t_first = now_s();
		TEEC_RequestCancellation(&c.op);
		requests++;
		sleep_ms(20);
	}
	if (!atomic_load(&c.done)) {
		/* The parent kills this process; the thread stays stuck. */
		expect(false,
		       "LONG_RUNNING not back 15 s after start "
		       "(%u cancel requests)",
		       requests);
		return;
	}
	pthread_join(th, NULL);
	expect(c.res == TEEC_ERROR_CANCEL && c.origin != TEEC_ORIGIN_API,
	       "0x%08x %s origin %u", c.res, rn(c.res), c.origin);
	expect(c.t_end - t_first < 2, "took %.2f s after the first request",
	       c.t_end - t_first);
	note("%s origin %u, %.0f ms after the first of %u requests", rn(c.res),
	     c.origin, (c.t_end - t_first) * 1000, requests);
}

/*
 * Two LONG_RUNNING calls on one session; cancelling one must not cancel
 * the other (ours gives every call its own cancel id; 3.19 uses id 0 for
 * all, so there the other call may be cancelled too and is not checked).
 */
void t_cancel_one_of_two(void)
{
	static struct long_call a, b; /* outlive us if a thread hangs */
	pthread_t ta, tb;
	double t0;

	if (!setup())
		return;
	t0 = now_s();
	/* a is the one cancelled; b, left alone, completes. */
	if (!long_call_start(&a, 20000, &ta) ||
	    !long_call_start(&b, 1500, &tb)) {
		expect(false, "pthread_create");
		return;
	}
	while ((!long_call_started(&a) || !long_call_started(&b)) &&
	       now_s() - t0 < 2)
		sleep_ms(5);
	sleep_ms(300);
	while (!atomic_load(&a.done) && now_s() - t0 < 10) {
		TEEC_RequestCancellation(&a.op);
		sleep_ms(20);
	}
	while (!atomic_load(&b.done) && now_s() - t0 < 10)
		sleep_ms(10);
	if (!atomic_load(&a.done) || !atomic_load(&b.done)) {
		expect(false, "calls not back after 10 s (a %d b %d)",
		       atomic_load(&a.done), atomic_load(&b.done));
		return;
	}
	pthread_join(ta, NULL);
	pthread_join(tb, NULL);
	expect(a.res == TEEC_ERROR_CANCEL, "cancelled call: %s", rn(a.res));
	if (OURS)
		expect(b.res == TEEC_SUCCESS && b.t_end - t0 > 1.4,
		       "other call: %s after %.2f s", rn(b.res), b.t_end - t0);
	note("cancelled: %s at %.2f s; other: %s at %.2f s", rn(a.res),
	     a.t_end - t0, rn(b.res), b.t_end - t0);
}

void t_cancel_not_running(void)
{
	TEEC_Operation op = new_op(TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_OUTPUT));
	uint32_t origin = 0;
	TEEC_Result r;

	if (!setup())
		return;
	TEEC_RequestCancellation(NULL); /* must do nothing */
	/* Before start (started == 0): GP says the call must not run. */
	op.params[0].value.a = 1;
	TEEC_RequestCancellation(&op);
	r = TEEC_InvokeCommand(&sess, PTA_TEST_CMD_ADD, &op, &origin);
	if (OURS)
		expect(r == TEEC_ERROR_CANCEL && origin == TEEC_ORIGIN_API,
		       "cancelled before start: %s origin %u", rn(r), origin);
	else /* 3.19 ignores a request for an operation not started */
		expect(r == TEEC_SUCCESS, "3.19, before start: %s", rn(r));
	note("before start: %s origin %u; ", rn(r), origin);
	/* Re-zeroed, the same operation runs. */
	op.started = 0;
	r = TEEC_InvokeCommand(&sess, PTA_TEST_CMD_ADD, &op, &origin);
	expect(r == TEEC_SUCCESS && op.params[1].value.a == 1, "reused: %s",
	       rn(r));
	/* After completion a request has no effect on later use. */
	TEEC_RequestCancellation(&op);
	r = TEEC_InvokeCommand(&sess, PTA_TEST_CMD_ADD, &op, &origin);
	expect(r == TEEC_SUCCESS, "after completion: %s", rn(r));
	note("after completion: %s", rn(r));
}
