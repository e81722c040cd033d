/*
 * Rampart hostile normal-world payload: booted at NS-EL1 instead of Linux,
 * it sends the secure world malformed SMCs and messages and checks that
 * each one is answered with an error code and that the core stays alive.
 *
 * Runs with the MMU off (all accesses Device memory, aligned only). Each
 * attack ends with one "@@RESULT name pass|fail detail@@" line on UART0.
 */
#include <fmt.h>
#include <stdarg.h>
#include <stdint.h>
#include <string.h>

#include <rampart/abi/optee_msg.h>
#include <rampart/abi/optee_smc.h>
#include <rampart/abi/pta_test.h>
#include <rampart/types.h>

/* ------------------------------------------------------------------------ */
/* Platform facts (plat/qemu_virt) and the payload's memory map.             */

#define UART0_BASE 0x09000000ul
#define UART_DR 0x00
#define UART_FR 0x18
#define UART_FR_TXFF (1u << 5)

#define SECURE_RAM 0x0e000000ull
#define CORE_RAM 0x0e100000ull
#define DRAM_BASE 0x40000000ull
#define DRAM_END 0x80000000ull /* -m 1024 */

/* Message buffers and page lists: NS DRAM 0x44000000-0x46000000. */
#define ARG_MAIN 0x44000000ull
#define ARG_T(i) (0x44001000ull + (uint64_t)(i)*0x1000) /* i < 8 */
#define ARG_SMP 0x44010000ull
#define LIST(i) (0x44100000ull + (uint64_t)(i)*0x1000) /* i < 64 */
#define DATA(i) (0x44200000ull + (uint64_t)(i)*0x1000) /* i < 1024 */
#define ARG_SLOT 1024 /* bytes cleared per message buffer */

#define PSCI_CPU_SUSPEND 0x84000001u
#define PSCI_CPU_OFF 0x84000002u
#define PSCI_CPU_ON_64 0xc4000003u
#define PSCI_AFFINITY_INFO_64 0xc4000004u
#define PSCI_SYSTEM_OFF 0x84000008u
#define PSCI_AFF_OFF 1

#define RESULT_SMCCC_NOT_SUPPORTED 0xffffffffffffffffull
#define RPC_TIME_A 12345u
#define RPC_TIME_B 678u
#define NUM_THREADS 4

#define ATTR_META_VALUE_IN                                                     \
	(OPTEE_MSG_ATTR_TYPE_VALUE_INPUT | OPTEE_MSG_ATTR_META)
#define ATTR_REG_SHM                                                           \
	(OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT | OPTEE_MSG_ATTR_NONCONTIG)

void smc_call(const uint64_t in[8], uint64_t out[4]);
extern char secondary_entry[];
void hostile_main(uint64_t dtb);
void hostile_secondary(uint64_t ctx);
void hostile_exception(uint64_t vec, uint64_t esr, uint64_t elr, uint64_t far);

/* ------------------------------------------------------------------------ */
/* Console                                                                   */

static void uart_putc(char c)
{
	volatile uint32_t *fr = (volatile uint32_t *)(UART0_BASE + UART_FR);
	volatile uint32_t *dr = (volatile uint32_t *)(UART0_BASE + UART_DR);

	for (unsigned int i = 0; i < 1000000 && (*fr & UART_FR_TXFF); i++)
		;
	*dr = (uint8_t)c;
}

static void con_puts(const char *s)
{
	while (*s) {
		if (*s == '\n')
			uart_putc('\r');
		uart_putc(*s++);
	}
}

static void __attribute__((format(printf, 1, 2))) con_printf(const char *f, ...)
{
	char buf[320];
	va_list ap;

	va_start(ap, f);
	fmt_vsnprintf(buf, sizeof(buf), f, ap);
	va_end(ap);
	con_puts(buf);
}

/* ------------------------------------------------------------------------ */
/* Time (for bounded waits) and SMCs                                         */

static uint64_t now_ticks(void)
{
	uint64_t v;

	__asm__ volatile("isb; mrs %0, cntvct_el0" : "=r"(v)::"memory");
	return v;
}

static uint64_t ticks_per_ms(void)
{
	uint64_t f;

	__asm__ volatile("mrs %0, cntfrq_el0" : "=r"(f));
	if (!f)
		f = 62500000;
	return f / 1000;
}

static uint64_t deadline_ms(uint64_t ms)
{
	return now_ticks() + ms * ticks_per_ms();
}

static bool expired(uint64_t deadline)
{
	return now_ticks() >= deadline;
}

struct res {
	uint64_t a0, a1, a2, a3;
};

static struct res smc6(uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3,
		       uint64_t a4, uint64_t a5)
{
	uint64_t in[8] = {a0, a1, a2, a3, a4, a5, 0, 0};
	uint64_t out[4];
	struct res r;

	smc_call(in, out);
	r.a0 = out[0];
	r.a1 = out[1];
	r.a2 = out[2];
	r.a3 = out[3];
	return r;
}

static struct res smc(uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3)
{
	return smc6(a0, a1, a2, a3, 0, 0);
}

static bool is_rpc(uint64_t a0)
{
	return (a0 & 0xffff0000u) == OPTEE_SMC_RETURN_RPC_PREFIX &&
	       a0 != OPTEE_SMC_RETURN_UNKNOWN_FUNCTION && (a0 >> 32) == 0;
}

/* ------------------------------------------------------------------------ */
/* Checks                                                                    */

static struct {
	const char *name;
	unsigned int checks, fails;
	char first[200];
} T;
static unsigned int attacks_run, attacks_failed;

static void t_begin(const char *name)
{
	memset(&T, 0, sizeof(T));
	T.name = name;
	con_printf("hostile: -- %s\n", name);
}

static void __attribute__((format(printf, 2, 3)))
check(bool ok, const char *f, ...)
{
	char buf[200];
	va_list ap;

	T.checks++;
	if (ok)
		return;
	va_start(ap, f);
	fmt_vsnprintf(buf, sizeof(buf), f, ap);
	va_end(ap);
	T.fails++;
	con_printf("hostile:    FAIL %s\n", buf);
	if (!T.first[0])
		memcpy(T.first, buf, sizeof(buf));
}

static void check_eq(const char *what, uint64_t got, uint64_t exp)
{
	check(got == exp, "%s: got 0x%lx, expected 0x%lx", what, got, exp);
}

static void check_alive(void)
{
	struct res r = smc(OPTEE_SMC_CALLS_UID, 0, 0, 0);

	check(r.a0 == OPTEE_MSG_UID_0 && r.a1 == OPTEE_MSG_UID_1,
	      "core not answering CALLS_UID after %s (a0=0x%lx)", T.name, r.a0);
}

static void t_end(const char *extra)
{
	check_alive();
	attacks_run++;
	if (T.fails) {
		attacks_failed++;
		con_printf("@@RESULT %s fail %u of %u checks failed; first: "
			   "%s@@\n",
			   T.name, T.fails, T.checks, T.first);
	} else {
		con_printf("@@RESULT %s pass %u checks%s%s@@\n", T.name,
			   T.checks, extra && extra[0] ? "; " : "",
			   extra ? extra : "");
	}
}

/* ------------------------------------------------------------------------ */
/* Messages                                                                  */

static struct optee_msg_arg *arg_at(uint64_t pa)
{
	return (struct optee_msg_arg *)(uintptr_t)pa;
}

static struct optee_msg_arg *arg_init(uint64_t pa, uint32_t cmd, uint32_t n)
{
	struct optee_msg_arg *a = arg_at(pa);

	/* Arg buffers placed at the very end of DRAM get a shorter clear. */
	memset(a, 0, pa + ARG_SLOT > DRAM_END ? DRAM_END - pa : ARG_SLOT);
	a->cmd = cmd;
	a->num_params = n;
	return a;
}

/* Where the core puts its RPC request: right after the actual params. */
static uint64_t rpc_area(uint64_t arg_pa)
{
	uint32_t n = arg_at(arg_pa)->num_params;

	return arg_pa + OPTEE_MSG_GET_ARG_SIZE(n > 6 ? 6 : n);
}

static void build_list(uint64_t list_pa, const uint64_t *pages, unsigned int n,
		       uint64_t next);

enum rpc_lie {
	LIE_NONE,
	LIE_NUM_PARAMS_3,
	LIE_NUM_PARAMS_HUGE,
	LIE_ATTR,
	LIE_ATTR_TMEM,
};
static enum rpc_lie rpc_lie;
static unsigned int rpc_served;

/* How SHM_ALLOC requests are answered (rpc_alloc_lies). */
enum alloc_mode {
	ALLOC_OK_CONTIG,
	ALLOC_OK_LIST,
	ALLOC_SECURE_CONTIG,
	ALLOC_CROSS_END,
	ALLOC_LIST_SECURE_ENTRY,
	ALLOC_LIST_PAGE_SECURE,
	ALLOC_SHORT,
	ALLOC_ATTR_RMEM,
	ALLOC_ATTR_VALUE,
	ALLOC_FAIL,
};
#define ALLOC_CONTIG_BASE DATA(256)
#define ALLOC_LIST_PAGE LIST(40)
#define ALLOC_LIST_DATA(i) DATA(300 + (i))
static enum alloc_mode alloc_mode;
static unsigned int alloc_count, free_count;
static uint64_t alloc_cookie, freed_cookie;

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
static void serve_rpc_msg(uint64_t pa)
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
static struct res finish_call(struct res r, uint64_t rpc_pa)
{
	for (int i = 0; i < 64 && is_rpc(r.a0); i++)
		r = answer_rpc(&r, rpc_pa);
	check(!is_rpc(r.a0), "call still in RPC after 64 answers (a0=0x%lx)",
	      r.a0);
	return r;
}

static struct res call_pa(uint32_t fid, uint64_t pa)
{
	uint64_t rpc_pa = rpc_area(pa);

	return finish_call(smc(fid, pa >> 32, (uint32_t)pa, 0), rpc_pa);
}

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

static void build_open(uint64_t pa)
{
	struct optee_msg_arg *a = arg_init(pa, OPTEE_MSG_CMD_OPEN_SESSION, 2);

	a->params[0].attr = ATTR_META_VALUE_IN;
	set_uuid(&a->params[0]);
	a->params[1].attr = ATTR_META_VALUE_IN;
	a->params[1].u.value.c = OPTEE_MSG_LOGIN_PUBLIC;
}

/* Opens a test-PTA session; 0 on failure (recorded). */
static uint32_t open_session(uint64_t pa)
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

static void close_session(uint64_t pa, uint32_t session)
{
	struct optee_msg_arg *a = arg_init(pa, OPTEE_MSG_CMD_CLOSE_SESSION, 0);
	struct res r;

	a->session = session;
	r = call_pa(OPTEE_SMC_CALL_WITH_ARG, pa);
	check(r.a0 == 0 && a->ret == 0, "close session %u: a0=0x%lx ret=0x%x",
	      session, r.a0, a->ret);
}

static struct optee_msg_arg *build_invoke(uint64_t pa, uint32_t session,
					  uint32_t func, uint32_t n)
{
	struct optee_msg_arg *a = arg_init(pa, OPTEE_MSG_CMD_INVOKE_COMMAND, n);

	a->session = session;
	a->func = func;
	return a;
}

static void build_add(uint64_t pa, uint32_t session, uint32_t x, uint32_t y)
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
static bool invoke_add(uint64_t pa, uint32_t session, uint32_t x, uint32_t y)
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

static void build_get_time(uint64_t pa, uint32_t session)
{
	struct optee_msg_arg *a =
		build_invoke(pa, session, PTA_TEST_CMD_RPC_GET_TIME, 1);

	a->params[0].attr = OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT;
}

