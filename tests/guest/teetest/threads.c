/*
 * teetest: several threads at once: concurrent callers on one fd and on
 * several, more callers than secure threads, and cancellation.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>

#include "teetest.h"

struct worker {
	pthread_t th;
	int fd, err; /* err: errno of a failed ioctl */
	uint32_t sess, cmd, cancel_id, a, b, ret;
	unsigned int wrong; /* concurrent_fds: wrong results */
	atomic_int done;
	pthread_barrier_t *gate; /* if set: wait here, then call together */
};

/* One call of w->cmd with VALUE_INPUT(a, b) on the worker's session. */
static void *worker_call(void *arg)
{
	struct worker *w = arg;
	param_t p[NPARAMS] = {val(P_VIN, w->a, w->b)};
	int rc;

	if (w->gate)
		pthread_barrier_wait(w->gate);
	rc = invoke(w->fd, w->sess, w->cmd, w->cancel_id, p, &w->ret, NULL);

	if (rc) {
		w->ret = IOCTL_FAILED;
		w->err = -rc;
	}
	atomic_store(&w->done, 1);
	return NULL;
}

/*
 * n threads on tee_fd, each with its own session, all call cmd(a, b) at the
 * same moment. Returns how many got TEE_SUCCESS; notes the others.
 */
static unsigned int run_together(unsigned int n, uint32_t cmd, uint32_t a,
				 uint32_t b)
{
	struct worker *w = calloc(n, sizeof(*w));
	unsigned int i, ok = 0;
	pthread_barrier_t gate;
	uint32_t ret, origin;
	int rc;

	if (!w || pthread_barrier_init(&gate, NULL, n + 1))
		return 0;
	/* Sessions first, so that the calls really start together. */
	for (i = 0; i < n; i++) {
		rc = open_session(tee_fd, pta_uuid, &w[i].sess, &ret, &origin);
		if (rc || ret != TEE_SUCCESS) {
			note("session %u: %s " RET_FMT "; ", i,
			     rc ? strerror(-rc) : "",
			     RET(rc ? IOCTL_FAILED : ret));
			return 0;
		}
		w[i].fd = tee_fd;
		w[i].cmd = cmd;
		w[i].a = a;
		w[i].b = b;
		w[i].gate = &gate;
	}
	for (i = 0; i < n; i++) {
		if (pthread_create(&w[i].th, NULL, worker_call, &w[i])) {
			note("pthread_create failed; ");
			return 0; /* the started ones die with this process */
		}
	}
	pthread_barrier_wait(&gate);
	for (i = 0; i < n; i++) {
		pthread_join(w[i].th, NULL);
		if (w[i].ret == TEE_SUCCESS)
			ok++;
		else
			note("[%u] %s %s; ", i, ret_name(w[i].ret),
			     w[i].err ? strerror(w[i].err) : "");
	}
	return ok;
}

int t_barrier_threads(void)
{
	uint64_t n, refusals;
	unsigned int ok;

	if (pta_open() || stats(&n, &refusals))
		return 1;
	ok = run_together(n, PTA_TEST_CMD_BARRIER, n, 1);
	note("N=%llu: %u/%llu callers met at the barrier", U(n), ok, U(n));
	return ok != n;
}

/*
 * 2N callers of LONG_RUNNING(1 s) for N secure threads, all at once: at least
 * N of them must be refused with ETHREAD_LIMIT, wait in the driver and be
 * retried. All must succeed, and STATS must have counted the refusals.
 *
 * Not BARRIER(N) as the overflow load: Linux 6.1 wakes a refused caller only
 * when another call completes, and may hand that wake-up to a caller that is
 * still inside the TEE. Callers that wait in the TEE for refused ones can
 * then deadlock until BARRIER's 60 s BUSY (seen in ~1 run of 5); callers
 * that finish on their own always pass the wake-up on.
 */
