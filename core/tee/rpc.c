/* RPC requests through the RPC argument area the normal world provides. */
#include <kernel/log.h>
#include <kernel/thread.h>
#include <rampart/abi/optee_smc.h>
#include <string.h>
#include <tee/rpc.h>
#include <tee/shm.h>
#include <tee/std_call.h>

struct rpc_msg {
	struct optee_msg_arg hdr;
	struct optee_msg_param params[OPTEE_RPC_MAX_PARAMS];
};

TEE_Result rpc_cmd(uint32_t cmd, size_t n, struct optee_msg_param *params)
{
	struct thread *t = thread_current();
	struct rpc_msg msg = { 0 };
	size_t len = OPTEE_MSG_GET_ARG_SIZE(n);

	if (!t || !t->call || n > OPTEE_RPC_MAX_PARAMS)
		return TEE_ERROR_BAD_STATE;
	msg.hdr.cmd = cmd;
	msg.hdr.ret = TEE_ERROR_GENERIC; /* if nobody answers */
	msg.hdr.num_params = (uint32_t)n;
	memcpy(msg.params, params, n * sizeof(*params));
	if (ns_buf_write(&t->call->rpc_arg, 0, &msg, len))
		return TEE_ERROR_COMMUNICATION;

	thread_rpc(OPTEE_SMC_RPC_FUNC_CMD, 0, 0);

	/* One copy back; everything below uses the secure copy only. */
	t = thread_current();
	if (ns_buf_read(&t->call->rpc_arg, 0, &msg, len))
		return TEE_ERROR_COMMUNICATION;
	if (msg.hdr.num_params != n)
		return TEE_ERROR_COMMUNICATION;
	for (size_t i = 0; i < n; i++) {
		/* Only SHM_ALLOC replies may change a param's attribute. */
		if (msg.params[i].attr != params[i].attr &&
		    cmd != OPTEE_RPC_CMD_SHM_ALLOC)
			return TEE_ERROR_COMMUNICATION;
	}
	memcpy(params, msg.params, n * sizeof(*params));
	return msg.hdr.ret;
}

void rpc_yield(void) { thread_rpc(OPTEE_SMC_RPC_FUNC_FOREIGN_INTR, 0, 0); }

TEE_Result rpc_shm_alloc(uint32_t type, size_t size, struct shm **out)
{
	struct optee_msg_param p = {
		.attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT,
		.u.value = { .a = type, .b = size, .c = 4096 },
	};
	TEE_Result res;
	struct shm *s;

	if (!size || size > SHM_MAX_SIZE)
		return TEE_ERROR_BAD_PARAMETERS;
	res = rpc_cmd(OPTEE_RPC_CMD_SHM_ALLOC, 1, &p);
	if (res)
		return res;
	/* The page list is freed by Linux soon: copy it now. */
	if (p.u.tmem.size < size)
		res = TEE_ERROR_COMMUNICATION;
	else if (p.attr == (OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT |
		       OPTEE_MSG_ATTR_NONCONTIG))
		res = shm_from_page_list(p.u.tmem.buf_ptr, size,
					 p.u.tmem.shm_ref, &s);
	else if (p.attr == OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT)
		res = shm_from_contiguous(p.u.tmem.buf_ptr, size,
					  p.u.tmem.shm_ref, &s);
	else
		res = TEE_ERROR_COMMUNICATION;
	if (res) {
		/* Hand it back so the normal world does not leak it. */
		struct optee_msg_param f = {
			.attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT,
			.u.value = { .a = type, .b = p.u.tmem.shm_ref },
		};

		rpc_cmd(OPTEE_RPC_CMD_SHM_FREE, 1, &f);
		return res;
	}
	s->contiguous = p.attr == OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT;
	s->contiguous_pa = p.u.tmem.buf_ptr;
	*out = s;
	return TEE_SUCCESS;
}

void rpc_shm_free(uint32_t type, struct shm *s)
{
	struct optee_msg_param p = {
		.attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT,
		.u.value = { .a = type, .b = s->cookie },
	};

	if (rpc_cmd(OPTEE_RPC_CMD_SHM_FREE, 1, &p))
		core_log("SHM_FREE of cookie 0x%lx failed", s->cookie);
	shm_destroy(s);
}

void rpc_memref_param(struct optee_msg_param *p, uint64_t attr_type,
		      const struct shm *s, uint64_t offs, uint64_t size)
{
	/* attr_type is a TMEM_* type; RMEM_* is 4 below it. */
	if (s->contiguous) {
		p->attr = attr_type;
		p->u.tmem.buf_ptr = s->contiguous_pa + offs;
		p->u.tmem.size = size;
		p->u.tmem.shm_ref = s->cookie;
	} else {
		p->attr = attr_type - 4;
		p->u.rmem.offs = offs;
		p->u.rmem.size = size;
		p->u.rmem.shm_ref = s->cookie;
	}
}
