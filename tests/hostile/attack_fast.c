/*
 * Hostile payload, fast calls: the OP-TEE fast calls answered right,
 * unknown, SMC64 and foreign function IDs refused, and PSCI calls with bad
 * arguments.
 */
#include "hostile.h"

/* ------------------------------------------------------------------------ */
/* Fast calls                                                               */

void attack_fast_uid_revision(void)
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
/* Unknown function IDs                                                     */

void attack_unknown_functions(void)
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
/* PSCI calls with bad arguments                                            */

#define PSCI_RET_NOT_SUPPORTED (-1)
#define PSCI_RET_INVALID_PARAMETERS (-2)
#define PSCI_RET_ALREADY_ON (-4)
#define PSCI_RET_INVALID_ADDRESS (-9)

static void check_psci(const char *what, struct res r, int64_t want)
{
	check((int64_t)r.a0 == want, "%s: got %ld, expected %ld", what,
	      (int64_t)r.a0, want);
}

void attack_psci_abuse(void)
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
