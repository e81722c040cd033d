/*
 * Hostile payload, a second CPU: CPU 1 rewrites a message while the core
 * reads it, then races CPU 0 to resume the same RPC, then powers off.
 */
#include "hostile.h"

/* ------------------------------------------------------------------------ */
/* A second CPU rewrites the message while the core reads it                */

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

void attack_second_cpu_rewrites_arg(void)
{
	volatile struct optee_msg_arg *a =
		(volatile struct optee_msg_arg *)(uintptr_t)ARG_SMP;
	unsigned int n_ok = 0, n_badparam = 0, n_badcmd = 0, n_badaddr = 0;
	unsigned int n_oom = 0;
	uint32_t session, x = 12345, y = 777;
	uint64_t dl;
	struct res r;
	char detail[128];

	session = t_begin_session("second_cpu_rewrites_arg");
	if (!session)
		return;
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
		r = smc_arg(OPTEE_SMC_CALL_WITH_ARG, ARG_SMP);
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
		if (t_fails() > 10)
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

/* Both CPUs resume the same RPC at once; exactly one may win.              */
void attack_second_cpu_races_resume(void)
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

		r = start_get_time(ARG_T(3), session);
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
		mine = resume_rpc(r).a0;
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
		if (t_fails() > 10)
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