/* Page list page: @n entries from @pages, then @next. */
static void build_list(uint64_t list_pa, const uint64_t *pages, unsigned int n,
		       uint64_t next)
{
	uint64_t *e = (uint64_t *)(uintptr_t)list_pa;

	memset(e, 0, OPTEE_MSG_NONCONTIG_PAGE_SIZE);
	for (unsigned int i = 0; i < n && i < OPTEE_MSG_PAGE_LIST_ENTRIES; i++)
		e[i] = pages[i];
	e[OPTEE_MSG_PAGE_LIST_ENTRIES] = next;
}

/* REGISTER_SHM through CALL_WITH_RPC_ARG at @arg_pa; returns arg.ret. */
static uint32_t register_shm_attr(uint64_t arg_pa, uint64_t attr,
				  uint64_t buf_ptr, uint64_t size,
				  uint64_t cookie, uint64_t *a0)
{
	struct optee_msg_arg *a =
		arg_init(arg_pa, OPTEE_MSG_CMD_REGISTER_SHM, 1);
	struct res r;

	a->ret = 0x12345678;
	a->params[0].attr = attr;
	a->params[0].u.tmem.buf_ptr = buf_ptr;
	a->params[0].u.tmem.size = size;
	a->params[0].u.tmem.shm_ref = cookie;
	r = call_pa(OPTEE_SMC_CALL_WITH_RPC_ARG, arg_pa);
	*a0 = r.a0;
	return a->ret;
}

static uint32_t register_shm(uint64_t buf_ptr, uint64_t size, uint64_t cookie,
			     uint64_t *a0)
{
	return register_shm_attr(ARG_MAIN, ATTR_REG_SHM, buf_ptr, size, cookie,
				 a0);
}

static uint32_t unregister_shm(uint64_t cookie, uint64_t *a0)
{
	struct optee_msg_arg *a =
		arg_init(ARG_MAIN, OPTEE_MSG_CMD_UNREGISTER_SHM, 1);
	struct res r;

	a->ret = 0x12345678;
	a->params[0].attr = OPTEE_MSG_ATTR_TYPE_RMEM_INPUT;
	a->params[0].u.rmem.shm_ref = cookie;
	r = call_pa(OPTEE_SMC_CALL_WITH_RPC_ARG, ARG_MAIN);
	*a0 = r.a0;
	return a->ret;
}

