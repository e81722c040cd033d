/*
 * Hostile payload, RPC answers: serves the core's RPC requests the way
 * tee-supplicant would (GET_TIME, SHM_ALLOC, SHM_FREE), or lies in the
 * answer as rpc_lie and alloc_mode ask.
 */
#include "hostile.h"

enum rpc_lie rpc_lie;
unsigned int rpc_served;

enum alloc_mode alloc_mode;
unsigned int alloc_count, free_count;
uint64_t alloc_cookie, freed_cookie;

static void serve_shm_alloc(struct optee_msg_arg *m)
{
	struct optee_msg_param *p = &m->params[0];
	uint64_t size = p->u.value.b, pages[16];
	uint64_t contig = ALLOC_CONTIG_BASE;
	unsigned int n = (unsigned int)((size + 4095) / 4096);

	alloc_count++;
	alloc_cookie = 0xa110c00000000000ull + alloc_count;
	if (n > 16)
		n = 16;
	for (unsigned int i = 0; i < n; i++)
		pages[i] = ALLOC_LIST_DATA(i);
	p->attr = OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT;
	p->u.tmem.size = size;
	p->u.tmem.shm_ref = alloc_cookie;
	m->ret = TEE_SUCCESS;
	switch (alloc_mode) {
	case ALLOC_OK_CONTIG:
		break;
	case ALLOC_SECURE_CONTIG:
		contig = CORE_RAM;
		break;
	case ALLOC_CROSS_END:
		contig = DRAM_END - 0x1000;
		break;
	case ALLOC_SHORT:
		p->u.tmem.size = size - 1;
		break;
	case ALLOC_ATTR_RMEM:
		p->attr = OPTEE_MSG_ATTR_TYPE_RMEM_OUTPUT;
		break;
	case ALLOC_ATTR_VALUE:
		p->attr = OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT;
		break;
	case ALLOC_FAIL:
		p->attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT;
		p->u.tmem.size = 0;
		m->ret = TEE_ERROR_OUT_OF_MEMORY;
		return;
	case ALLOC_LIST_SECURE_ENTRY:
		pages[n - 1] = CORE_RAM;
		/* fall through */
	case ALLOC_OK_LIST:
	case ALLOC_LIST_PAGE_SECURE:
		build_list(ALLOC_LIST_PAGE, pages, n, 0);
		p->attr |= OPTEE_MSG_ATTR_NONCONTIG;
		contig = alloc_mode == ALLOC_LIST_PAGE_SECURE ? CORE_RAM
							      : ALLOC_LIST_PAGE;
		break;
	}
	p->u.tmem.buf_ptr = contig;
}

/* Answers one OPTEE_RPC_CMD request the way tee-supplicant would. */
void serve_rpc_msg(uint64_t pa)
{
	struct optee_msg_arg *m = arg_at(pa);

	rpc_served++;
	if (m->cmd == OPTEE_RPC_CMD_GET_TIME && m->num_params == 1 &&
	    m->params[0].attr == OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT) {
		m->params[0].u.value.a = RPC_TIME_A;
		m->params[0].u.value.b = RPC_TIME_B;
		m->ret = TEE_SUCCESS;
	} else if (m->cmd == OPTEE_RPC_CMD_SHM_ALLOC && m->num_params == 1 &&
		   m->params[0].attr == OPTEE_MSG_ATTR_TYPE_VALUE_INPUT) {
		serve_shm_alloc(m);
	} else if (m->cmd == OPTEE_RPC_CMD_SHM_FREE && m->num_params == 1 &&
		   m->params[0].attr == OPTEE_MSG_ATTR_TYPE_VALUE_INPUT) {
		free_count++;
		freed_cookie = m->params[0].u.value.b;
		m->ret = TEE_SUCCESS;
	} else if (m->cmd == OPTEE_RPC_CMD_LOAD_TA) {
		/* Like a supplicant with no such file: unknown UUIDs stay unknown. */
		m->ret = TEE_ERROR_ITEM_NOT_FOUND;
	} else {
		m->ret = TEE_ERROR_NOT_SUPPORTED;
	}
	switch (rpc_lie) {
	case LIE_NONE:
		break;
	case LIE_NUM_PARAMS_3:
		m->num_params = 3;
		break;
	case LIE_NUM_PARAMS_HUGE:
		m->num_params = 0xffffffffu;
		break;
	case LIE_ATTR:
		m->params[0].attr = OPTEE_MSG_ATTR_TYPE_VALUE_INOUT;
		break;
	case LIE_ATTR_TMEM:
		m->params[0].attr = OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT;
		m->params[0].u.tmem.buf_ptr = SECURE_RAM;
		m->params[0].u.tmem.size = 64;
		break;
	}
}

/* One RETURN_FROM_RPC answering the RPC exit @r. */
static struct res answer_rpc(const struct res *r, uint64_t rpc_pa)
{
	uint32_t func = (uint32_t)r->a0 & 0xffffu;
	uint64_t a1 = r->a1, a2 = r->a2;

	if (func == OPTEE_SMC_RPC_FUNC_CMD)
		serve_rpc_msg(rpc_pa);
	else if (func == OPTEE_SMC_RPC_FUNC_ALLOC)
		a1 = a2 = 0; /* no memory for you */
	return smc(OPTEE_SMC_CALL_RETURN_FROM_RPC, a1, a2, r->a3);
}

/* Serves RPCs until the call ends (bounded). */
struct res finish_call(struct res r, uint64_t rpc_pa)
{
	for (int i = 0; i < 64 && is_rpc(r.a0); i++)
		r = answer_rpc(&r, rpc_pa);
	check(!is_rpc(r.a0), "call still in RPC after 64 answers (a0=0x%lx)",
	      r.a0);
	return r;
}

/*
 * Answers the RPC command the call with its message at @arg_pa is parked
 * in (exit @r), resumes it with its own token and serves it to the end.
 */
struct res serve_and_finish(struct res r, uint64_t arg_pa)
{
	uint64_t rpc = rpc_area(arg_pa);

	serve_rpc_msg(rpc);
	return finish_call(resume_rpc(r), rpc);
}
