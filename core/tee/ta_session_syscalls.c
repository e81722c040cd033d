/* TA-to-TA sessions: not implemented yet. */
#include <tee/ta_session_syscalls.h>

TEE_Result syscall_open_ta_session(const uint64_t a[6])
{
	(void)a;
	return TEE_ERROR_NOT_SUPPORTED;
}

TEE_Result syscall_close_ta_session(const uint64_t a[6])
{
	(void)a;
	return TEE_ERROR_NOT_SUPPORTED;
}

TEE_Result syscall_invoke_ta_command(const uint64_t a[6])
{
	(void)a;
	return TEE_ERROR_NOT_SUPPORTED;
}

TEE_Result syscall_get_client_id(uint64_t va)
{
	(void)va;
	return TEE_ERROR_NOT_SUPPORTED;
}
