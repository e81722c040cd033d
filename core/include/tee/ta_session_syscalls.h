/* TA-to-TA sessions (UTEE_SYS_OPEN/CLOSE/INVOKE_TA_*) and the client id. */
#ifndef RAMPART_TEE_TA_SESSION_SYSCALLS_H
#define RAMPART_TEE_TA_SESSION_SYSCALLS_H

#include <stdint.h>
#include <rampart/types.h>

TEE_Result syscall_open_ta_session(const uint64_t a[6]);
TEE_Result syscall_close_ta_session(const uint64_t a[6]);
TEE_Result syscall_invoke_ta_command(const uint64_t a[6]);
TEE_Result syscall_get_client_id(uint64_t va);

#endif
