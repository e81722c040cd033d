/*
 * Hostile payload, the sequence: runs every attack in order, checks at the
 * end that the core still works, reports and powers off. Also the handler
 * for exceptions taken by the payload itself (a payload bug).
 */
#include "hostile.h"

/* ------------------------------------------------------------------------ */
/* Still alive                                                              */

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
	t_summary();
	con_puts("@@EXIT 0@@\n");
	power_off();
}
