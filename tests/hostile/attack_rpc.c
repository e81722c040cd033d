/*
 * Hostile payload, RPCs: forged and stale resume tokens, lying answers to
 * the core's RPC requests (GET_TIME, SHM_ALLOC), and every thread parked in
 * an RPC at once.
 */
#include "hostile.h"

/* ------------------------------------------------------------------------ */
/* RPC resume tokens                                                        */

/* RETURN_FROM_RPC with the a1, a2 of exit @r and @token: must be refused. */
static void expect_eresume(const char *what, struct res r, uint64_t token)
{
	struct res r2 = smc(OPTEE_SMC_CALL_RETURN_FROM_RPC, r.a1, r.a2, token);

	check_eq(what, r2.a0, OPTEE_SMC_RETURN_ERESUME);
}

void attack_rpc_tokens(void)
{
	static const uint64_t forged[] = {
		0, 1, 2, 3, 0x100, 0x1ff, 0xffffffffu, 0xffffff03u};
	static const struct res idle = {0, 0, 0, 0};
	struct optee_msg_arg *a;
	uint32_t session;
	struct res r, r2;
	uint64_t token;
	char what[64];

	t_begin("rpc_tokens");
	for (unsigned int i = 0; i < ARRAY_SIZE(forged); i++) {
		fmt_snprintf(what, sizeof(what),
			     "RETURN_FROM_RPC a3=0x%lx idle", forged[i]);
		expect_eresume(what, idle, forged[i]);
	}
	session = open_session(ARG_MAIN);
	if (!session) {
		t_end(NULL);
		return;
	}
	r = start_get_time(ARG_T(0), session);
	check_eq("GET_TIME first exit", r.a0,
		 OPTEE_SMC_RETURN_RPC_PREFIX | OPTEE_SMC_RPC_FUNC_CMD);
	if (!is_rpc(r.a0)) {
		close_session(ARG_MAIN, session);
		t_end(NULL);
		return;
	}
	token = r.a3;
	con_printf("hostile:    RPC token 0x%lx\n", token);
	expect_eresume("token ^ 0x100 (wrong generation)", r, token ^ 0x100);
	expect_eresume("token ^ 1 (wrong thread)", r, token ^ 1);
	expect_eresume("token ^ 0x800000", r, token ^ 0x800000);
	expect_eresume("token + 0x200", r, token + 0x200);
	/* A new call meanwhile gets another thread and works. */
	invoke_add(ARG_MAIN, session, 100, 23);

	/* Service properly, resume with the right token. */
	r2 = serve_and_finish(r, ARG_T(0));
	a = arg_at(ARG_T(0));
	check(r2.a0 == 0 && a->ret == 0 &&
		      a->params[0].u.value.a == RPC_TIME_A &&
		      a->params[0].u.value.b == RPC_TIME_B,
	      "GET_TIME after resume: a0=0x%lx ret=0x%x a=%lu", r2.a0, a->ret,
	      a->params[0].u.value.a);
	expect_eresume("same token again", r, token);

	/* A second RPC on the same thread: the old token is stale. */
	r2 = start_get_time(ARG_T(0), session);
	if (is_rpc(r2.a0)) {
		struct res r3;

		if ((r2.a3 & 0xff) == (token & 0xff))
			expect_eresume("stale token of the same thread", r,
				       token);
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
/* Lies in RPC answers                                                      */

#define COOKIE_LIES 0x11e5000000000009ull

void attack_rpc_lies(void)
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

	session = t_begin_session("rpc_lies");
	if (!session)
		return;
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
	r = start_get_time(ARG_T(1), session);
	if (is_rpc(r.a0)) {
		a = arg_at(ARG_T(1));
		serve_rpc_msg(rpc_area(ARG_T(1)));
		a->num_params = 0xffffffffu;
		a->cmd = 99;
		a->params[0].attr = OPTEE_MSG_ATTR_TYPE_TMEM_INOUT;
		a->params[0].u.tmem.buf_ptr = SECURE_RAM;
		r = finish_call(resume_rpc(r), rpc_area(ARG_T(1)));
		check(r.a0 == 0 && a->ret == 0 &&
			      a->params[0].u.value.a == RPC_TIME_A &&
			      a->num_params == 1,
		      "arg rewritten during RPC: a0=0x%lx ret=0x%x np=%u", r.a0,
		      a->ret, a->num_params);
	} else {
		check(false, "GET_TIME: no RPC (a0=0x%lx)", r.a0);
	}
	/* The RPC's ret is passed through. */
	r = start_get_time(ARG_T(1), session);
	if (is_rpc(r.a0)) {
		struct optee_msg_arg *m = arg_at(rpc_area(ARG_T(1)));

		m->ret = TEE_ERROR_BUSY;
		r = finish_call(resume_rpc(r), rpc_area(ARG_T(1)));
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
		r = finish_call(regd_call(COOKIE_LIES, 0x1000 - 64), DATA(41));
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
/* Thread exhaustion                                                        */

/* PTA_TEST_CMD_STATS at ARG_MAIN: a = threads, b = thread-limit refusals. */
static struct res call_stats(uint32_t session)
{
	struct optee_msg_arg *a =
		build_invoke(ARG_MAIN, session, PTA_TEST_CMD_STATS, 1);

	a->params[0].attr = OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT;
	return call_pa(OPTEE_SMC_CALL_WITH_ARG, ARG_MAIN);
}

void attack_thread_exhaustion(void)
{
	struct res held[8];
	unsigned int n = 0;
	uint32_t session, limit_before = 0;
	struct optee_msg_arg *a;
	struct res r;
	char detail[64];

	session = t_begin_session("thread_exhaustion");
	if (!session)
		return;
	r = call_stats(session);
	a = arg_at(ARG_MAIN);
	if (r.a0 == 0 && a->ret == 0)
		limit_before = (uint32_t)a->params[0].u.value.b;

	/* Occupy every thread with a call parked in its RPC. */
	for (n = 0; n < 6; n++) {
		r = start_get_time(ARG_T(n), session);
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
	r = smc_arg(OPTEE_SMC_CALL_WITH_RPC_ARG, ARG_T(6));
	check_eq("RPC_ARG over the limit", r.a0,
		 OPTEE_SMC_RETURN_ETHREAD_LIMIT);
	r = regd_call(0x777, 0);
	check(r.a0 == OPTEE_SMC_RETURN_ETHREAD_LIMIT ||
		      r.a0 == OPTEE_SMC_RETURN_EBADADDR,
	      "REGD_ARG over the limit: a0=0x%lx", r.a0);
	r = smc_arg(OPTEE_SMC_CALL_WITH_ARG, SECURE_RAM);
	check(r.a0 == OPTEE_SMC_RETURN_ETHREAD_LIMIT ||
		      r.a0 == OPTEE_SMC_RETURN_EBADADDR,
	      "bad arg over the limit: a0=0x%lx", r.a0);
	/* Fast calls still work. */
	check_alive();
	r = smc(OPTEE_SMC_GET_THREAD_COUNT, 0, 0, 0);
	check_eq("GET_THREAD_COUNT while full", r.a1, NUM_THREADS);

	/* Answer them all, newest first. */
	for (unsigned int i = n; i-- > 0;) {
		r = serve_and_finish(held[i], ARG_T(i));
		a = arg_at(ARG_T(i));
		check(r.a0 == 0 && a->ret == 0 &&
			      a->params[0].u.value.a == RPC_TIME_A,
		      "parked call %u: a0=0x%lx ret=0x%x a=%lu", i, r.a0,
		      a->ret, a->params[0].u.value.a);
	}
	invoke_add(ARG_MAIN, session, 1000, 2000);
	r = call_stats(session);
	a = arg_at(ARG_MAIN);
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
/* Lies in SHM_ALLOC answers (PTA_TEST_CMD_RPC_SHM)                         */

void attack_rpc_alloc_lies(void)
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

	session = t_begin_session("rpc_alloc_lies");
	if (!session)
		return;
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
		a = build_rpc_shm(ARG_T(2), session, size);
		alloc_mode = cases[i].mode;
		alloc_count = free_count = 0;
		freed_cookie = 0;
		r = call_pa(OPTEE_SMC_CALL_WITH_ARG, ARG_T(2));
		if (cases[i].want == 0)
			ok = r.a0 == 0 && a->ret == 0;
		else if (cases[i].want == 1)
			ok = r.a0 == 0 && a->ret != 0 &&
			     a->ret != RET_UNTOUCHED;
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
