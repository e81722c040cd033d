// SPDX-License-Identifier: BSD-2-Clause
/*
 * Sessions and calls: TEEC_OpenSession, TEEC_CloseSession,
 * TEEC_InvokeCommand over TEE_IOC_OPEN_SESSION / _CLOSE_SESSION / _INVOKE.
 *
 * Every call passes all four parameters (unused ones as NONE). The return
 * origin, when asked for, is always written: API for requests refused
 * here, COMMS when the ioctl itself fails, otherwise what the kernel
 * reports from the TEE.
 *
 * Logins: PUBLIC, USER and GROUP; the kernel derives the client identity
 * (GROUP: connectionData points to the uint32_t gid, of which the caller
 * must be a member). The APPLICATION kinds need an identity of the client
 * program that Linux does not compute: TEEC_ERROR_NOT_SUPPORTED (API).
 */
#include "teec_private.h"

#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>

union open_buf {
	struct tee_ioctl_open_session_arg arg;
	uint8_t raw[sizeof(struct tee_ioctl_open_session_arg) +
		    RTEEC_NPARAMS * sizeof(struct tee_ioctl_param)];
};

union invoke_buf {
	struct tee_ioctl_invoke_arg arg;
	uint8_t raw[sizeof(struct tee_ioctl_invoke_arg) +
		    RTEEC_NPARAMS * sizeof(struct tee_ioctl_param)];
};

/* RFC 4122 byte order: the three integer fields big-endian. */
static void uuid_octets(uint8_t d[TEE_IOCTL_UUID_LEN], const TEEC_UUID *u)
{
	d[0] = (uint8_t)(u->timeLow >> 24);
	d[1] = (uint8_t)(u->timeLow >> 16);
	d[2] = (uint8_t)(u->timeLow >> 8);
	d[3] = (uint8_t)u->timeLow;
	d[4] = (uint8_t)(u->timeMid >> 8);
	d[5] = (uint8_t)u->timeMid;
	d[6] = (uint8_t)(u->timeHiAndVersion >> 8);
	d[7] = (uint8_t)u->timeHiAndVersion;
	memcpy(d + 8, u->clockSeqAndNode, 8);
}

/* Client identity for the login; TEEC_SUCCESS or an API error. */
static TEEC_Result set_login(struct tee_ioctl_open_session_arg *arg,
			     uint32_t method, const void *data)
{
	uint32_t gid;

	switch (method) {
	case TEEC_LOGIN_PUBLIC:
	case TEEC_LOGIN_USER:
		break;
	case TEEC_LOGIN_GROUP:
		if (!data) {
			rteec_log(RTEEC_LOG_ERROR, "GROUP login without a gid");
			return TEEC_ERROR_BAD_PARAMETERS;
		}
		memcpy(&gid, data, sizeof(gid));
		/* The kernel reads the gid from the first bytes. */
		memcpy(arg->clnt_uuid, &gid, sizeof(gid));
		break;
	case TEEC_LOGIN_APPLICATION:
	case TEEC_LOGIN_USER_APPLICATION:
	case TEEC_LOGIN_GROUP_APPLICATION:
		rteec_log(RTEEC_LOG_ERROR,
			  "login method %u is not supported "
			  "(Linux computes no application identity)",
			  method);
		return TEEC_ERROR_NOT_SUPPORTED;
	default:
		rteec_log(RTEEC_LOG_ERROR, "unknown login method 0x%x", method);
		return TEEC_ERROR_BAD_PARAMETERS;
	}
	arg->clnt_login = method;
	return TEEC_SUCCESS;
}

static void set_origin(uint32_t *origin, uint32_t value)
{
	if (origin)
		*origin = value;
}

