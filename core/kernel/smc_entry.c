/*
 * Calls from the normal world. The OP-TEE message ABI lives here; until it
 * does, every call is answered as an unknown function.
 */
#include <kernel/cpu.h>

#define OPTEE_SMC_RETURN_UNKNOWN_FUNCTION 0xffffffffu

void core_handle_fast_smc(struct smc_args *args)
{
	args->a[0] = OPTEE_SMC_RETURN_UNKNOWN_FUNCTION;
}

void core_handle_std_smc(struct smc_args *args)
{
	args->a[0] = OPTEE_SMC_RETURN_UNKNOWN_FUNCTION;
}
