/*
 * Hostile payload, message addresses and contents: message args at
 * addresses the core must refuse, malformed messages (num_params, cmd,
 * meta attributes, sessions that do not exist) and CALL_WITH_REGD_ARG with
 * bad cookies and offsets.
 */
#include "hostile.h"

/* ------------------------------------------------------------------------ */
/* Bad argument addresses                                                   */

void attack_arg_addresses(void)
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
			struct res r = smc_arg(fids[f], bad[i]);

			fmt_snprintf(what, sizeof(what), "fid 0x%x arg 0x%lx",
				     fids[f], bad[i]);
			check_eq(what, r.a0, OPTEE_SMC_RETURN_EBADADDR);
		}
		/* Address above 4 GiB via a1. */
		struct res r = smc_arg(fids[f], 0x144000000ull);

		fmt_snprintf(what, sizeof(what), "fid 0x%x arg 0x144000000",
			     fids[f]);
		check_eq(what, r.a0, OPTEE_SMC_RETURN_EBADADDR);
	}
	t_end(NULL);
}

/* ------------------------------------------------------------------------ */
/* Malformed messages                                                       */

/* CALL_WITH_ARG of the message at ARG_MAIN: a0 must be 0, ret @want. */
static void call_expect_ret(const char *what, uint32_t want)
{
	struct res r = call_pa(OPTEE_SMC_CALL_WITH_ARG, ARG_MAIN);
	char buf[64];

	fmt_snprintf(buf, sizeof(buf), "%s: a0", what);
	check_eq(buf, r.a0, 0);
	fmt_snprintf(buf, sizeof(buf), "%s: ret", what);
	check_eq(buf, arg_at(ARG_MAIN)->ret, want);
}

void attack_bad_messages(void)
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
		r = smc_arg(OPTEE_SMC_CALL_WITH_ARG, ARG_MAIN);
		fmt_snprintf(what, sizeof(what), "num_params 0x%x", nps[i]);
		check_eq(what, r.a0, OPTEE_SMC_RETURN_EBADCMD);
	}
	for (uint32_t cmd = 6; cmd < 12; cmd++) {
		arg_init(ARG_MAIN, cmd, 0);
		r = smc_arg(OPTEE_SMC_CALL_WITH_ARG, ARG_MAIN);
		fmt_snprintf(what, sizeof(what), "cmd %u", cmd);
		check_eq(what, r.a0, OPTEE_SMC_RETURN_EBADCMD);
	}
	arg_init(ARG_MAIN, 99, 0);
	r = smc_arg(OPTEE_SMC_CALL_WITH_ARG, ARG_MAIN);
	check_eq("cmd 99", r.a0, OPTEE_SMC_RETURN_EBADCMD);
	arg_init(ARG_MAIN, 0xffffffffu, 2);
	r = smc_arg(OPTEE_SMC_CALL_WITH_RPC_ARG, ARG_MAIN);
	check_eq("cmd 0xffffffff (RPC_ARG)", r.a0, OPTEE_SMC_RETURN_EBADCMD);

	/* OPEN_SESSION with only the TA UUID param. */
	build_open(ARG_MAIN);
	a = arg_at(ARG_MAIN);
	a->num_params = 1;
	call_expect_ret("open 1 param", TEE_ERROR_BAD_PARAMETERS);
	/* OPEN_SESSION with 0 params. */
	build_open(ARG_MAIN);
	a->num_params = 0;
	call_expect_ret("open 0 params", TEE_ERROR_BAD_PARAMETERS);
	/* OPEN_SESSION without META on param 0, then on param 1. */
	build_open(ARG_MAIN);
	a->params[0].attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT;
	call_expect_ret("open no META p0", TEE_ERROR_BAD_PARAMETERS);
	build_open(ARG_MAIN);
	a->params[1].attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT;
	call_expect_ret("open no META p1", TEE_ERROR_BAD_PARAMETERS);
	/* OPEN_SESSION with META on a TA param (param 2). */
	build_open(ARG_MAIN);
	a->num_params = 3;
	a->params[2].attr = ATTR_META_VALUE_IN;
	call_expect_ret("open META on TA param", TEE_ERROR_BAD_PARAMETERS);
	/* OPEN_SESSION with 2 meta + 5 TA params (too many for a TA). */
	build_open(ARG_MAIN);
	a->num_params = 7;
	r = smc_arg(OPTEE_SMC_CALL_WITH_ARG, ARG_MAIN);
	check_eq("open 7 params: a0", r.a0, OPTEE_SMC_RETURN_EBADCMD);
	/* Unknown UUID. */
	build_open(ARG_MAIN);
	a->params[0].u.value.a ^= 1;
	call_expect_ret("open unknown UUID", TEE_ERROR_ITEM_NOT_FOUND);
	check_eq("open unknown UUID: session", a->session, 0);

	/* INVOKE / CLOSE on sessions that do not exist. */
	build_add(ARG_MAIN, 0xdead, 1, 2);
	call_expect_ret("invoke session 0xdead", TEE_ERROR_BAD_PARAMETERS);
	build_add(ARG_MAIN, 0, 1, 2);
	call_pa(OPTEE_SMC_CALL_WITH_ARG, ARG_MAIN);
	check_eq("invoke session 0: ret", a->ret, TEE_ERROR_BAD_PARAMETERS);
	arg_init(ARG_MAIN, OPTEE_MSG_CMD_CLOSE_SESSION, 0)->session = 0xdead;
	call_expect_ret("close session 0xdead", TEE_ERROR_BAD_PARAMETERS);
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
/* CALL_WITH_REGD_ARG                                                       */

#define COOKIE_REGD 0xc0ffee0000000005ull

void attack_regd_arg(void)
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