/* Registers DATA(first)..DATA(first+n-1) (n <= 511) with list page LIST(l). */
static bool register_pages(unsigned int l, unsigned int first, unsigned int n,
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

static void unregister_ok(uint64_t cookie)
{
	uint64_t a0;
	uint32_t ret = unregister_shm(cookie, &a0);

	check(a0 == 0 && ret == 0, "unregister 0x%lx: a0=0x%lx ret=0x%x",
	      cookie, a0, ret);
}

/* ------------------------------------------------------------------------ */
/* 1. Fast calls                                                             */

static void attack_fast_uid_revision(void)
{
	struct res r;

	t_begin("fast_uid_revision");
	r = smc(OPTEE_SMC_CALLS_UID, 0, 0, 0);
	check_eq("UID a0", r.a0, OPTEE_MSG_UID_0);
	check_eq("UID a1", r.a1, OPTEE_MSG_UID_1);
	check_eq("UID a2", r.a2, OPTEE_MSG_UID_2);
	check_eq("UID a3", r.a3, OPTEE_MSG_UID_3);
	r = smc(OPTEE_SMC_CALLS_REVISION, 0, 0, 0);
	check_eq("REVISION major", r.a0, OPTEE_MSG_REVISION_MAJOR);
	check_eq("REVISION minor", r.a1, OPTEE_MSG_REVISION_MINOR);
	r = smc(OPTEE_SMC_EXCHANGE_CAPABILITIES, 0, 0, 0);
	check_eq("EXCHANGE_CAPABILITIES(0) a0", r.a0, OPTEE_SMC_RETURN_OK);
	check_eq("EXCHANGE_CAPABILITIES(0) caps",
		 r.a1 & (OPTEE_SMC_SEC_CAP_DYNAMIC_SHM |
			 OPTEE_SMC_SEC_CAP_MEMREF_NULL |
			 OPTEE_SMC_SEC_CAP_RPC_ARG),
		 OPTEE_SMC_SEC_CAP_DYNAMIC_SHM | OPTEE_SMC_SEC_CAP_MEMREF_NULL |
			 OPTEE_SMC_SEC_CAP_RPC_ARG);
	check_eq("EXCHANGE_CAPABILITIES(0) rpc params", r.a3 & 0xff,
		 OPTEE_RPC_MAX_PARAMS);
	r = smc(OPTEE_SMC_EXCHANGE_CAPABILITIES,
		OPTEE_SMC_NSEC_CAP_UNIPROCESSOR, 0, 0);
	check_eq("EXCHANGE_CAPABILITIES(UP) a0", r.a0, OPTEE_SMC_RETURN_OK);
	r = smc(OPTEE_SMC_EXCHANGE_CAPABILITIES, 0x80, 0, 0);
	check_eq("EXCHANGE_CAPABILITIES(0x80) a0", r.a0,
		 OPTEE_SMC_RETURN_ENOTAVAIL);
	r = smc(OPTEE_SMC_EXCHANGE_CAPABILITIES, 0x80000000u, 0, 0);
	check_eq("EXCHANGE_CAPABILITIES(1<<31) a0", r.a0,
		 OPTEE_SMC_RETURN_ENOTAVAIL);
	r = smc(OPTEE_SMC_GET_THREAD_COUNT, 0, 0, 0);
	check(r.a0 == 0 && r.a1 == NUM_THREADS,
	      "GET_THREAD_COUNT: a0=0x%lx a1=%lu", r.a0, r.a1);
	t_end(NULL);
}

/* ------------------------------------------------------------------------ */
/* 2. Unknown function IDs                                                   */

static void attack_unknown_functions(void)
{
	struct res r;

	t_begin("unknown_functions");
	r = smc(0xb20000ffu, 0, 0, 0);
	check_eq("fast 0xB20000FF", r.a0, OPTEE_SMC_RETURN_UNKNOWN_FUNCTION);
	r = smc(0xb200ffffu, 0, 0, 0);
	check_eq("fast 0xB200FFFF", r.a0, OPTEE_SMC_RETURN_UNKNOWN_FUNCTION);
	r = smc(0xbf00ff02u, 0, 0, 0);
	check_eq("fast 0xBF00FF02", r.a0, OPTEE_SMC_RETURN_UNKNOWN_FUNCTION);
	r = smc(0x320000ffu, 0, 0, 0);
	check_eq("yielding 0x320000FF", r.a0,
		 OPTEE_SMC_RETURN_UNKNOWN_FUNCTION);
	r = smc(0x32000000u, 0, 0, 0);
	check_eq("yielding 0x32000000", r.a0,
		 OPTEE_SMC_RETURN_UNKNOWN_FUNCTION);
	/* SMC64 forms and other Trusted OS owners are not OP-TEE calls. */
	r = smc(0xf2000009u, 0, 0, 0);
	check_eq("fast SMC64 0xF2000009", r.a0,
		 OPTEE_SMC_RETURN_UNKNOWN_FUNCTION);
	r = smc(0x72000004u, 0, (uint32_t)ARG_MAIN, 0);
	check_eq("yielding SMC64 0x72000004", r.a0,
		 OPTEE_SMC_RETURN_UNKNOWN_FUNCTION);
	r = smc(0xb3000009u, 0, 0, 0);
	check_eq("owner 51 0xB3000009", r.a0,
		 OPTEE_SMC_RETURN_UNKNOWN_FUNCTION);
	r = smc(0x3e000004u, 0, (uint32_t)ARG_MAIN, 0);
	check_eq("owner 62 yielding 0x3E000004", r.a0,
		 OPTEE_SMC_RETURN_UNKNOWN_FUNCTION);
	r = smc(0xc2000001u, 0, 0, 0);
	check_eq("SiP 0xC2000001", r.a0, RESULT_SMCCC_NOT_SUPPORTED);
	r = smc(0x8200abcdu, 0, 0, 0);
	check_eq("SiP 0x8200ABCD", r.a0, RESULT_SMCCC_NOT_SUPPORTED);
	r = smc(0x83000000u, 0, 0, 0);
	check_eq("OEM 0x83000000", r.a0, RESULT_SMCCC_NOT_SUPPORTED);
	r = smc(PSCI_CPU_SUSPEND, 0, 0, 0);
	check_eq("PSCI CPU_SUSPEND (int)", (uint64_t)(int64_t)(int32_t)r.a0,
		 (uint64_t)-1);
	/* Upper 32 bits of the function ID must be ignored (SMC32). */
	r = smc(0xffffffff00000000ull | OPTEE_SMC_CALLS_UID, 0, 0, 0);
	check(r.a0 == OPTEE_MSG_UID_0 || r.a0 == RESULT_SMCCC_NOT_SUPPORTED ||
		      r.a0 == OPTEE_SMC_RETURN_UNKNOWN_FUNCTION,
	      "CALLS_UID with garbage upper bits: a0=0x%lx", r.a0);
	t_end(NULL);
}

/* ------------------------------------------------------------------------ */
/* 3. Bad argument addresses                                                 */

static void attack_arg_addresses(void)
{
	static const uint64_t bad[] = {
		SECURE_RAM,   CORE_RAM,	     0x0,	    0x1000,
		DRAM_END,     0xfffff000ull, ARG_MAIN + 4,  0x3ffffff8ull,
		DRAM_END - 8, 0x09000000ull, 0x08000000ull,
	};
	static const uint32_t fids[] = {OPTEE_SMC_CALL_WITH_ARG,
					OPTEE_SMC_CALL_WITH_RPC_ARG};
	char what[64];

	t_begin("arg_addresses");
	/* A valid arg at the unaligned address, so only alignment is wrong. */
	build_add(ARG_MAIN, 1, 1, 2);
	for (unsigned int f = 0; f < ARRAY_SIZE(fids); f++) {
		for (unsigned int i = 0; i < ARRAY_SIZE(bad); i++) {
			struct res r =
				smc(fids[f], bad[i] >> 32, (uint32_t)bad[i], 0);

			fmt_snprintf(what, sizeof(what), "fid 0x%x arg 0x%lx",
				     fids[f], bad[i]);
			check_eq(what, r.a0, OPTEE_SMC_RETURN_EBADADDR);
		}
		/* Address above 4 GiB via a1. */
		struct res r = smc(fids[f], 0x1, 0x44000000u, 0);

		fmt_snprintf(what, sizeof(what), "fid 0x%x arg 0x144000000",
			     fids[f]);
		check_eq(what, r.a0, OPTEE_SMC_RETURN_EBADADDR);
	}
	t_end(NULL);
}

/* ------------------------------------------------------------------------ */
/* 4. Malformed messages                                                     */

static void attack_bad_messages(void)
{
	static const uint32_t nps[] = {7,   8,		 127,
				       128, 0x80000000u, 0xffffffffu};
	struct optee_msg_arg *a;
	struct res r;
	char what[64];

	t_begin("bad_messages");
	for (unsigned int i = 0; i < ARRAY_SIZE(nps); i++) {
		build_add(ARG_MAIN, 1, 1, 2);
		arg_at(ARG_MAIN)->num_params = nps[i];
		r = smc(OPTEE_SMC_CALL_WITH_ARG, 0, (uint32_t)ARG_MAIN, 0);
		fmt_snprintf(what, sizeof(what), "num_params 0x%x", nps[i]);
		check_eq(what, r.a0, OPTEE_SMC_RETURN_EBADCMD);
	}
	for (uint32_t cmd = 6; cmd < 12; cmd++) {
		arg_init(ARG_MAIN, cmd, 0);
		r = smc(OPTEE_SMC_CALL_WITH_ARG, 0, (uint32_t)ARG_MAIN, 0);
		fmt_snprintf(what, sizeof(what), "cmd %u", cmd);
		check_eq(what, r.a0, OPTEE_SMC_RETURN_EBADCMD);
	}
	arg_init(ARG_MAIN, 99, 0);
	r = smc(OPTEE_SMC_CALL_WITH_ARG, 0, (uint32_t)ARG_MAIN, 0);
	check_eq("cmd 99", r.a0, OPTEE_SMC_RETURN_EBADCMD);
	arg_init(ARG_MAIN, 0xffffffffu, 2);
	r = smc(OPTEE_SMC_CALL_WITH_RPC_ARG, 0, (uint32_t)ARG_MAIN, 0);
	check_eq("cmd 0xffffffff (RPC_ARG)", r.a0, OPTEE_SMC_RETURN_EBADCMD);

	/* OPEN_SESSION with only the TA UUID param. */
	build_open(ARG_MAIN);
	a = arg_at(ARG_MAIN);
	a->num_params = 1;
	r = call_pa(OPTEE_SMC_CALL_WITH_ARG, ARG_MAIN);
	check_eq("open 1 param: a0", r.a0, 0);
	check_eq("open 1 param: ret", a->ret, TEE_ERROR_BAD_PARAMETERS);
	/* OPEN_SESSION with 0 params. */
	build_open(ARG_MAIN);
	a->num_params = 0;
	r = call_pa(OPTEE_SMC_CALL_WITH_ARG, ARG_MAIN);
	check_eq("open 0 params: a0", r.a0, 0);
	check_eq("open 0 params: ret", a->ret, TEE_ERROR_BAD_PARAMETERS);
	/* OPEN_SESSION without META on param 0, then on param 1. */
	build_open(ARG_MAIN);
	a->params[0].attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT;
	r = call_pa(OPTEE_SMC_CALL_WITH_ARG, ARG_MAIN);
	check_eq("open no META p0: a0", r.a0, 0);
	check_eq("open no META p0: ret", a->ret, TEE_ERROR_BAD_PARAMETERS);
	build_open(ARG_MAIN);
	a->params[1].attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT;
	r = call_pa(OPTEE_SMC_CALL_WITH_ARG, ARG_MAIN);
	check_eq("open no META p1: a0", r.a0, 0);
	check_eq("open no META p1: ret", a->ret, TEE_ERROR_BAD_PARAMETERS);
	/* OPEN_SESSION with META on a TA param (param 2). */
	build_open(ARG_MAIN);
	a->num_params = 3;
	a->params[2].attr = ATTR_META_VALUE_IN;
	r = call_pa(OPTEE_SMC_CALL_WITH_ARG, ARG_MAIN);
	check_eq("open META on TA param: a0", r.a0, 0);
	check_eq("open META on TA param: ret", a->ret,
		 TEE_ERROR_BAD_PARAMETERS);
	/* OPEN_SESSION with 2 meta + 5 TA params (too many for a TA). */
	build_open(ARG_MAIN);
	a->num_params = 7;
	r = smc(OPTEE_SMC_CALL_WITH_ARG, 0, (uint32_t)ARG_MAIN, 0);
	check_eq("open 7 params: a0", r.a0, OPTEE_SMC_RETURN_EBADCMD);
	/* Unknown UUID. */
	build_open(ARG_MAIN);
	a->params[0].u.value.a ^= 1;
	r = call_pa(OPTEE_SMC_CALL_WITH_ARG, ARG_MAIN);
	check_eq("open unknown UUID: a0", r.a0, 0);
	check_eq("open unknown UUID: ret", a->ret, TEE_ERROR_ITEM_NOT_FOUND);
	check_eq("open unknown UUID: session", a->session, 0);

	/* INVOKE / CLOSE on sessions that do not exist. */
	build_add(ARG_MAIN, 0xdead, 1, 2);
	r = call_pa(OPTEE_SMC_CALL_WITH_ARG, ARG_MAIN);
	check_eq("invoke session 0xdead: a0", r.a0, 0);
	check_eq("invoke session 0xdead: ret", a->ret,
		 TEE_ERROR_BAD_PARAMETERS);
	build_add(ARG_MAIN, 0, 1, 2);
	r = call_pa(OPTEE_SMC_CALL_WITH_ARG, ARG_MAIN);
	check_eq("invoke session 0: ret", a->ret, TEE_ERROR_BAD_PARAMETERS);
	arg_init(ARG_MAIN, OPTEE_MSG_CMD_CLOSE_SESSION, 0)->session = 0xdead;
	r = call_pa(OPTEE_SMC_CALL_WITH_ARG, ARG_MAIN);
	check_eq("close session 0xdead: a0", r.a0, 0);
	check_eq("close session 0xdead: ret", a->ret, TEE_ERROR_BAD_PARAMETERS);
	/* CANCEL of nothing is fine. */
	arg_init(ARG_MAIN, OPTEE_MSG_CMD_CANCEL, 0)->session = 0xdead;
	r = call_pa(OPTEE_SMC_CALL_WITH_ARG, ARG_MAIN);
	check_eq("cancel session 0xdead: a0", r.a0, 0);
	/* UNREGISTER_SHM of an unknown cookie, and with a wrong attr. */
	{
		uint64_t a0;
		uint32_t ret = unregister_shm(0x1111222233334444ull, &a0);

		check(a0 == 0 && ret != 0,
		      "unregister unknown cookie: a0=0x%lx ret=0x%x", a0, ret);
		a = arg_init(ARG_MAIN, OPTEE_MSG_CMD_UNREGISTER_SHM, 1);
		a->params[0].attr = OPTEE_MSG_ATTR_TYPE_TMEM_INPUT;
		r = call_pa(OPTEE_SMC_CALL_WITH_RPC_ARG, ARG_MAIN);
		check(r.a0 == 0 && a->ret == TEE_ERROR_BAD_PARAMETERS,
		      "unregister with TMEM attr: a0=0x%lx ret=0x%x", r.a0,
		      a->ret);
	}
	t_end(NULL);
}

/* ------------------------------------------------------------------------ */
/* 5. CALL_WITH_REGD_ARG                                                     */

#define COOKIE_REGD 0xc0ffee0000000005ull

static struct res regd_call(uint64_t cookie, uint64_t offs)
{
	return smc(OPTEE_SMC_CALL_WITH_REGD_ARG, cookie >> 32, (uint32_t)cookie,
		   offs);
}

static void attack_regd_arg(void)
{
	struct optee_msg_arg *a;
	struct res r;
	uint32_t session = 0;
	uint64_t a0;
	uint32_t ret;

	t_begin("regd_arg");
	r = regd_call(0x1234567, 0);
	check_eq("unregistered cookie", r.a0, OPTEE_SMC_RETURN_EBADADDR);
	r = regd_call(0, 0);
	check_eq("cookie 0", r.a0, OPTEE_SMC_RETURN_EBADADDR);
	if (!register_pages(0, 0, 2, COOKIE_REGD)) {
		t_end("registration failed");
		return;
	}
	/* Same low 32 bits, different high half: still unknown. */
	r = regd_call(COOKIE_REGD ^ (1ull << 40), 0);
	check_eq("cookie with other high half", r.a0,
		 OPTEE_SMC_RETURN_EBADADDR);
	r = regd_call(COOKIE_REGD, 0x2000);
	check_eq("offset == size", r.a0, OPTEE_SMC_RETURN_EBADADDR);
	r = regd_call(COOKIE_REGD, 0x3000);
	check_eq("offset > size", r.a0, OPTEE_SMC_RETURN_EBADADDR);
	r = regd_call(COOKIE_REGD, 0xfffffff8u);
	check_eq("offset 0xfffffff8", r.a0, OPTEE_SMC_RETURN_EBADADDR);
	r = regd_call(COOKIE_REGD, 0x104);
	check_eq("offset unaligned 0x104", r.a0, OPTEE_SMC_RETURN_EBADADDR);
	r = regd_call(COOKIE_REGD, 0x1fff);
	check_eq("offset unaligned 0x1fff", r.a0, OPTEE_SMC_RETURN_EBADADDR);
	/* Header fits in the last 32 bytes, the params do not. */
	build_add(DATA(0) + 0x2000 - 32, 1, 1, 2);
	r = regd_call(COOKIE_REGD, 0x2000 - 32);
	check_eq("params beyond the buffer", r.a0, OPTEE_SMC_RETURN_EBADADDR);
	/* Header itself cut by the end of the buffer. */
	r = regd_call(COOKIE_REGD, 0x2000 - 16);
	check_eq("header beyond the buffer", r.a0, OPTEE_SMC_RETURN_EBADADDR);

	/* A valid open session at offset 0x100. */
	build_open(DATA(0) + 0x100);
	r = finish_call(regd_call(COOKIE_REGD, 0x100),
			rpc_area(DATA(0) + 0x100));
	a = arg_at(DATA(0) + 0x100);
	check(r.a0 == 0 && a->ret == 0 && a->session,
	      "REGD_ARG open session: a0=0x%lx ret=0x%x", r.a0, a->ret);
	session = a->session;
	if (session) {
		/* ADD with the arg straddling the two pages. */
		build_add(DATA(0) + 0xfe0, session, 40, 2);
		r = finish_call(regd_call(COOKIE_REGD, 0xfe0),
				rpc_area(DATA(0) + 0xfe0));
		a = arg_at(DATA(0) + 0xfe0);
		check(r.a0 == 0 && a->ret == 0 && a->params[1].u.value.a == 42,
		      "REGD_ARG ADD across pages: a0=0x%lx ret=0x%x out=%lu",
		      r.a0, a->ret, a->params[1].u.value.a);

		/* Unregister while a call using the buffer is suspended. */
		build_get_time(DATA(0) + 0x400, session);
		r = regd_call(COOKIE_REGD, 0x400);
		check(is_rpc(r.a0), "REGD_ARG GET_TIME: no RPC (a0=0x%lx)",
		      r.a0);
		if (is_rpc(r.a0)) {
			ret = unregister_shm(COOKIE_REGD, &a0);
			check(a0 == 0 && ret == TEE_ERROR_BUSY,
			      "unregister while in use: a0=0x%lx ret=0x%x", a0,
			      ret);
			r = finish_call(r, rpc_area(DATA(0) + 0x400));
			a = arg_at(DATA(0) + 0x400);
			check(r.a0 == 0 && a->ret == 0 &&
				      a->params[0].u.value.a == RPC_TIME_A,
			      "REGD_ARG GET_TIME: a0=0x%lx ret=0x%x a=%lu",
			      r.a0, a->ret, a->params[0].u.value.a);
		}
		arg_init(DATA(0) + 0x800, OPTEE_MSG_CMD_CLOSE_SESSION, 0)
			->session = session;
		r = finish_call(regd_call(COOKIE_REGD, 0x800), DATA(0) + 0x820);
		a = arg_at(DATA(0) + 0x800);
		check(r.a0 == 0 && a->ret == 0,
		      "REGD_ARG close: a0=0x%lx ret=0x%x", r.a0, a->ret);
	}
	unregister_ok(COOKIE_REGD);
	r = regd_call(COOKIE_REGD, 0x100);
	check_eq("REGD_ARG after unregister", r.a0, OPTEE_SMC_RETURN_EBADADDR);
	t_end(NULL);
}

/* ------------------------------------------------------------------------ */
/* 6. Hostile page lists                                                     */

#define COOKIE_PL 0x9a9e000000000000ull

static void expect_reg_fails(const char *what, uint64_t attr, uint64_t buf_ptr,
			     uint64_t size, uint64_t cookie, uint32_t want)
{
	uint64_t a0;
	uint32_t ret =
		register_shm_attr(ARG_MAIN, attr, buf_ptr, size, cookie, &a0);

	if (want)
		check(a0 == 0 && ret == want,
		      "%s: a0=0x%lx ret=0x%x, expected ret 0x%x", what, a0, ret,
		      want);
	else
		check(a0 == 0 && ret != 0 && ret != 0x12345678,
		      "%s: a0=0x%lx ret=0x%x, expected an error", what, a0,
		      ret);
	if (a0 == 0 && ret == 0)
		unregister_shm(cookie, &a0); /* do not leave it behind */
}

static void attack_page_lists(void)
{
	static const struct {
		const char *what;
		uint64_t entry;
	} bad_entries[] = {
		{"entry in secure RAM", SECURE_RAM},
		{"entry in core RAM", CORE_RAM + 0x10000},
		{"entry in flash", 0x0},
		{"entry in the GIC", 0x08000000},
		{"entry unaligned", 0x44100008},
		{"entry beyond DRAM", DRAM_END},
		{"entry at 0xfffffffffffff000", 0xfffffffffffff000ull},
		{"entry just below DRAM", DRAM_BASE - 0x1000},
	};
	uint64_t pages[OPTEE_MSG_PAGE_LIST_ENTRIES], a0;
	uint64_t cookie = COOKIE_PL;
	uint32_t ret;
	char detail[96];

	t_begin("page_lists");
	for (unsigned int i = 0; i < ARRAY_SIZE(bad_entries); i++) {
		pages[0] = DATA(0);
		pages[1] = bad_entries[i].entry;
		build_list(LIST(1), pages, 2, 0);
		expect_reg_fails(bad_entries[i].what, ATTR_REG_SHM, LIST(1),
				 0x2000, ++cookie, TEE_ERROR_BAD_PARAMETERS);
	}
	/* The list page itself outside NS DRAM. */
	expect_reg_fails("list page in secure RAM", ATTR_REG_SHM, SECURE_RAM,
			 0x1000, ++cookie, 0);
	expect_reg_fails("list page in core RAM", ATTR_REG_SHM, CORE_RAM,
			 0x1000, ++cookie, 0);
	expect_reg_fails("list page in flash", ATTR_REG_SHM, 0x0 | 0x10, 0x100,
			 ++cookie, 0);
	expect_reg_fails("list page beyond DRAM", ATTR_REG_SHM, DRAM_END,
			 0x1000, ++cookie, 0);

	/* Circular: a list page whose next pointer is itself, 10 MiB. */
	for (unsigned int i = 0; i < OPTEE_MSG_PAGE_LIST_ENTRIES; i++)
		pages[i] = DATA(i % 64);
	build_list(LIST(5), pages, OPTEE_MSG_PAGE_LIST_ENTRIES, LIST(5));
	++cookie;
	ret = register_shm(LIST(5), 10ull << 20, cookie, &a0);
	check_eq("circular list 10 MiB: a0", a0, 0);
	fmt_snprintf(detail, sizeof(detail), "circular 10 MiB ret 0x%x", ret);
	if (a0 == 0 && ret == 0)
		unregister_ok(cookie);
	check_alive();
	/* Circular again at the 64 MiB limit. */
	++cookie;
	ret = register_shm(LIST(5), 64ull << 20, cookie, &a0);
	check_eq("circular list 64 MiB: a0", a0, 0);
	if (a0 == 0 && ret == 0)
		unregister_ok(cookie);
	check_alive();

	/* Next pointer unaligned, in secure RAM, beyond DRAM (512 pages). */
	build_list(LIST(6), pages, OPTEE_MSG_PAGE_LIST_ENTRIES, LIST(7) + 8);
	expect_reg_fails("next pointer unaligned", ATTR_REG_SHM, LIST(6),
			 512 * 4096, ++cookie, TEE_ERROR_BAD_PARAMETERS);
	build_list(LIST(6), pages, OPTEE_MSG_PAGE_LIST_ENTRIES, SECURE_RAM);
	expect_reg_fails("next pointer in secure RAM", ATTR_REG_SHM, LIST(6),
			 512 * 4096, ++cookie, 0);
	build_list(LIST(6), pages, OPTEE_MSG_PAGE_LIST_ENTRIES, DRAM_END);
	expect_reg_fails("next pointer beyond DRAM", ATTR_REG_SHM, LIST(6),
			 512 * 4096, ++cookie, 0);
	build_list(LIST(6), pages, OPTEE_MSG_PAGE_LIST_ENTRIES, 0);
	expect_reg_fails("next pointer 0", ATTR_REG_SHM, LIST(6), 512 * 4096,
			 ++cookie, 0);

	/* Sizes. */
	pages[0] = DATA(0);
	pages[1] = DATA(1);
	build_list(LIST(2), pages, 2, 0);
	expect_reg_fails("size 0", ATTR_REG_SHM, LIST(2), 0, ++cookie, 0);
	expect_reg_fails("size 1 GiB", ATTR_REG_SHM, LIST(2), 1ull << 30,
			 ++cookie, TEE_ERROR_OUT_OF_MEMORY);
	expect_reg_fails("size 2^63", ATTR_REG_SHM, LIST(2), 1ull << 63,
			 ++cookie, 0);
	expect_reg_fails("offset 0xfff + size 0xFFFFFFFFFFFFF001", ATTR_REG_SHM,
			 LIST(2) | 0xfff, 0xfffffffffffff001ull, ++cookie, 0);
	expect_reg_fails("offset 0xfff + size 0xFFFFFFFFFFFFFFFF", ATTR_REG_SHM,
			 LIST(2) | 0xfff, 0xffffffffffffffffull, ++cookie, 0);

	/* Attributes. */
	expect_reg_fails("attr without NONCONTIG",
			 OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT, DATA(0), 0x1000,
			 ++cookie, TEE_ERROR_BAD_PARAMETERS);
	expect_reg_fails("attr RMEM|NONCONTIG",
			 OPTEE_MSG_ATTR_TYPE_RMEM_OUTPUT |
				 OPTEE_MSG_ATTR_NONCONTIG,
			 LIST(2), 0x1000, ++cookie, TEE_ERROR_BAD_PARAMETERS);
	expect_reg_fails("attr with META", ATTR_REG_SHM | OPTEE_MSG_ATTR_META,
			 LIST(2), 0x1000, ++cookie, TEE_ERROR_BAD_PARAMETERS);
	expect_reg_fails("attr with cache bits",
			 ATTR_REG_SHM | (1ull << OPTEE_MSG_ATTR_CACHE_SHIFT),
			 LIST(2), 0x1000, ++cookie, TEE_ERROR_BAD_PARAMETERS);
	{
		struct optee_msg_arg *a =
			arg_init(ARG_MAIN, OPTEE_MSG_CMD_REGISTER_SHM, 2);
		struct res r;

		a->params[0].attr = ATTR_REG_SHM;
		a->params[0].u.tmem.buf_ptr = LIST(2);
		a->params[0].u.tmem.size = 0x1000;
		a->params[0].u.tmem.shm_ref = ++cookie;
		r = call_pa(OPTEE_SMC_CALL_WITH_RPC_ARG, ARG_MAIN);
		check(r.a0 == 0 && a->ret == TEE_ERROR_BAD_PARAMETERS,
		      "register with 2 params: a0=0x%lx ret=0x%x", r.a0,
		      a->ret);
	}

	/* The same cookie twice. */
	++cookie;
	ret = register_shm(LIST(2), 0x2000, cookie, &a0);
	check(a0 == 0 && ret == 0, "register valid: a0=0x%lx ret=0x%x", a0,
	      ret);
	ret = register_shm(LIST(2), 0x2000, cookie, &a0);
	check(a0 == 0 && ret == TEE_ERROR_BAD_STATE,
	      "register same cookie again: a0=0x%lx ret=0x%x", a0, ret);
	unregister_ok(cookie);
	ret = unregister_shm(cookie, &a0);
	check(a0 == 0 && ret != 0, "unregister twice: a0=0x%lx ret=0x%x", a0,
	      ret);
	t_end(detail);
}

/* ------------------------------------------------------------------------ */
/* 7. Memory references                                                      */

#define COOKIE_MR 0x3e3e000000000007ull

static uint64_t fnv64(const uint8_t *p, size_t n)
{
	uint64_t h = PTA_TEST_FNV64_OFFSET;

	for (size_t i = 0; i < n; i++) {
		h ^= p[i];
		h *= PTA_TEST_FNV64_PRIME;
	}
	return h;
}

/* HASH_AND_PATTERN with param 0 = (attr, x, size, ref); returns ret. */
static uint32_t hash_call(uint32_t session, uint64_t attr, uint64_t x,
			  uint64_t size, uint64_t ref, uint64_t *a0)
{
	struct optee_msg_arg *a = build_invoke(
		ARG_MAIN, session, PTA_TEST_CMD_HASH_AND_PATTERN, 2);
	struct res r;

	a->ret = 0x12345678;
	a->params[0].attr = attr;
	a->params[0].u.tmem.buf_ptr = x;
	a->params[0].u.tmem.size = size;
	a->params[0].u.tmem.shm_ref = ref;
	a->params[1].attr = OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT;
	r = call_pa(OPTEE_SMC_CALL_WITH_ARG, ARG_MAIN);
	*a0 = r.a0;
	return a->ret;
}

static void expect_hash(const char *what, uint32_t session, uint64_t attr,
			uint64_t x, uint64_t size, uint64_t ref, uint32_t want)
{
	uint64_t a0;
	uint32_t ret = hash_call(session, attr, x, size, ref, &a0);

	check(a0 == 0 && ret == want, "%s: a0=0x%lx ret=0x%x, expected 0x%x",
	      what, a0, ret, want);
}

static void expect_add_attrs(const char *what, uint32_t session, uint64_t at0,
			     uint64_t at1, uint32_t n)
{
	struct optee_msg_arg *a;
	struct res r;

	build_add(ARG_MAIN, session, 1, 2);
	a = arg_at(ARG_MAIN);
	a->params[0].attr = at0;
	a->params[1].attr = at1;
	a->num_params = n;
	a->ret = 0x12345678;
	r = call_pa(OPTEE_SMC_CALL_WITH_ARG, ARG_MAIN);
	check(r.a0 == 0 && a->ret == TEE_ERROR_BAD_PARAMETERS,
	      "%s: a0=0x%lx ret=0x%x", what, r.a0, a->ret);
}

static void attack_memref_ranges(void)
{
	static const uint64_t bad_attrs[] = {
		OPTEE_MSG_ATTR_TYPE_VALUE_INPUT | OPTEE_MSG_ATTR_META,
		OPTEE_MSG_ATTR_TYPE_VALUE_INPUT |
			(1ull << OPTEE_MSG_ATTR_CACHE_SHIFT),
		OPTEE_MSG_ATTR_TYPE_VALUE_INPUT |
			(7ull << OPTEE_MSG_ATTR_CACHE_SHIFT),
		OPTEE_MSG_ATTR_TYPE_VALUE_INPUT | OPTEE_MSG_ATTR_NONCONTIG,
		OPTEE_MSG_ATTR_TYPE_VALUE_INPUT | (1ull << 32),
		OPTEE_MSG_ATTR_TYPE_VALUE_INPUT | (1ull << 63),
		0x4,
		0x8,
		0xc,
		0xff,
	};
	uint8_t *buf = (uint8_t *)(uintptr_t)DATA(16);
	uint32_t session;
	uint64_t a0;
	uint32_t ret;
	char what[64];

	t_begin("memref_ranges");
	session = open_session(ARG_MAIN);
	if (!session) {
		t_end(NULL);
		return;
	}
	expect_hash("TMEM in secure RAM", session,
		    OPTEE_MSG_ATTR_TYPE_TMEM_INOUT, SECURE_RAM, 64, 0,
		    TEE_ERROR_BAD_PARAMETERS);
	expect_hash("TMEM in core RAM", session, OPTEE_MSG_ATTR_TYPE_TMEM_INOUT,
		    CORE_RAM, 64, 0, TEE_ERROR_BAD_PARAMETERS);
	expect_hash("TMEM INPUT... in flash", session,
		    OPTEE_MSG_ATTR_TYPE_TMEM_INOUT, 0x1000, 64, 0,
		    TEE_ERROR_BAD_PARAMETERS);
	expect_hash("TMEM crossing end of DRAM", session,
		    OPTEE_MSG_ATTR_TYPE_TMEM_INOUT, DRAM_END - 64, 128, 0,
		    TEE_ERROR_BAD_PARAMETERS);
	expect_hash("TMEM crossing start of DRAM", session,
		    OPTEE_MSG_ATTR_TYPE_TMEM_INOUT, DRAM_BASE - 64, 128, 0,
		    TEE_ERROR_BAD_PARAMETERS);
	expect_hash("TMEM size wraps", session, OPTEE_MSG_ATTR_TYPE_TMEM_INOUT,
		    DATA(16), 0xfffffffffffffff0ull, 0,
		    TEE_ERROR_BAD_PARAMETERS);
	expect_hash("TMEM NULL with size 64", session,
		    OPTEE_MSG_ATTR_TYPE_TMEM_INOUT, 0, 64, 0,
		    TEE_ERROR_BAD_PARAMETERS);
	expect_hash("TMEM 9 MiB", session, OPTEE_MSG_ATTR_TYPE_TMEM_INOUT,
		    DATA(16), 9ull << 20, 0, TEE_ERROR_OUT_OF_MEMORY);
	expect_hash("TMEM with NONCONTIG", session,
		    OPTEE_MSG_ATTR_TYPE_TMEM_INOUT | OPTEE_MSG_ATTR_NONCONTIG,
		    LIST(0), 64, 0, TEE_ERROR_BAD_PARAMETERS);
	expect_hash("RMEM unknown cookie", session,
		    OPTEE_MSG_ATTR_TYPE_RMEM_INOUT, 0, 64,
		    0x5555aaaa5555aaaaull, TEE_ERROR_BAD_PARAMETERS);

	/* A valid TMEM still works (and writes the pattern). */
	for (unsigned int i = 0; i < 64; i++)
		buf[i] = (uint8_t)(i * 3 + 1);
	{
		uint64_t h = fnv64(buf, 64);
		struct optee_msg_arg *a = arg_at(ARG_MAIN);

		ret = hash_call(session, OPTEE_MSG_ATTR_TYPE_TMEM_INOUT,
				DATA(16), 64, 0, &a0);
		check(a0 == 0 && ret == 0 &&
			      a->params[1].u.value.a == (uint32_t)h &&
			      a->params[1].u.value.b == (uint32_t)(h >> 32) &&
			      buf[5] == PTA_TEST_PATTERN(5),
		      "valid TMEM hash: a0=0x%lx ret=0x%x", a0, ret);
	}

	if (register_pages(3, 20, 2, COOKIE_MR)) {
		uint8_t *rb = (uint8_t *)(uintptr_t)DATA(20);

		expect_hash("RMEM offs+size beyond", session,
			    OPTEE_MSG_ATTR_TYPE_RMEM_INOUT, 0x1000, 0x1001,
			    COOKIE_MR, TEE_ERROR_SECURITY);
		expect_hash("RMEM offs beyond", session,
			    OPTEE_MSG_ATTR_TYPE_RMEM_INOUT, 0x2001, 0,
			    COOKIE_MR, TEE_ERROR_SECURITY);
		expect_hash("RMEM offs 0xFF..00 size 0x100", session,
			    OPTEE_MSG_ATTR_TYPE_RMEM_INOUT,
			    0xffffffffffffff00ull, 0x100, COOKIE_MR,
			    TEE_ERROR_SECURITY);
		expect_hash("RMEM offs 0xFF..00 size 0x10", session,
			    OPTEE_MSG_ATTR_TYPE_RMEM_INOUT,
			    0xffffffffffffff00ull, 0x10, COOKIE_MR,
			    TEE_ERROR_SECURITY);
		expect_hash("RMEM size 2^64-1", session,
			    OPTEE_MSG_ATTR_TYPE_RMEM_INOUT, 1,
			    0xffffffffffffffffull, COOKIE_MR,
			    TEE_ERROR_SECURITY);
		/* Valid RMEM across the page boundary. */
		for (unsigned int i = 0; i < 0x200; i++)
			rb[0xf00 + i] = (uint8_t)(i ^ 0x33);
		{
			uint64_t h = fnv64(rb + 0xf00, 0x200);
			struct optee_msg_arg *a = arg_at(ARG_MAIN);

			ret = hash_call(session, OPTEE_MSG_ATTR_TYPE_RMEM_INOUT,
					0xf00, 0x200, COOKIE_MR, &a0);
			check(a0 == 0 && ret == 0 &&
				      a->params[1].u.value.a == (uint32_t)h &&
				      rb[0xf00 + 0x1ff] ==
					      PTA_TEST_PATTERN(0x1ff),
			      "valid RMEM hash across pages: a0=0x%lx ret=0x%x",
			      a0, ret);
		}
		unregister_ok(COOKIE_MR);
		expect_hash("RMEM after unregister", session,
			    OPTEE_MSG_ATTR_TYPE_RMEM_INOUT, 0, 64, COOKIE_MR,
			    TEE_ERROR_BAD_PARAMETERS);
	}

	/* Wrong parameter shapes for ADD. */
	expect_add_attrs("ADD VOUT,VIN", session,
			 OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT,
			 OPTEE_MSG_ATTR_TYPE_VALUE_INPUT, 2);
	expect_add_attrs("ADD 1 param", session,
			 OPTEE_MSG_ATTR_TYPE_VALUE_INPUT,
			 OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT, 1);
	expect_add_attrs("ADD 5 params", session,
			 OPTEE_MSG_ATTR_TYPE_VALUE_INPUT,
			 OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT, 5);
	expect_add_attrs("ADD VIN,TMEM", session,
			 OPTEE_MSG_ATTR_TYPE_VALUE_INPUT,
			 OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT, 2);
	for (unsigned int i = 0; i < ARRAY_SIZE(bad_attrs); i++) {
		fmt_snprintf(what, sizeof(what), "ADD p0 attr 0x%lx",
			     bad_attrs[i]);
		expect_add_attrs(what, session, bad_attrs[i],
				 OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT, 2);
	}
	invoke_add(ARG_MAIN, session, 7, 8);
	close_session(ARG_MAIN, session);
	t_end(NULL);
}

/* ------------------------------------------------------------------------ */
/* 8. RPC resume tokens                                                      */

static void attack_rpc_tokens(void)
{
	static const uint64_t forged[] = {
		0, 1, 2, 3, 0x100, 0x1ff, 0xffffffffu, 0xffffff03u};
	struct optee_msg_arg *a;
	uint32_t session;
	struct res r, r2;
	uint64_t token;
	char what[64];

	t_begin("rpc_tokens");
	for (unsigned int i = 0; i < ARRAY_SIZE(forged); i++) {
		r = smc(OPTEE_SMC_CALL_RETURN_FROM_RPC, 0, 0, forged[i]);
		fmt_snprintf(what, sizeof(what),
			     "RETURN_FROM_RPC a3=0x%lx idle", forged[i]);
		check_eq(what, r.a0, OPTEE_SMC_RETURN_ERESUME);
	}
	session = open_session(ARG_MAIN);
	if (!session) {
		t_end(NULL);
		return;
	}
	build_get_time(ARG_T(0), session);
	r = smc(OPTEE_SMC_CALL_WITH_ARG, 0, (uint32_t)ARG_T(0), 0);
	check_eq("GET_TIME first exit", r.a0,
		 OPTEE_SMC_RETURN_RPC_PREFIX | OPTEE_SMC_RPC_FUNC_CMD);
	if (!is_rpc(r.a0)) {
		close_session(ARG_MAIN, session);
		t_end(NULL);
		return;
	}
	token = r.a3;
	con_printf("hostile:    RPC token 0x%lx\n", token);
	r2 = smc(OPTEE_SMC_CALL_RETURN_FROM_RPC, r.a1, r.a2, token ^ 0x100);
	check_eq("token ^ 0x100 (wrong generation)", r2.a0,
		 OPTEE_SMC_RETURN_ERESUME);
	r2 = smc(OPTEE_SMC_CALL_RETURN_FROM_RPC, r.a1, r.a2, token ^ 1);
	check_eq("token ^ 1 (wrong thread)", r2.a0, OPTEE_SMC_RETURN_ERESUME);
	r2 = smc(OPTEE_SMC_CALL_RETURN_FROM_RPC, r.a1, r.a2, token ^ 0x800000);
	check_eq("token ^ 0x800000", r2.a0, OPTEE_SMC_RETURN_ERESUME);
	r2 = smc(OPTEE_SMC_CALL_RETURN_FROM_RPC, r.a1, r.a2, token + 0x200);
	check_eq("token + 0x200", r2.a0, OPTEE_SMC_RETURN_ERESUME);
	/* A new call meanwhile gets another thread and works. */
	invoke_add(ARG_MAIN, session, 100, 23);

	/* Service properly, resume with the right token. */
	serve_rpc_msg(rpc_area(ARG_T(0)));
	r2 = smc(OPTEE_SMC_CALL_RETURN_FROM_RPC, r.a1, r.a2, token);
	r2 = finish_call(r2, rpc_area(ARG_T(0)));
	a = arg_at(ARG_T(0));
	check(r2.a0 == 0 && a->ret == 0 &&
		      a->params[0].u.value.a == RPC_TIME_A &&
		      a->params[0].u.value.b == RPC_TIME_B,
	      "GET_TIME after resume: a0=0x%lx ret=0x%x a=%lu", r2.a0, a->ret,
	      a->params[0].u.value.a);
	r2 = smc(OPTEE_SMC_CALL_RETURN_FROM_RPC, r.a1, r.a2, token);
	check_eq("same token again", r2.a0, OPTEE_SMC_RETURN_ERESUME);

	/* A second RPC on the same thread: the old token is stale. */
	build_get_time(ARG_T(0), session);
	r2 = smc(OPTEE_SMC_CALL_WITH_ARG, 0, (uint32_t)ARG_T(0), 0);
	if (is_rpc(r2.a0)) {
		struct res r3;

		if ((r2.a3 & 0xff) == (token & 0xff)) {
			r3 = smc(OPTEE_SMC_CALL_RETURN_FROM_RPC, r.a1, r.a2,
				 token);
			check_eq("stale token of the same thread", r3.a0,
				 OPTEE_SMC_RETURN_ERESUME);
		}
		r3 = finish_call(r2, rpc_area(ARG_T(0)));
		check(r3.a0 == 0 && a->ret == 0,
		      "second GET_TIME: a0=0x%lx ret=0x%x", r3.a0, a->ret);
	} else {
		check(false, "second GET_TIME: no RPC (a0=0x%lx)", r2.a0);
	}
	close_session(ARG_MAIN, session);
	t_end(NULL);
}

/* ------------------------------------------------------------------------ */
/* 9. Lies in RPC answers                                                    */

#define COOKIE_LIES 0x11e5000000000009ull

static void attack_rpc_lies(void)
{
	static const struct {
		const char *what;
		enum rpc_lie lie;
	} lies[] = {
		{"num_params 3", LIE_NUM_PARAMS_3},
		{"num_params 0xffffffff", LIE_NUM_PARAMS_HUGE},
		{"attr VALUE_INOUT", LIE_ATTR},
		{"attr TMEM to secure RAM", LIE_ATTR_TMEM},
	};
	struct optee_msg_arg *a;
	uint32_t session;
	struct res r;

	t_begin("rpc_lies");
	session = open_session(ARG_MAIN);
	if (!session) {
		t_end(NULL);
		return;
	}
	for (unsigned int i = 0; i < ARRAY_SIZE(lies); i++) {
		build_get_time(ARG_T(1), session);
		rpc_lie = lies[i].lie;
		rpc_served = 0;
		r = call_pa(OPTEE_SMC_CALL_WITH_ARG, ARG_T(1));
		rpc_lie = LIE_NONE;
		a = arg_at(ARG_T(1));
		check(rpc_served == 1 && r.a0 == 0 &&
			      a->ret == TEE_ERROR_COMMUNICATION,
		      "lie %s: rpcs=%u a0=0x%lx ret=0x%x", lies[i].what,
		      rpc_served, r.a0, a->ret);
		check_alive();
	}
	/* Rewrite the call's own arg during the RPC: the core must ignore it.
	 */
	build_get_time(ARG_T(1), session);
	r = smc(OPTEE_SMC_CALL_WITH_ARG, 0, (uint32_t)ARG_T(1), 0);
	if (is_rpc(r.a0)) {
		a = arg_at(ARG_T(1));
		serve_rpc_msg(rpc_area(ARG_T(1)));
		a->num_params = 0xffffffffu;
		a->cmd = 99;
		a->params[0].attr = OPTEE_MSG_ATTR_TYPE_TMEM_INOUT;
		a->params[0].u.tmem.buf_ptr = SECURE_RAM;
		r = finish_call(
			smc(OPTEE_SMC_CALL_RETURN_FROM_RPC, r.a1, r.a2, r.a3),
			rpc_area(ARG_T(1)));
		check(r.a0 == 0 && a->ret == 0 &&
			      a->params[0].u.value.a == RPC_TIME_A &&
			      a->num_params == 1,
		      "arg rewritten during RPC: a0=0x%lx ret=0x%x np=%u", r.a0,
		      a->ret, a->num_params);
	} else {
		check(false, "GET_TIME: no RPC (a0=0x%lx)", r.a0);
	}
	/* The RPC's ret is passed through. */
	build_get_time(ARG_T(1), session);
	r = smc(OPTEE_SMC_CALL_WITH_ARG, 0, (uint32_t)ARG_T(1), 0);
	if (is_rpc(r.a0)) {
		struct optee_msg_arg *m = arg_at(rpc_area(ARG_T(1)));

		m->ret = TEE_ERROR_BUSY;
		r = finish_call(
			smc(OPTEE_SMC_CALL_RETURN_FROM_RPC, r.a1, r.a2, r.a3),
			rpc_area(ARG_T(1)));
		a = arg_at(ARG_T(1));
		check(r.a0 == 0 && a->ret == TEE_ERROR_BUSY,
		      "RPC ret BUSY: a0=0x%lx ret=0x%x", r.a0, a->ret);
	}
	/* The RPC area would lie beyond the end of DRAM. */
	build_get_time(DRAM_END - 64, session);
	rpc_served = 0;
	r = call_pa(OPTEE_SMC_CALL_WITH_ARG, DRAM_END - 64);
	a = arg_at(DRAM_END - 64);
	check(rpc_served == 0 && r.a0 == 0 && a->ret == TEE_ERROR_COMMUNICATION,
	      "RPC area beyond DRAM: rpcs=%u a0=0x%lx ret=0x%x", rpc_served,
	      r.a0, a->ret);
	/* ... or beyond the registered buffer holding the arg. */
	if (register_pages(8, 40, 1, COOKIE_LIES)) {
		build_get_time(DATA(40) + 0x1000 - 64, session);
		rpc_served = 0;
		r = finish_call(smc(OPTEE_SMC_CALL_WITH_REGD_ARG,
				    COOKIE_LIES >> 32, (uint32_t)COOKIE_LIES,
				    0x1000 - 64),
				DATA(41));
		a = arg_at(DATA(40) + 0x1000 - 64);
		check(rpc_served == 0 && r.a0 == 0 &&
			      a->ret == TEE_ERROR_COMMUNICATION,
		      "RPC area beyond the REGD buffer: rpcs=%u a0=0x%lx "
		      "ret=0x%x",
		      rpc_served, r.a0, a->ret);
		unregister_ok(COOKIE_LIES);
	}
	invoke_add(ARG_MAIN, session, 1, 1);
	close_session(ARG_MAIN, session);
	t_end(NULL);
}

/* ------------------------------------------------------------------------ */
/* 10. Thread exhaustion                                                     */

static void attack_thread_exhaustion(void)
{
	struct res held[8];
	unsigned int n = 0;
	uint32_t session, limit_before = 0;
	struct optee_msg_arg *a;
	struct res r;
	char detail[64];

	t_begin("thread_exhaustion");
	session = open_session(ARG_MAIN);
	if (!session) {
		t_end(NULL);
		return;
	}
	a = build_invoke(ARG_MAIN, session, PTA_TEST_CMD_STATS, 1);
	a->params[0].attr = OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT;
	r = call_pa(OPTEE_SMC_CALL_WITH_ARG, ARG_MAIN);
	if (r.a0 == 0 && a->ret == 0)
		limit_before = (uint32_t)a->params[0].u.value.b;

	/* Occupy every thread with a call parked in its RPC. */
	for (n = 0; n < 6; n++) {
		build_get_time(ARG_T(n), session);
		r = smc(OPTEE_SMC_CALL_WITH_ARG, 0, (uint32_t)ARG_T(n), 0);
		if (!is_rpc(r.a0))
			break;
		held[n] = r;
	}
	check_eq("calls parked before the limit", n, NUM_THREADS);
	check_eq("call over the limit", r.a0, OPTEE_SMC_RETURN_ETHREAD_LIMIT);
	for (unsigned int i = 0; i < n; i++)
		for (unsigned int j = i + 1; j < n; j++)
			check((held[i].a3 & 0xff) != (held[j].a3 & 0xff),
			      "tokens %u and %u share a thread", i, j);
	/* More attempts, every kind of yielding call: all refused. */
	build_add(ARG_T(6), session, 1, 2);
	r = smc(OPTEE_SMC_CALL_WITH_RPC_ARG, 0, (uint32_t)ARG_T(6), 0);
	check_eq("RPC_ARG over the limit", r.a0,
		 OPTEE_SMC_RETURN_ETHREAD_LIMIT);
	r = smc(OPTEE_SMC_CALL_WITH_REGD_ARG, 0, 0x777, 0);
	check(r.a0 == OPTEE_SMC_RETURN_ETHREAD_LIMIT ||
		      r.a0 == OPTEE_SMC_RETURN_EBADADDR,
	      "REGD_ARG over the limit: a0=0x%lx", r.a0);
	r = smc(OPTEE_SMC_CALL_WITH_ARG, 0, (uint32_t)SECURE_RAM, 0);
	check(r.a0 == OPTEE_SMC_RETURN_ETHREAD_LIMIT ||
		      r.a0 == OPTEE_SMC_RETURN_EBADADDR,
	      "bad arg over the limit: a0=0x%lx", r.a0);
	/* Fast calls still work. */
	check_alive();
	r = smc(OPTEE_SMC_GET_THREAD_COUNT, 0, 0, 0);
	check_eq("GET_THREAD_COUNT while full", r.a1, NUM_THREADS);

	/* Answer them all, newest first. */
	for (unsigned int i = n; i-- > 0;) {
		uint64_t rpc = rpc_area(ARG_T(i));

		serve_rpc_msg(rpc);
		r = smc(OPTEE_SMC_CALL_RETURN_FROM_RPC, held[i].a1, held[i].a2,
			held[i].a3);
		r = finish_call(r, rpc);
		a = arg_at(ARG_T(i));
		check(r.a0 == 0 && a->ret == 0 &&
			      a->params[0].u.value.a == RPC_TIME_A,
		      "parked call %u: a0=0x%lx ret=0x%x a=%lu", i, r.a0,
		      a->ret, a->params[0].u.value.a);
	}
	invoke_add(ARG_MAIN, session, 1000, 2000);
	a = build_invoke(ARG_MAIN, session, PTA_TEST_CMD_STATS, 1);
	a->params[0].attr = OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT;
	r = call_pa(OPTEE_SMC_CALL_WITH_ARG, ARG_MAIN);
	check(r.a0 == 0 && a->ret == 0 &&
		      a->params[0].u.value.a == NUM_THREADS &&
		      a->params[0].u.value.b >= limit_before + 3,
	      "STATS: a0=0x%lx ret=0x%x threads=%lu refusals %u -> %lu", r.a0,
	      a->ret, a->params[0].u.value.a, limit_before,
	      a->params[0].u.value.b);
	fmt_snprintf(detail, sizeof(detail), "%u threads parked", n);
	close_session(ARG_MAIN, session);
	t_end(detail);
}

/* ------------------------------------------------------------------------ */
/* Extra: lies in SHM_ALLOC answers (PTA_TEST_CMD_RPC_SHM)                   */

static void attack_rpc_alloc_lies(void)
{
	static const struct {
		const char *what;
		enum alloc_mode mode;
		uint32_t want; /* 0: success; 1: any error */
		bool freed;    /* the core must hand the buffer back */
	} cases[] = {
		{"contiguous", ALLOC_OK_CONTIG, 0, true},
		{"page list", ALLOC_OK_LIST, 0, true},
		{"contiguous in core RAM", ALLOC_SECURE_CONTIG, 1, true},
		{"contiguous crossing end of DRAM", ALLOC_CROSS_END, 1, true},
		{"list entry in core RAM", ALLOC_LIST_SECURE_ENTRY, 1, true},
		{"list page in core RAM", ALLOC_LIST_PAGE_SECURE, 1, true},
		{"size too small", ALLOC_SHORT, 1, false},
		{"attr RMEM", ALLOC_ATTR_RMEM, 1, true},
		{"attr VALUE", ALLOC_ATTR_VALUE, 1, true},
		{"ret OUT_OF_MEMORY", ALLOC_FAIL, TEE_ERROR_OUT_OF_MEMORY,
		 false},
	};
	const uint32_t size = 8192;
	struct optee_msg_arg *a;
	uint32_t session;
	struct res r;
	char detail[96] = "";

	t_begin("rpc_alloc_lies");
	session = open_session(ARG_MAIN);
	if (!session) {
		t_end(NULL);
		return;
	}
	for (unsigned int i = 0; i < ARRAY_SIZE(cases); i++) {
		const uint8_t *mem =
			(const uint8_t
				 *)(uintptr_t)(cases[i].mode == ALLOC_OK_CONTIG
						       ? ALLOC_CONTIG_BASE
						       : ALLOC_LIST_DATA(0));
		bool ok;

		memset((void *)(uintptr_t)ALLOC_CONTIG_BASE, 0, size);
		for (unsigned int pg = 0; pg < 2; pg++)
			memset((void *)(uintptr_t)ALLOC_LIST_DATA(pg), 0, 4096);
		a = build_invoke(ARG_T(2), session, PTA_TEST_CMD_RPC_SHM, 1);
		a->params[0].attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT;
		a->params[0].u.value.a = size;
		a->params[0].u.value.b = 0;
		alloc_mode = cases[i].mode;
		alloc_count = free_count = 0;
		freed_cookie = 0;
		r = call_pa(OPTEE_SMC_CALL_WITH_ARG, ARG_T(2));
		if (cases[i].want == 0)
			ok = r.a0 == 0 && a->ret == 0;
		else if (cases[i].want == 1)
			ok = r.a0 == 0 && a->ret != 0 && a->ret != 0x12345678;
		else
			ok = r.a0 == 0 && a->ret == cases[i].want;
		check(ok && alloc_count == 1,
		      "SHM_ALLOC answer '%s': a0=0x%lx ret=0x%x allocs=%u",
		      cases[i].what, r.a0, a->ret, alloc_count);
		if (cases[i].freed)
			check(free_count == 1 && freed_cookie == alloc_cookie,
			      "SHM_ALLOC answer '%s': frees=%u cookie 0x%lx",
			      cases[i].what, free_count, freed_cookie);
		else if (free_count && !detail[0])
			fmt_snprintf(detail, sizeof(detail),
				     "'%s' was handed back too", cases[i].what);
		if (!cases[i].freed && !free_count &&
		    cases[i].mode == ALLOC_SHORT)
			fmt_snprintf(detail, sizeof(detail),
				     "note: a too-small SHM_ALLOC answer is "
				     "not handed back with SHM_FREE");
		if (cases[i].mode == ALLOC_OK_CONTIG ||
		    cases[i].mode == ALLOC_OK_LIST) {
			unsigned int bad = 0;

			for (uint32_t j = 0; j < size; j++)
				bad += mem[j] != PTA_TEST_PATTERN(j);
			check(bad == 0,
			      "'%s': %u bytes differ from the pattern",
			      cases[i].what, bad);
		}
		check_alive();
	}
	alloc_mode = ALLOC_OK_CONTIG;
	close_session(ARG_MAIN, session);
	t_end(detail);
}

/* ------------------------------------------------------------------------ */
/* Extra: PSCI calls with bad arguments                                      */

#define PSCI_RET_NOT_SUPPORTED (-1)
#define PSCI_RET_INVALID_PARAMETERS (-2)
#define PSCI_RET_ALREADY_ON (-4)
#define PSCI_RET_INVALID_ADDRESS (-9)

static void check_psci(const char *what, struct res r, int64_t want)
{
	check((int64_t)r.a0 == want, "%s: got %ld, expected %ld", what,
	      (int64_t)r.a0, want);
}

static void attack_psci_abuse(void)
{
	uint64_t entry = (uint64_t)(uintptr_t)secondary_entry;
	struct res r;

	t_begin("psci_abuse");
	check_psci("CPU_ON self", smc(PSCI_CPU_ON_64, 0, entry, 0),
		   PSCI_RET_ALREADY_ON);
	check_psci("CPU_ON entry in secure RAM",
		   smc(PSCI_CPU_ON_64, 1, SECURE_RAM, 0),
		   PSCI_RET_INVALID_ADDRESS);
	check_psci("CPU_ON entry in core RAM",
		   smc(PSCI_CPU_ON_64, 1, CORE_RAM + 0x70, 0),
		   PSCI_RET_INVALID_ADDRESS);
	check_psci("CPU_ON entry in flash", smc(PSCI_CPU_ON_64, 1, 0x0, 0),
		   PSCI_RET_INVALID_ADDRESS);
	check_psci("CPU_ON entry unaligned",
		   smc(PSCI_CPU_ON_64, 1, entry + 2, 0),
		   PSCI_RET_INVALID_ADDRESS);
	check_psci("CPU_ON entry beyond DRAM",
		   smc(PSCI_CPU_ON_64, 1, DRAM_END, 0),
		   PSCI_RET_INVALID_ADDRESS);
	check_psci("CPU_ON mpidr 0x100", smc(PSCI_CPU_ON_64, 0x100, entry, 0),
		   PSCI_RET_INVALID_PARAMETERS);
	check_psci("CPU_ON mpidr aff3",
		   smc(PSCI_CPU_ON_64, 1ull << 32, entry, 0),
		   PSCI_RET_INVALID_PARAMETERS);
	check_psci("CPU_ON mpidr 4", smc(PSCI_CPU_ON_64, 4, entry, 0),
		   PSCI_RET_INVALID_PARAMETERS);
	r = smc(PSCI_AFFINITY_INFO_64, 1, 0, 0);
	check_psci("AFFINITY_INFO(1) before CPU_ON", r, PSCI_AFF_OFF);
	check_psci("AFFINITY_INFO(0)", smc(PSCI_AFFINITY_INFO_64, 0, 0, 0), 0);
	check_psci("AFFINITY_INFO level 1", smc(PSCI_AFFINITY_INFO_64, 0, 1, 0),
		   PSCI_RET_INVALID_PARAMETERS);
	check_psci("AFFINITY_INFO mpidr 0x100",
		   smc(PSCI_AFFINITY_INFO_64, 0x100, 0, 0),
		   PSCI_RET_INVALID_PARAMETERS);
	check_psci("PSCI_FEATURES(CPU_SUSPEND)",
		   smc(0x8400000au, PSCI_CPU_SUSPEND, 0, 0),
		   PSCI_RET_NOT_SUPPORTED);
	check_psci("PSCI_FEATURES(0xdeadbeef)",
		   smc(0x8400000au, 0xdeadbeefu, 0, 0), PSCI_RET_NOT_SUPPORTED);
	check_psci("SMCCC_ARCH_FEATURES(WORKAROUND_1)",
		   smc(0x80000001u, 0x80008000u, 0, 0), PSCI_RET_NOT_SUPPORTED);
	check_psci("MIGRATE", smc(0x84000005u, 0, 0, 0),
		   PSCI_RET_NOT_SUPPORTED);
	check_psci("SYSTEM_SUSPEND", smc(0xc400000eu, entry, 0, 0),
		   PSCI_RET_NOT_SUPPORTED);
	check_psci("PSCI_VERSION", smc(0x84000000u, 0, 0, 0), 0x10000);
	/*
	 * CPUs 2 and 3 do not exist with --smp 2 (the DTB lists two): CPU_ON
	 * must not report success for them.
	 */
	r = smc(PSCI_CPU_ON_64, 3, entry, 0);
	check((int64_t)r.a0 != 0,
	      "CPU_ON of absent CPU 3 (--smp 2) returned SUCCESS; "
	      "AFFINITY_INFO(3) now %ld",
	      (int64_t)smc(PSCI_AFFINITY_INFO_64, 3, 0, 0).a0);
	t_end(NULL);
}

/* ------------------------------------------------------------------------ */
/* 11. A second CPU rewrites the message while the core reads it             */

/*
 * CPU 1 runs a command loop: rewrite the shared arg (SMP_REWRITE), race
 * CPU 0 on RETURN_FROM_RPC (SMP_RACE), or power itself off (SMP_OFF).
 */
enum smp_cmd { SMP_IDLE, SMP_REWRITE, SMP_RACE, SMP_OFF };
static volatile uint32_t smp_cmd, smp_started, smp_off_done;
static volatile uint64_t smp_rewrites, smp_off_ret;
static volatile uint64_t race_a1, race_a2, race_token;
static volatile uint32_t race_go, race_done;
static volatile uint64_t race_result;
static bool smp_running;

static void smp_rewrite_loop(uint64_t seed)
{
	static const uint64_t garbage[] = {
		0xff,
		OPTEE_MSG_ATTR_TYPE_TMEM_INOUT,
		OPTEE_MSG_ATTR_TYPE_RMEM_INPUT,
		OPTEE_MSG_ATTR_TYPE_VALUE_INPUT | OPTEE_MSG_ATTR_META,
		0xffffffffffffffffull,
		OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT,
	};
	volatile struct optee_msg_arg *a =
		(volatile struct optee_msg_arg *)(uintptr_t)ARG_SMP;
	uint64_t x = 0x9e3779b97f4a7c15ull ^ seed, i = 0;

	while (smp_cmd == SMP_REWRITE) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		/* Mostly valid, so that some calls get through whole. */
		a->num_params = (x & 0x7) ? 2 : 0xffffffffu;
		a->params[0].attr = (x & 0x38) ? OPTEE_MSG_ATTR_TYPE_VALUE_INPUT
					       : garbage[(x >> 8) % 6];
		a->params[1].attr = (x & 0x1c0)
					    ? OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT
					    : garbage[(x >> 16) % 6];
		a->cmd = (x & 0xe00) ? OPTEE_MSG_CMD_INVOKE_COMMAND : 99;
		smp_rewrites = ++i;
		/* A random pause: sometimes the core reads a stable copy. */
		for (uint64_t d = (x >> 24) & 0x3ff; d; d--)
			__asm__ volatile("" ::: "memory");
	}
}

