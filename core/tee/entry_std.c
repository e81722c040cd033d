/*
 * Yielding calls: find the message, copy it into secure memory, decode it
 * completely, perform it, write the results back. The normal world's copy
 * is read once; whatever it does to it afterwards changes nothing here.
 */
#include <kernel/log.h>
#include <kernel/thread.h>
#include <rampart/abi/optee_smc.h>
#include <string.h>
#include <tee/session.h>
#include <tee/shm.h>
#include <tee/std_call.h>
#include <tee/tee_param.h>

/* Open session: 2 meta params + 4 TA params. */
#define MSG_MAX_PARAMS 6
#define META_VALUE_IN (OPTEE_MSG_ATTR_TYPE_VALUE_INPUT | OPTEE_MSG_ATTR_META)

struct msg {
	struct optee_msg_arg hdr;
	struct optee_msg_param params[MSG_MAX_PARAMS];
};

static void set_ret(struct msg *m, TEE_Result ret, uint32_t origin)
{
	m->hdr.ret = ret;
	m->hdr.ret_origin = origin;
}

/*
 * The logins a normal-world client can claim (GP client API, plus OP-TEE's
 * REE_KERNEL). TEE_LOGIN_TRUSTED_APP is the core's to give: a normal world
 * claiming it would pose as a TA to the TA it opens.
 */
static bool login_from_normal_world_ok(uint32_t login)
{
	switch (login) {
	case TEE_LOGIN_PUBLIC:
	case 1: /* USER */
	case 2: /* GROUP */
	case 4: /* APPLICATION */
	case 5: /* APPLICATION_USER */
	case 6: /* APPLICATION_GROUP */
	case TEE_LOGIN_REE_KERNEL:
		return true;
	default:
		return false;
	}
}

static void open_session(struct std_call *call, struct msg *m)
{
	struct optee_msg_param *p = m->params;
	struct tee_call_params cp;
	struct tee_identity client;
	uint8_t uuid[16];
	uint32_t origin = TEE_ORIGIN_TEE, id = 0;
	TEE_Result res;

	if (m->hdr.num_params < 2 || p[0].attr != META_VALUE_IN ||
	    p[1].attr != META_VALUE_IN) {
		set_ret(m, TEE_ERROR_BAD_PARAMETERS, TEE_ORIGIN_TEE);
		return;
	}
	/* The UUID's 16 octets are laid over value.a then value.b. */
	memcpy(uuid, &p[0].u.value.a, 8);
	memcpy(uuid + 8, &p[0].u.value.b, 8);
	res = msg_params_decode(p + 2, m->hdr.num_params - 2, &cp);
	if (res) {
		set_ret(m, res, TEE_ORIGIN_TEE);
		return;
	}
	/* The client's UUID (for non-public logins) is laid out the same. */
	client.login = (uint32_t)p[1].u.value.c;
	if (!login_from_normal_world_ok(client.login)) {
		core_log("open session: login 0x%x refused", client.login);
		set_ret(m, TEE_ERROR_BAD_PARAMETERS, TEE_ORIGIN_TEE);
		return;
	}
	memcpy(client.uuid, &p[1].u.value.a, 8);
	memcpy(client.uuid + 8, &p[1].u.value.b, 8);
	call->in_session = true;
	res = session_open(uuid, &client, NULL, &cp, &id, &origin);
	call->in_session = false;
	if (msg_params_encode(&cp, p + 2, m->hdr.num_params - 2, res) && !res) {
		/* Results could not be delivered: undo the open. */
		session_close(id, NULL);
		res = TEE_ERROR_COMMUNICATION;
		origin = TEE_ORIGIN_TEE;
	}
	m->hdr.session = res ? 0 : id;
	set_ret(m, res, origin);
}

static void invoke(struct std_call *call, struct msg *m)
{
	struct tee_call_params cp;
	uint32_t origin = TEE_ORIGIN_TEE;
	TEE_Result res;

	res = msg_params_decode(m->params, m->hdr.num_params, &cp);
	if (res) {
		set_ret(m, res, TEE_ORIGIN_TEE);
		return;
	}
	call->session = m->hdr.session;
	call->cancel_id = m->hdr.cancel_id;
	call->in_session = true;
	res = session_invoke(m->hdr.session, NULL, m->hdr.func, &cp, &origin);
	call->in_session = false;
	if (msg_params_encode(&cp, m->params, m->hdr.num_params, res) && !res) {
		res = TEE_ERROR_COMMUNICATION;
		origin = TEE_ORIGIN_TEE;
	}
	set_ret(m, res, origin);
}

static void register_shm(struct msg *m)
{
	const struct optee_msg_param *p = m->params;
	struct shm *s;
	TEE_Result res;

	if (m->hdr.num_params != 1 ||
	    (p->attr & ~(uint64_t)OPTEE_MSG_ATTR_TYPE_MASK) !=
		    OPTEE_MSG_ATTR_NONCONTIG ||
	    (p->attr & OPTEE_MSG_ATTR_TYPE_MASK) <
		    OPTEE_MSG_ATTR_TYPE_TMEM_INPUT ||
	    (p->attr & OPTEE_MSG_ATTR_TYPE_MASK) >
		    OPTEE_MSG_ATTR_TYPE_TMEM_INOUT) {
		set_ret(m, TEE_ERROR_BAD_PARAMETERS, TEE_ORIGIN_TEE);
		return;
	}
	res = shm_from_page_list(p->u.tmem.buf_ptr, p->u.tmem.size,
				 p->u.tmem.shm_ref, &s);
	if (!res) {
		res = shm_register(s);
		if (res)
			shm_destroy(s);
	}
	set_ret(m, res, TEE_ORIGIN_TEE);
}

