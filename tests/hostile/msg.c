/*
 * Hostile payload, messages: building OP-TEE message args, making the
 * yielding calls that carry them, test-PTA sessions and invocations, and
 * registering and unregistering shared memory by page list.
 */
#include "hostile.h"

/* ------------------------------------------------------------------------ */
/* Message buffers and calls                                                 */

struct optee_msg_arg *arg_at(uint64_t pa)
{
	return (struct optee_msg_arg *)(uintptr_t)pa;
}

struct optee_msg_arg *arg_init(uint64_t pa, uint32_t cmd, uint32_t n)
{
	struct optee_msg_arg *a = arg_at(pa);

	/* Arg buffers placed at the very end of DRAM get a shorter clear. */
	memset(a, 0, pa + ARG_SLOT > DRAM_END ? DRAM_END - pa : ARG_SLOT);
	a->cmd = cmd;
	a->num_params = n;
	return a;
}

/* Where the core puts its RPC request: right after the actual params. */
uint64_t rpc_area(uint64_t arg_pa)
{
	uint32_t n = arg_at(arg_pa)->num_params;

	return arg_pa + OPTEE_MSG_GET_ARG_SIZE(n > 6 ? 6 : n);
}

/* The call @fid with the message at @pa, RPCs served until it ends. */
struct res call_pa(uint32_t fid, uint64_t pa)
{
	uint64_t rpc_pa = rpc_area(pa);

	return finish_call(smc_arg(fid, pa), rpc_pa);
}

/* call_pa, returning arg.ret and storing a0 in *@a0. */
uint32_t call_ret(uint32_t fid, uint64_t pa, uint64_t *a0)
{
	struct res r = call_pa(fid, pa);

	*a0 = r.a0;
	return arg_at(pa)->ret;
}

struct res regd_call(uint64_t cookie, uint64_t offs)
{
	return smc(OPTEE_SMC_CALL_WITH_REGD_ARG, cookie >> 32, (uint32_t)cookie,
		   offs);
}

/* ------------------------------------------------------------------------ */
/* Test-PTA sessions and commands                                            */

static void set_uuid(struct optee_msg_param *p)
{
	static const uint8_t uuid[16] = PTA_TEST_UUID_OCTETS;
	uint64_t a = 0, b = 0;

	for (int i = 7; i >= 0; i--) {
		a = a << 8 | uuid[i];
		b = b << 8 | uuid[8 + i];
	}
	p->u.value.a = a;
	p->u.value.b = b;
}

void build_open(uint64_t pa)
{
	struct optee_msg_arg *a = arg_init(pa, OPTEE_MSG_CMD_OPEN_SESSION, 2);

	a->params[0].attr = ATTR_META_VALUE_IN;
	set_uuid(&a->params[0]);
	a->params[1].attr = ATTR_META_VALUE_IN;
	a->params[1].u.value.c = OPTEE_MSG_LOGIN_PUBLIC;
}

/* Opens a test-PTA session; 0 on failure (recorded). */
uint32_t open_session(uint64_t pa)
{
	struct optee_msg_arg *a;
	struct res r;

	build_open(pa);
	r = call_pa(OPTEE_SMC_CALL_WITH_ARG, pa);
	a = arg_at(pa);
	check(r.a0 == 0 && a->ret == 0 && a->session,
	      "open session: a0=0x%lx ret=0x%x session=%u", r.a0, a->ret,
	      a->session);
	return r.a0 == 0 && a->ret == 0 ? a->session : 0;
}

/*
 * Starts attack @name with a session opened at ARG_MAIN; without one the
 * attack is ended at once (the failure is recorded) and 0 is returned.
 */
uint32_t t_begin_session(const char *name)
{
	uint32_t session;

	t_begin(name);
	session = open_session(ARG_MAIN);
	if (!session)
		t_end(NULL);
	return session;
}

void close_session(uint64_t pa, uint32_t session)
{
	struct optee_msg_arg *a = arg_init(pa, OPTEE_MSG_CMD_CLOSE_SESSION, 0);
	struct res r;

	a->session = session;
	r = call_pa(OPTEE_SMC_CALL_WITH_ARG, pa);
	check(r.a0 == 0 && a->ret == 0, "close session %u: a0=0x%lx ret=0x%x",
	      session, r.a0, a->ret);
}

struct optee_msg_arg *build_invoke(uint64_t pa, uint32_t session, uint32_t func,
				   uint32_t n)
{
	struct optee_msg_arg *a = arg_init(pa, OPTEE_MSG_CMD_INVOKE_COMMAND, n);

	a->session = session;
	a->func = func;
	return a;
}

void build_add(uint64_t pa, uint32_t session, uint32_t x, uint32_t y)
{
	struct optee_msg_arg *a =
		build_invoke(pa, session, PTA_TEST_CMD_ADD, 2);

	a->params[0].attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT;
	a->params[0].u.value.a = x;
	a->params[0].u.value.b = y;
	a->params[1].attr = OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT;
	a->params[1].u.value.a = 0xdeadbeef;
}