void hostile_secondary(uint64_t ctx)
{
	uint32_t seen = 0;

	smp_started = 1;
	for (;;) {
		switch (smp_cmd) {
		case SMP_REWRITE:
			smp_rewrite_loop(ctx);
			break;
		case SMP_RACE:
			if (race_go != seen) {
				seen = race_go;
				race_result =
					smc(OPTEE_SMC_CALL_RETURN_FROM_RPC,
					    race_a1, race_a2, race_token)
						.a0;
				__asm__ volatile("dsb sy" ::: "memory");
				race_done = seen;
			}
			break;
		case SMP_OFF:
			smp_off_done = 1;
			__asm__ volatile("dsb sy" ::: "memory");
			smp_off_ret = smc(PSCI_CPU_OFF, 0, 0, 0).a0;
			smp_off_done = 2; /* CPU_OFF returned: it failed */
			for (;;)
				__asm__ volatile("wfi");
		default:
			break;
		}
	}
}

static void attack_second_cpu_rewrites_arg(void)
{
	volatile struct optee_msg_arg *a =
		(volatile struct optee_msg_arg *)(uintptr_t)ARG_SMP;
	unsigned int n_ok = 0, n_badparam = 0, n_badcmd = 0, n_badaddr = 0;
	unsigned int n_oom = 0;
	uint32_t session, x = 12345, y = 777;
	uint64_t dl;
	struct res r;
	char detail[128];

	t_begin("second_cpu_rewrites_arg");
	session = open_session(ARG_MAIN);
	if (!session) {
		t_end(NULL);
		return;
	}
	build_add(ARG_SMP, session, 1, 2);
	smp_cmd = SMP_IDLE;
	smp_started = 0;
	r = smc(PSCI_CPU_ON_64, 1, (uint64_t)(uintptr_t)secondary_entry, 0);
	check_eq("CPU_ON(1)", r.a0, 0);
	if (r.a0 != 0) {
		close_session(ARG_MAIN, session);
		t_end("no second CPU (needs --smp 2)");
		return;
	}
	dl = deadline_ms(5000);
	while (!smp_started && !expired(dl))
		;
	check(smp_started, "secondary did not start within 5 s");
	smp_running = smp_started;
	r = smc(PSCI_AFFINITY_INFO_64, 1, 0, 0);
	check_eq("AFFINITY_INFO(1) after start", r.a0, 0);
	smp_cmd = SMP_REWRITE;
	for (unsigned int i = 0; i < 2000 && smp_running; i++) {
		uint32_t ret, out;

		x = x * 1103515245u + 12345u;
		y = y * 69069u + 1u;
		a->func = PTA_TEST_CMD_ADD;
		a->session = session;
		a->cancel_id = 0;
		a->ret = 0xdeadbeef;
		a->params[0].u.value.a = x;
		a->params[0].u.value.b = y;
		a->params[1].u.value.a = 0xabababab;
		a->params[1].u.value.b = 0xabababab;
		r = smc(OPTEE_SMC_CALL_WITH_ARG, 0, (uint32_t)ARG_SMP, 0);
		ret = a->ret;
		out = (uint32_t)a->params[1].u.value.a;
		if (r.a0 == OPTEE_SMC_RETURN_EBADCMD) {
			n_badcmd++;
		} else if (r.a0 == OPTEE_SMC_RETURN_EBADADDR) {
			n_badaddr++;
		} else if (r.a0 == OPTEE_SMC_RETURN_OK) {
			if (ret == TEE_SUCCESS) {
				n_ok++;
				check(out == x + y,
				      "iteration %u: ADD %u+%u gave %u", i, x,
				      y, out);
			} else if (ret == TEE_ERROR_BAD_PARAMETERS) {
				n_badparam++;
			} else if (ret == TEE_ERROR_OUT_OF_MEMORY) {
				/*
				 * A garbage TMEM attr over x (in DRAM) and
				 * y (> 8 MiB): the core refuses to bounce it.
				 */
				n_oom++;
			} else {
				check(false, "iteration %u: ret 0x%x", i, ret);
			}
		} else {
			check(false, "iteration %u: a0 0x%lx", i, r.a0);
			if (is_rpc(r.a0))
				finish_call(r, ARG_SMP + 0x800);
		}
		if (T.fails > 10)
			break;
	}
	smp_cmd = SMP_IDLE;
	check(n_ok > 0, "no call got through whole: the race test proved "
			"little");
	/* The message is ours again: a clean call on it works. */
	build_add(ARG_SMP, session, 5, 6);
	r = call_pa(OPTEE_SMC_CALL_WITH_ARG, ARG_SMP);
	check(r.a0 == 0 && a->ret == 0 && a->params[1].u.value.a == 11,
	      "clean ADD after the race: a0=0x%lx ret=0x%x", r.a0, a->ret);
	close_session(ARG_MAIN, session);
	fmt_snprintf(detail, sizeof(detail),
		     "ok %u, BAD_PARAMETERS %u, OUT_OF_MEMORY %u, EBADCMD %u, "
		     "EBADADDR %u, %lu rewrites",
		     n_ok, n_badparam, n_oom, n_badcmd, n_badaddr,
		     smp_rewrites);
	t_end(detail);
}

