/*
 * Calls from the normal world. The OP-TEE message ABI lives here; until it
 * does, every call is answered as an unknown function.
 */
#include <kernel/cpu.h>
#include <kernel/log.h>

#define OPTEE_SMC_RETURN_UNKNOWN_FUNCTION 0xffffffffu

void core_handle_fast_smc(struct smc_args *args)
{
#ifdef CFG_TEST_PANIC_ON_CALL
	/* Test builds only: proves a dead core fails calls, not Linux. */
	panic("test build: panic on the first Trusted OS call (0x%lx)",
	      args->a[0]);
#endif
	args->a[0] = OPTEE_SMC_RETURN_UNKNOWN_FUNCTION;
}

void core_handle_std_smc(struct smc_args *args)
{
	args->a[0] = OPTEE_SMC_RETURN_UNKNOWN_FUNCTION;
}