int t_ethread_limit(void)
{
	uint64_t n, before, after;
	unsigned int ok;

	if (pta_open() || stats(&n, &before))
		return 1;
	ok = run_together(2 * n, PTA_TEST_CMD_LONG_RUNNING, 1000, 0);
	if (stats(&n, &after))
		return 1;
	note("N=%llu: %u/%llu succeeded; ETHREAD_LIMIT refusals %llu -> %llu",
	     U(n), ok, U(2 * n), U(before), U(after));
	return ok != 2 * n || after <= before;
}

/*
 * A thread runs LONG_RUNNING(30 s) with cancel_id 77; this one cancels it
 * every 20 ms until it returns. The first cancels may reach the TEE before
 * the call does and are then lost; hence the repetition.
 */
int t_cancel(void)
{
	struct worker w = {0};
	struct tee_ioctl_cancel_arg c;
	unsigned int sent = 0, failed = 0;
	int last_err = 0;
	double t0 = now_s();

	if (pta_open())
		return 1;
	w.fd = tee_fd;
	w.sess = c.session = session;
	w.cmd = PTA_TEST_CMD_LONG_RUNNING;
	w.cancel_id = c.cancel_id = 77;
	w.a = 30000;
	if (pthread_create(&w.th, NULL, worker_call, &w)) {
		note("pthread_create failed");
		return 1;
	}
	while (!atomic_load(&w.done) && now_s() - t0 < 40) {
		sleep_ms(20);
		if (atomic_load(&w.done))
			break;
		if (ioctl(tee_fd, TEE_IOC_CANCEL, &c)) {
			failed++;
			last_err = errno;
		}
		sent++;
	}
	if (!atomic_load(&w.done)) {
		/* The parent kills this process; the thread stays in the TEE.
		 */
		note("LONG_RUNNING still running after 40 s and %u cancels",
		     sent);
		return 1;
	}
	pthread_join(w.th, NULL);
	note("ret " RET_FMT " %s after %.2f s and %u cancels", RET(w.ret),
	     w.err ? strerror(w.err) : "", now_s() - t0, sent);
	if (failed)
		note(" (%u CANCEL ioctls failed: %s)", failed,
		     strerror(last_err));
	return w.ret != TEE_ERROR_CANCEL || failed;
}

/* 200 ADDs with operands that vary per call and per thread (w->b). */
static void *worker_adds(void *arg)
{
	struct worker *w = arg;

	for (uint32_t i = 0; i < 200; i++) {
		uint32_t a = 0x9e3779b9u * (i + 1) + w->b, ret;
		uint32_t b = 0x7f4a7c15u ^ (i << 8) ^ (w->b << 24);
		param_t p[NPARAMS] = {val(P_VIN, a, b), val(P_VOUT, 0, 0)};
		int rc = invoke(w->fd, w->sess, PTA_TEST_CMD_ADD, 0, p, &ret,
				NULL);

		if (rc) {
			w->err = -rc;
			break;
		}
		if (ret != TEE_SUCCESS || p[1].a != (uint32_t)(a + b) ||
		    p[1].b != (a ^ b))
			w->wrong++;
	}
	return NULL;
}

/* Four threads, each with its own /dev/tee0 fd and session. */
int t_concurrent_fds(void)
{
	struct worker w[4];
	unsigned int i, bad = 0;

	memset(w, 0, sizeof(w));
	for (i = 0; i < 4; i++) {
		if (connect_pta(&w[i].fd, &w[i].sess))
			return 1;
		w[i].b = i;
	}
	for (i = 0; i < 4; i++) {
		if (pthread_create(&w[i].th, NULL, worker_adds, &w[i])) {
			note("pthread_create failed");
			return 1;
		}
	}
	for (i = 0; i < 4; i++) {
		pthread_join(w[i].th, NULL);
		if (w[i].wrong || w[i].err) {
			note("[%u] %u wrong %s; ", i, w[i].wrong,
			     w[i].err ? strerror(w[i].err) : "");
			bad = 1;
		}
	}
	if (!bad)
		note("4 fds x 200 ADDs correct");
	return bad;
}