/* Extra: both CPUs resume the same RPC at once; exactly one may win. */
static void attack_second_cpu_races_resume(void)
{
	unsigned int won0 = 0, won1 = 0, rounds = 0;
	uint32_t session;
	struct res r;
	uint64_t dl;
	char detail[96];

	t_begin("second_cpu_races_resume");
	if (!smp_running) {
		check(false, "second CPU not running");
		t_end(NULL);
		return;
	}
	session = open_session(ARG_MAIN);
	if (!session) {
		t_end(NULL);
		return;
	}
	smp_cmd = SMP_RACE;
	for (unsigned int i = 0; i < 200; i++) {
		struct optee_msg_arg *a;
		uint64_t mine;

		build_get_time(ARG_T(3), session);
		r = smc(OPTEE_SMC_CALL_WITH_ARG, 0, (uint32_t)ARG_T(3), 0);
		if (!is_rpc(r.a0)) {
			check(false, "round %u: GET_TIME gave a0=0x%lx", i,
			      r.a0);
			break;
		}
		serve_rpc_msg(rpc_area(ARG_T(3)));
		race_a1 = r.a1;
		race_a2 = r.a2;
		race_token = r.a3;
		__asm__ volatile("dsb sy" ::: "memory");
		race_go = i + 1;
		mine = smc(OPTEE_SMC_CALL_RETURN_FROM_RPC, r.a1, r.a2, r.a3).a0;
		dl = deadline_ms(2000);
		while (race_done != i + 1 && !expired(dl))
			;
		if (race_done != i + 1) {
			check(false, "round %u: CPU 1 did not come back", i);
			break;
		}
		rounds++;
		a = arg_at(ARG_T(3));
		if (mine == 0 && race_result == OPTEE_SMC_RETURN_ERESUME)
			won0++;
		else if (race_result == 0 && mine == OPTEE_SMC_RETURN_ERESUME)
			won1++;
		else
			check(false, "round %u: CPU 0 got 0x%lx, CPU 1 0x%lx",
			      i, mine, race_result);
		check(a->ret == 0 && a->params[0].u.value.a == RPC_TIME_A,
		      "round %u: call result ret=0x%x a=%lu", i, a->ret,
		      a->params[0].u.value.a);
		if (T.fails > 10)
			break;
	}
	smp_cmd = SMP_IDLE;
	close_session(ARG_MAIN, session);
	/* Done with CPU 1: power it off. */
	smp_cmd = SMP_OFF;
	dl = deadline_ms(5000);
	do {
		r = smc(PSCI_AFFINITY_INFO_64, 1, 0, 0);
	} while (r.a0 != PSCI_AFF_OFF && !expired(dl));
	check_eq("AFFINITY_INFO(1) after CPU_OFF", r.a0, PSCI_AFF_OFF);
	check(smp_off_done == 1, "CPU_OFF returned 0x%lx (state %u)",
	      smp_off_ret, smp_off_done);
	smp_running = false;
	fmt_snprintf(detail, sizeof(detail),
		     "%u rounds: CPU 0 won %u, CPU 1 won %u", rounds, won0,
		     won1);
	t_end(detail);
}

