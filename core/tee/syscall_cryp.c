/* GP cryptographic objects and operations: not implemented yet. */
#include <tee/syscall_cryp.h>

TEE_Result syscall_cryp(uint64_t nr, const uint64_t a[6])
{
	(void)nr;
	(void)a;
	return TEE_ERROR_NOT_SUPPORTED;
}

void syscall_cryp_instance_free(void *state) { (void)state; }
