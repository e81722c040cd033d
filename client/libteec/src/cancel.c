// SPDX-License-Identifier: BSD-2-Clause
/*
 * Cancellation.
 *
 * Every open-session or invoke call with an operation is on a list of calls
 * in flight while it runs, with its own cancel id (unique among the calls
 * in flight, never 0), the device fd and the session id. The driver passes
 * the cancel id to the TEE with the call and with TEE_IOC_CANCEL, so a
 * cancellation reaches exactly that call even when other threads use the
 * same session.
 *
 * TEEC_RequestCancellation(op):
 *  - op in flight: flags it and sends TEE_IOC_CANCEL. If the call has not
 *    reached the TEE yet it returns TEEC_ERROR_CANCEL (origin API) instead
 *    of entering; if it is already inside, the TEE decides (a TA that never
 *    checks for cancellation just completes). A request that arrives just
 *    as the call enters the TEE can be missed: callers retry until the
 *    call returns, as the GP spec allows.
 *  - op not started (started == 0): marks it (started =
 *    RTEEC_CANCELLED_BEFORE_START); the call that then uses it returns
 *    TEEC_ERROR_CANCEL (origin API) without reaching the TEE.
 *  - op finished (started == 1, not in flight): nothing.
 * A call sets started to 1 as it starts (GP: non-zero once started), and
 * sets op->session to its session (NULL while opening one).
 *
 * One mutex guards the list, the id counter and the started/session fields
 * of operations in flight; no ioctl is made while holding it.
 */
#include "teec_private.h"

#include <errno.h>
#include <pthread.h>
#include <string.h>
#include <sys/ioctl.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct rteec_pending *in_flight; /* guarded by lock */
static uint32_t last_cancel_id;		/* guarded by lock */

static bool id_in_use(uint32_t id)
{
	for (struct rteec_pending *p = in_flight; p; p = p->next)
		if (p->cancel_id == id)
			return true;
	return false;
}

TEEC_Result rteec_op_begin(struct rteec_pending *pd, TEEC_Operation *op,
			   TEEC_Session *session, int fd, uint32_t session_id)
{
	memset(pd, 0, sizeof(*pd));
	pd->op = op;
	pd->fd = fd;
	pd->session_id = session_id;
	if (!op)
		return TEEC_SUCCESS; /* nobody can cancel it */
	pthread_mutex_lock(&lock);
	if (op->started == RTEEC_CANCELLED_BEFORE_START) {
		op->started = RTEEC_STARTED;
		pthread_mutex_unlock(&lock);
		pd->op = NULL;
		rteec_log(RTEEC_LOG_INFO, "operation cancelled before start");
		return TEEC_ERROR_CANCEL;
	}
	op->started = RTEEC_STARTED;
	op->session = session;
	do {
		last_cancel_id++;
	} while (last_cancel_id == 0 || id_in_use(last_cancel_id));
	pd->cancel_id = last_cancel_id;
	pd->next = in_flight;
	in_flight = pd;
	pthread_mutex_unlock(&lock);
	return TEEC_SUCCESS;
}

bool rteec_op_cancel_requested(struct rteec_pending *pd)
{
	bool r;

	if (!pd->op)
		return false;
	pthread_mutex_lock(&lock);
	r = pd->cancel_requested;
	pthread_mutex_unlock(&lock);
	return r;
}

void rteec_op_end(struct rteec_pending *pd)
{
	if (!pd->op)
		return;
	pthread_mutex_lock(&lock);
	for (struct rteec_pending **pp = &in_flight; *pp; pp = &(*pp)->next) {
		if (*pp == pd) {
			*pp = pd->next;
			break;
		}
	}
	pthread_mutex_unlock(&lock);
	pd->op = NULL;
}

RTEEC_API void TEEC_RequestCancellation(TEEC_Operation *operation)
{
	struct tee_ioctl_cancel_arg arg;
	struct rteec_pending *pd;
	int fd = -1;

	if (!operation)
		return;
	pthread_mutex_lock(&lock);
	for (pd = in_flight; pd; pd = pd->next)
		if (pd->op == operation)
			break;
	if (pd) {
		pd->cancel_requested = true;
		fd = pd->fd;
		arg.cancel_id = pd->cancel_id;
		arg.session = pd->session_id;
	} else if (operation->started == 0) {
		operation->started = RTEEC_CANCELLED_BEFORE_START;
	}
	pthread_mutex_unlock(&lock);
	if (fd < 0)
		return;
	/*
	 * The call may finish meanwhile: its id is then unused and the TEE
	 * ignores the request. Opening sessions have no session id yet, and
	 * Linux refuses to forward those (EINVAL); the flag above still stops
	 * the call if it has not entered the TEE.
	 */
	if (ioctl(fd, TEE_IOC_CANCEL, &arg))
		rteec_log(arg.session ? RTEEC_LOG_ERROR : RTEEC_LOG_DEBUG,
			  "TEE_IOC_CANCEL(id %u, session %u): %s",
			  arg.cancel_id, arg.session, strerror(errno));
}