/* ------------------------------------------------------------------------ */
/* Extra: exhaust the core's heap with registrations, then give it back      */

#define COOKIE_HEAP 0x4ea9000000000000ull
#define HEAP_MAX_REGS 3000

static void attack_heap_exhaustion(void)
{
	static const uint64_t sizes[] = {64ull << 20, 4ull << 20, 256ull << 10,
					 16ull << 10, 4096};
	uint64_t pages[OPTEE_MSG_PAGE_LIST_ENTRIES], a0;
	unsigned int n = 0, s = 0, oom = 0;
	uint32_t session, ret;
	char detail[128];

	t_begin("heap_exhaustion");
	session = open_session(ARG_MAIN);
	/* One self-linked list page serves any size. */
	for (unsigned int i = 0; i < OPTEE_MSG_PAGE_LIST_ENTRIES; i++)
		pages[i] = DATA(i % 64);
	build_list(LIST(50), pages, OPTEE_MSG_PAGE_LIST_ENTRIES, LIST(50));
	while (n < HEAP_MAX_REGS && s < ARRAY_SIZE(sizes)) {
		ret = register_shm(LIST(50), sizes[s], COOKIE_HEAP + n, &a0);
		if (a0 != 0 || (ret != 0 && ret != TEE_ERROR_OUT_OF_MEMORY)) {
			check(false,
			      "register #%u (%lu bytes): a0=0x%lx ret=0x%x", n,
			      sizes[s], a0, ret);
			break;
		}
		if (ret == TEE_ERROR_OUT_OF_MEMORY) {
			oom++;
			s++; /* smaller pieces fill the gaps */
			continue;
		}
		n++;
	}
	con_printf(
		"hostile:    %u buffers registered before the heap ran out\n",
		n);
	check(s == ARRAY_SIZE(sizes), "heap never ran out (%u registrations)",
	      n);
	check_alive();
	/* Calls while the heap is empty: errors, not hangs or panics. */
	if (session) {
		uint32_t r2;
		struct res r;
		struct optee_msg_arg *a;

		build_open(ARG_MAIN);
		r = call_pa(OPTEE_SMC_CALL_WITH_ARG, ARG_MAIN);
		a = arg_at(ARG_MAIN);
		check(r.a0 == 0 && (a->ret == 0 ||
				    a->ret == TEE_ERROR_OUT_OF_MEMORY),
		      "open with no heap: a0=0x%lx ret=0x%x", r.a0, a->ret);
		if (r.a0 == 0 && a->ret == 0)
			close_session(ARG_MAIN, a->session);
		r2 = hash_call(session, OPTEE_MSG_ATTR_TYPE_TMEM_INOUT,
			       DATA(16), 4096, 0, &a0);
		check(a0 == 0 && (r2 == 0 || r2 == TEE_ERROR_OUT_OF_MEMORY),
		      "hash with no heap: a0=0x%lx ret=0x%x", a0, r2);
		a = build_invoke(ARG_MAIN, session, PTA_TEST_CMD_RPC_SHM, 1);
		a->params[0].attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT;
		a->params[0].u.value.a = 8192;
		alloc_mode = ALLOC_OK_LIST;
		r = call_pa(OPTEE_SMC_CALL_WITH_ARG, ARG_MAIN);
		check(r.a0 == 0 && a->ret != 0x12345678,
		      "RPC_SHM with no heap: a0=0x%lx ret=0x%x", r.a0, a->ret);
		alloc_mode = ALLOC_OK_CONTIG;
		invoke_add(ARG_MAIN, session, 3, 4);
	}
	/* Give everything back; the heap must be whole again. */
	for (unsigned int i = 0; i < n; i++) {
		ret = unregister_shm(COOKIE_HEAP + i, &a0);
		if (a0 != 0 || ret != 0) {
			check(false, "unregister #%u: a0=0x%lx ret=0x%x", i, a0,
			      ret);
			break;
		}
	}
	ret = register_shm(LIST(50), sizes[0], COOKIE_HEAP + HEAP_MAX_REGS,
			   &a0);
	check(a0 == 0 && ret == 0,
	      "64 MiB registration after freeing: a0=0x%lx ret=0x%x", a0, ret);
	if (a0 == 0 && ret == 0)
		unregister_ok(COOKIE_HEAP + HEAP_MAX_REGS);
	if (session) {
		invoke_add(ARG_MAIN, session, 5, 6);
		close_session(ARG_MAIN, session);
	}
	fmt_snprintf(detail, sizeof(detail),
		     "%u buffers registered, %u OUT_OF_MEMORY answers", n, oom);
	t_end(detail);
}