/* A clean ADD; true when it worked. */
bool invoke_add(uint64_t pa, uint32_t session, uint32_t x, uint32_t y)
{
	struct optee_msg_arg *a;
	struct res r;

	build_add(pa, session, x, y);
	r = call_pa(OPTEE_SMC_CALL_WITH_ARG, pa);
	a = arg_at(pa);
	check(r.a0 == 0 && a->ret == 0 &&
		      a->params[1].u.value.a == (uint32_t)(x + y) &&
		      a->params[1].u.value.b == (x ^ y),
	      "ADD %u+%u: a0=0x%lx ret=0x%x out=%lu", x, y, r.a0, a->ret,
	      a->params[1].u.value.a);
	return r.a0 == 0 && a->ret == 0 &&
	       a->params[1].u.value.a == (uint32_t)(x + y);
}

void build_get_time(uint64_t pa, uint32_t session)
{
	struct optee_msg_arg *a =
		build_invoke(pa, session, PTA_TEST_CMD_RPC_GET_TIME, 1);

	a->params[0].attr = OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT;
}

/* A GET_TIME at @pa, left at its first exit (normally its RPC). */
struct res start_get_time(uint64_t pa, uint32_t session)
{
	build_get_time(pa, session);
	return smc_arg(OPTEE_SMC_CALL_WITH_ARG, pa);
}

/* PTA_TEST_CMD_RPC_SHM: the PTA asks for @size bytes by SHM_ALLOC. */
struct optee_msg_arg *build_rpc_shm(uint64_t pa, uint32_t session,
				    uint32_t size)
{
	struct optee_msg_arg *a =
		build_invoke(pa, session, PTA_TEST_CMD_RPC_SHM, 1);

	a->params[0].attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT;
	a->params[0].u.value.a = size;
	a->params[0].u.value.b = 0;
	return a;
}

/* ------------------------------------------------------------------------ */
/* Shared-memory registration                                                */

/* Page list page: @n entries from @pages, then @next. */
void build_list(uint64_t list_pa, const uint64_t *pages, unsigned int n,
		uint64_t next)
{
	uint64_t *e = (uint64_t *)(uintptr_t)list_pa;

	memset(e, 0, OPTEE_MSG_NONCONTIG_PAGE_SIZE);
	for (unsigned int i = 0; i < n && i < OPTEE_MSG_PAGE_LIST_ENTRIES; i++)
		e[i] = pages[i];
	e[OPTEE_MSG_PAGE_LIST_ENTRIES] = next;
}

/* REGISTER_SHM through CALL_WITH_RPC_ARG at @arg_pa; returns arg.ret. */
uint32_t register_shm_attr(uint64_t arg_pa, uint64_t attr, uint64_t buf_ptr,
			   uint64_t size, uint64_t cookie, uint64_t *a0)
{
	struct optee_msg_arg *a =
		arg_init(arg_pa, OPTEE_MSG_CMD_REGISTER_SHM, 1);

	a->ret = RET_UNTOUCHED;
	a->params[0].attr = attr;
	a->params[0].u.tmem.buf_ptr = buf_ptr;
	a->params[0].u.tmem.size = size;
	a->params[0].u.tmem.shm_ref = cookie;
	return call_ret(OPTEE_SMC_CALL_WITH_RPC_ARG, arg_pa, a0);
}

uint32_t register_shm(uint64_t buf_ptr, uint64_t size, uint64_t cookie,
		      uint64_t *a0)
{
	return register_shm_attr(ARG_MAIN, ATTR_REG_SHM, buf_ptr, size, cookie,
				 a0);
}

uint32_t unregister_shm(uint64_t cookie, uint64_t *a0)
{
	struct optee_msg_arg *a =
		arg_init(ARG_MAIN, OPTEE_MSG_CMD_UNREGISTER_SHM, 1);

	a->ret = RET_UNTOUCHED;
	a->params[0].attr = OPTEE_MSG_ATTR_TYPE_RMEM_INPUT;
	a->params[0].u.rmem.shm_ref = cookie;
	return call_ret(OPTEE_SMC_CALL_WITH_RPC_ARG, ARG_MAIN, a0);
}

/* Registers DATA(first)..DATA(first+n-1) (n <= 511) with list page LIST(l). */
bool register_pages(unsigned int l, unsigned int first, unsigned int n,
		    uint64_t cookie)
{
	uint64_t pages[16], a0;
	uint32_t ret;

	for (unsigned int i = 0; i < n && i < 16; i++)
		pages[i] = DATA(first + i);
	build_list(LIST(l), pages, n, 0);
	ret = register_shm(LIST(l), (uint64_t)n * 4096, cookie, &a0);
	check(a0 == 0 && ret == 0, "register 0x%lx: a0=0x%lx ret=0x%x", cookie,
	      a0, ret);
	return a0 == 0 && ret == 0;
}

void unregister_ok(uint64_t cookie)
{
	uint64_t a0;
	uint32_t ret = unregister_shm(cookie, &a0);

	check(a0 == 0 && ret == 0, "unregister 0x%lx: a0=0x%lx ret=0x%x",
	      cookie, a0, ret);
}
