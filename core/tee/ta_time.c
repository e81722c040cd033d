/* TA persistent time: not implemented yet. */
#include <tee/ta_time.h>

TEE_Result ta_time_get(uint64_t va)
{
	(void)va;
	return TEE_ERROR_NOT_SUPPORTED;
}

TEE_Result ta_time_set(uint64_t va)
{
	(void)va;
	return TEE_ERROR_NOT_SUPPORTED;
}