RTEEC_API TEEC_Result TEEC_OpenSession(TEEC_Context *context,
				       TEEC_Session *session,
				       const TEEC_UUID *destination,
				       uint32_t connectionMethod,
				       const void *connectionData,
				       TEEC_Operation *operation,
				       uint32_t *returnOrigin)
{
	struct tee_ioctl_buf_data buf_data;
	struct rteec_pending pending;
	struct rteec_params rp;
	union open_buf buf;
	TEEC_Result res;

	if (!context || !session || !destination) {
		set_origin(returnOrigin, TEEC_ORIGIN_API);
		return TEEC_ERROR_BAD_PARAMETERS;
	}
	session->ctx = NULL;
	session->session_id = 0;
	memset(&buf, 0, sizeof(buf));
	uuid_octets(buf.arg.uuid, destination);
	res = set_login(&buf.arg, connectionMethod, connectionData);
	if (res != TEEC_SUCCESS) {
		set_origin(returnOrigin, TEEC_ORIGIN_API);
		return res;
	}
	res = rteec_op_begin(&pending, operation, NULL, context->fd, 0);
	if (res != TEEC_SUCCESS) {
		set_origin(returnOrigin, TEEC_ORIGIN_API);
		return res;
	}
	res = rteec_params_in(context, operation, &rp);
	if (res == TEEC_SUCCESS && rteec_op_cancel_requested(&pending))
		res = TEEC_ERROR_CANCEL;
	if (res != TEEC_SUCCESS) {
		set_origin(returnOrigin, TEEC_ORIGIN_API);
		goto out;
	}
	buf.arg.cancel_id = pending.cancel_id;
	buf.arg.num_params = RTEEC_NPARAMS;
	memcpy(buf.arg.params, rp.p, sizeof(rp.p));
	buf_data.buf_ptr = (uintptr_t)&buf;
	buf_data.buf_len = sizeof(buf);
	if (ioctl(context->fd, TEE_IOC_OPEN_SESSION, &buf_data)) {
		int e = errno;

		rteec_log(RTEEC_LOG_ERROR, "TEE_IOC_OPEN_SESSION: %s",
			  strerror(e));
		res = rteec_errno_result(e);
		set_origin(returnOrigin, TEEC_ORIGIN_COMMS);
		goto out;
	}
	res = buf.arg.ret;
	set_origin(returnOrigin, buf.arg.ret_origin);
	memcpy(rp.p, buf.arg.params, sizeof(rp.p));
	rteec_params_out(operation, &rp);
	if (res == TEEC_SUCCESS) {
		session->ctx = context;
		session->session_id = buf.arg.session;
	}
	rteec_log(RTEEC_LOG_DEBUG, "open session: 0x%08x origin %u id %u", res,
		  buf.arg.ret_origin, buf.arg.session);
out:
	rteec_params_release(&rp);
	rteec_op_end(&pending);
	return res;
}

RTEEC_API void TEEC_CloseSession(TEEC_Session *session)
{
	struct tee_ioctl_close_session_arg arg;

	if (!session || !session->ctx)
		return;
	arg.session = session->session_id;
	if (ioctl(session->ctx->fd, TEE_IOC_CLOSE_SESSION, &arg))
		rteec_log(RTEEC_LOG_ERROR, "TEE_IOC_CLOSE_SESSION(%u): %s",
			  arg.session, strerror(errno));
	/* Closed: a second close, or an invoke, is refused here. */
	session->ctx = NULL;
}

RTEEC_API TEEC_Result TEEC_InvokeCommand(TEEC_Session *session,
					 uint32_t commandID,
					 TEEC_Operation *operation,
					 uint32_t *returnOrigin)
{
	struct tee_ioctl_buf_data buf_data;
	struct rteec_pending pending;
	struct rteec_params rp;
	union invoke_buf buf;
	TEEC_Context *ctx;
	TEEC_Result res;

	if (!session || !session->ctx) {
		set_origin(returnOrigin, TEEC_ORIGIN_API);
		return TEEC_ERROR_BAD_PARAMETERS;
	}
	ctx = session->ctx;
	res = rteec_op_begin(&pending, operation, session, ctx->fd,
			     session->session_id);
	if (res != TEEC_SUCCESS) {
		set_origin(returnOrigin, TEEC_ORIGIN_API);
		return res;
	}
	res = rteec_params_in(ctx, operation, &rp);
	if (res == TEEC_SUCCESS && rteec_op_cancel_requested(&pending))
		res = TEEC_ERROR_CANCEL;
	if (res != TEEC_SUCCESS) {
		set_origin(returnOrigin, TEEC_ORIGIN_API);
		goto out;
	}
	memset(&buf, 0, sizeof(buf));
	buf.arg.func = commandID;
	buf.arg.session = session->session_id;
	buf.arg.cancel_id = pending.cancel_id;
	buf.arg.num_params = RTEEC_NPARAMS;
	memcpy(buf.arg.params, rp.p, sizeof(rp.p));
	buf_data.buf_ptr = (uintptr_t)&buf;
	buf_data.buf_len = sizeof(buf);
	if (ioctl(ctx->fd, TEE_IOC_INVOKE, &buf_data)) {
		int e = errno;

		rteec_log(RTEEC_LOG_ERROR,
			  "TEE_IOC_INVOKE(session %u, cmd %u): "
			  "%s",
			  session->session_id, commandID, strerror(e));
		res = rteec_errno_result(e);
		set_origin(returnOrigin, TEEC_ORIGIN_COMMS);
		goto out;
	}
	res = buf.arg.ret;
	set_origin(returnOrigin, buf.arg.ret_origin);
	memcpy(rp.p, buf.arg.params, sizeof(rp.p));
	rteec_params_out(operation, &rp);
	rteec_log(RTEEC_LOG_DEBUG, "invoke session %u cmd %u: 0x%08x origin %u",
		  session->session_id, commandID, res, buf.arg.ret_origin);
out:
	rteec_params_release(&rp);
	rteec_op_end(&pending);
	return res;
}