static void unregister_shm(struct msg *m)
{
	const struct optee_msg_param *p = m->params;

	if (m->hdr.num_params != 1 ||
	    p->attr != OPTEE_MSG_ATTR_TYPE_RMEM_INPUT) {
		set_ret(m, TEE_ERROR_BAD_PARAMETERS, TEE_ORIGIN_TEE);
		return;
	}
	set_ret(m, shm_unregister(p->u.rmem.shm_ref), TEE_ORIGIN_TEE);
}

/* Where the message is: a physical address or a registered buffer. */
static uint32_t locate_arg(const struct smc_args *a, struct std_call *call)
{
	uint32_t fid = (uint32_t)a->a[0];
	uint64_t hi = (uint32_t)a->a[1], lo = (uint32_t)a->a[2];

	if (fid == OPTEE_SMC_CALL_WITH_REGD_ARG) {
		struct shm *s = shm_get(hi << 32 | lo);
		uint64_t offs = (uint32_t)a->a[3];

		if (!s)
			return OPTEE_SMC_RETURN_EBADADDR;
		if (offs >= s->size || !IS_ALIGNED(offs, 8)) {
			shm_put(s);
			return OPTEE_SMC_RETURN_EBADADDR;
		}
		call->arg = (struct ns_buf){
			.shm = s, .offs = offs, .size = s->size - offs};
		return OPTEE_SMC_RETURN_OK;
	}
	if (!IS_ALIGNED(hi << 32 | lo, 8))
		return OPTEE_SMC_RETURN_EBADADDR;
	/* Bounded by what a message plus its RPC area can occupy. */
	call->arg = (struct ns_buf){
		.pa = hi << 32 | lo,
		.size = OPTEE_MSG_GET_ARG_SIZE(MSG_MAX_PARAMS) +
			OPTEE_MSG_GET_ARG_SIZE(OPTEE_RPC_MAX_PARAMS),
	};
	return OPTEE_SMC_RETURN_OK;
}

void tee_entry_std(struct thread *t, uint64_t out[4])
{
	struct std_call call = {0};
	struct msg m;
	size_t len;
	uint32_t ret;

	out[0] = OPTEE_SMC_RETURN_OK;
	out[1] = out[2] = out[3] = 0;
	ret = locate_arg(&t->args, &call);
	if (ret != OPTEE_SMC_RETURN_OK) {
		out[0] = ret;
		return;
	}
	if (ns_buf_read(&call.arg, 0, &m.hdr, sizeof(m.hdr))) {
		out[0] = OPTEE_SMC_RETURN_EBADADDR;
		goto done;
	}
	if (m.hdr.num_params > MSG_MAX_PARAMS) {
		out[0] = OPTEE_SMC_RETURN_EBADCMD;
		goto done;
	}
	len = OPTEE_MSG_GET_ARG_SIZE(m.hdr.num_params);
	if (ns_buf_read(&call.arg, sizeof(m.hdr), m.params,
			len - sizeof(m.hdr))) {
		out[0] = OPTEE_SMC_RETURN_EBADADDR;
		goto done;
	}
	/* With the RPC_ARG capability the RPC area follows the message. */
	call.rpc_arg = call.arg;
	call.rpc_arg.offs += len;
	call.rpc_arg.pa += call.arg.shm ? 0 : len;
	call.rpc_arg.size = call.arg.size > len ? call.arg.size - len : 0;
	if (call.rpc_arg.size > OPTEE_MSG_GET_ARG_SIZE(OPTEE_RPC_MAX_PARAMS))
		call.rpc_arg.size =
			OPTEE_MSG_GET_ARG_SIZE(OPTEE_RPC_MAX_PARAMS);
	if (!call.arg.shm)
		call.rpc_arg.offs = 0;
	t->call = &call;

	switch (m.hdr.cmd) {
	case OPTEE_MSG_CMD_OPEN_SESSION:
		open_session(&call, &m);
		break;
	case OPTEE_MSG_CMD_INVOKE_COMMAND:
		invoke(&call, &m);
		break;
	case OPTEE_MSG_CMD_CLOSE_SESSION:
		set_ret(&m, session_close(m.hdr.session, NULL), TEE_ORIGIN_TEE);
		break;
	case OPTEE_MSG_CMD_CANCEL:
		session_cancel(m.hdr.session, m.hdr.cancel_id);
		set_ret(&m, TEE_SUCCESS, TEE_ORIGIN_TEE);
		break;
	case OPTEE_MSG_CMD_REGISTER_SHM:
		register_shm(&m);
		break;
	case OPTEE_MSG_CMD_UNREGISTER_SHM:
		unregister_shm(&m);
		break;
	default:
		out[0] = OPTEE_SMC_RETURN_EBADCMD;
		goto done;
	}
	t = thread_current();
	t->call = NULL;
	if (ns_buf_write(&call.arg, 0, &m, len))
		out[0] = OPTEE_SMC_RETURN_EBADADDR;
done:
	thread_current()->call = NULL;
	if (call.arg.shm)
		shm_put(call.arg.shm);
}
