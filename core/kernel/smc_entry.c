/*
 * Calls from the normal world: fast calls are answered right here on the
 * per-CPU stack; yielding calls go to a secure thread.
 */
#include <kernel/cpu.h>
#include <kernel/log.h>
#include <kernel/thread.h>
#include <rampart/abi/optee_msg.h>
#include <rampart/abi/optee_smc.h>

/* Rampart's own OS UUID 0b5e4b7a-3a5c-4ba5-9d2e-5a3f7c1e0d42, version 0.1. */
#define RAMPART_OS_UUID_0 0x0b5e4b7au
#define RAMPART_OS_UUID_1 0x3a5c4ba5u
#define RAMPART_OS_UUID_2 0x9d2e5a3fu
#define RAMPART_OS_UUID_3 0x7c1e0d42u
#define RAMPART_VERSION_MAJOR 0
#define RAMPART_VERSION_MINOR 1

#define SEC_CAPS                                                               \
	(OPTEE_SMC_SEC_CAP_DYNAMIC_SHM | OPTEE_SMC_SEC_CAP_MEMREF_NULL |       \
	 OPTEE_SMC_SEC_CAP_RPC_ARG)

static void set4(struct smc_args *a, uint64_t a0, uint64_t a1, uint64_t a2,
		 uint64_t a3)
{
	a->a[0] = a0;
	a->a[1] = a1;
	a->a[2] = a2;
	a->a[3] = a3;
}

void core_handle_fast_smc(struct smc_args *args)
{
#ifdef CFG_TEST_PANIC_ON_CALL
	/* Test builds only: proves a dead core fails calls, not Linux. */
	panic("test build: panic on the first Trusted OS call (0x%lx)",
	      args->a[0]);
#endif
	switch ((uint32_t)args->a[0]) {
	case OPTEE_SMC_CALLS_COUNT:
		set4(args, 12, 0, 0, 0);
		break;
	case OPTEE_SMC_CALLS_UID:
		set4(args, OPTEE_MSG_UID_0, OPTEE_MSG_UID_1, OPTEE_MSG_UID_2,
		     OPTEE_MSG_UID_3);
		break;
	case OPTEE_SMC_CALLS_REVISION:
		set4(args, OPTEE_MSG_REVISION_MAJOR, OPTEE_MSG_REVISION_MINOR, 0,
		     0);
		break;
	case OPTEE_SMC_CALL_GET_OS_UUID:
		set4(args, RAMPART_OS_UUID_0, RAMPART_OS_UUID_1,
		     RAMPART_OS_UUID_2, RAMPART_OS_UUID_3);
		break;
	case OPTEE_SMC_CALL_GET_OS_REVISION:
		set4(args, RAMPART_VERSION_MAJOR, RAMPART_VERSION_MINOR, 0, 0);
		break;
	case OPTEE_SMC_EXCHANGE_CAPABILITIES:
		/* Only the uniprocessor hint is a capability we understand. */
		if ((uint32_t)args->a[1] & ~OPTEE_SMC_NSEC_CAP_UNIPROCESSOR)
			set4(args, OPTEE_SMC_RETURN_ENOTAVAIL, SEC_CAPS, 0, 0);
		else
			set4(args, OPTEE_SMC_RETURN_OK, SEC_CAPS, 0,
			     OPTEE_RPC_MAX_PARAMS);
		break;
	case OPTEE_SMC_DISABLE_SHM_CACHE:
		/* No cache is ever kept: always "empty", ending Linux's loop. */
		set4(args, OPTEE_SMC_RETURN_ENOTAVAIL, 0, 0, 0);
		break;
	case OPTEE_SMC_ENABLE_SHM_CACHE:
		set4(args, OPTEE_SMC_RETURN_OK, 0, 0, 0);
		break;
	case OPTEE_SMC_GET_THREAD_COUNT:
		set4(args, OPTEE_SMC_RETURN_OK, thread_count(), 0, 0);
		break;
	case OPTEE_SMC_GET_SHM_CONFIG:
		set4(args, OPTEE_SMC_RETURN_ENOTAVAIL, 0, 0, 0);
		break;
	default:
		set4(args, OPTEE_SMC_RETURN_UNKNOWN_FUNCTION, 0, 0, 0);
		break;
	}
}

void core_handle_std_smc(struct smc_args *args)
{
	thread_handle_std_smc(args);
}