/* ------------------------------------------------------------------------ */
/* 12. Still alive                                                           */

static void attack_core_alive(void)
{
	uint32_t session;
	struct res r;

	t_begin("core_alive");
	r = smc(OPTEE_SMC_CALLS_REVISION, 0, 0, 0);
	check_eq("REVISION", r.a0, OPTEE_MSG_REVISION_MAJOR);
	session = open_session(ARG_MAIN);
	if (session) {
		invoke_add(ARG_MAIN, session, 0xffffffffu, 2);
		close_session(ARG_MAIN, session);
		/* The closed session is gone. */
		build_add(ARG_MAIN, session, 1, 2);
		call_pa(OPTEE_SMC_CALL_WITH_ARG, ARG_MAIN);
		check_eq("ADD on the closed session", arg_at(ARG_MAIN)->ret,
			 TEE_ERROR_BAD_PARAMETERS);
	}
	t_end(NULL);
}

/* ------------------------------------------------------------------------ */

static void __attribute__((noreturn)) power_off(void)
{
	smc(PSCI_SYSTEM_OFF, 0, 0, 0);
	con_puts("hostile: SYSTEM_OFF returned\n");
	for (;;)
		__asm__ volatile("wfi");
}

void hostile_exception(uint64_t vec, uint64_t esr, uint64_t elr, uint64_t far)
{
	uint64_t mpidr;

	__asm__ volatile("mrs %0, mpidr_el1" : "=r"(mpidr));
	con_printf("hostile: EXCEPTION on cpu %lu: vector %lu ESR=0x%lx "
		   "ELR=0x%lx FAR=0x%lx\n",
		   mpidr & 0xff, vec, esr, elr, far);
	con_puts("@@EXIT 1@@\n");
	power_off();
}

void hostile_main(uint64_t dtb)
{
	con_printf("hostile: Rampart hostile normal world, DTB at 0x%lx\n",
		   dtb);
	attack_fast_uid_revision();
	attack_unknown_functions();
	attack_arg_addresses();
	attack_bad_messages();
	attack_regd_arg();
	attack_page_lists();
	attack_memref_ranges();
	attack_rpc_tokens();
	attack_rpc_lies();
	attack_thread_exhaustion();
	attack_rpc_alloc_lies();
	attack_psci_abuse();
	attack_second_cpu_rewrites_arg();
	attack_second_cpu_races_resume();
	attack_heap_exhaustion();
	attack_core_alive();
	con_printf("hostile: %u attacks, %u failed\n", attacks_run,
		   attacks_failed);
	con_puts("@@EXIT 0@@\n");
	power_off();
}
