/*
 * libutee internal: one function per system call of the core's TA ABI
 * (inc/rampart/abi/utee.h), implemented in utee_syscalls.c. They assume
 * the core preserves x19..x30 and sp across `svc #0`; everything else is
 * treated as clobbered.
 */
#ifndef RAMPART_LIBUTEE_SYSCALLS_H
#define RAMPART_LIBUTEE_SYSCALLS_H

#include <compiler.h>
#include <rampart/abi/utee.h>
#include <stddef.h>
#include <stdint.h>
#include <tee_api_types.h>

void _utee_return(unsigned long ret) __noreturn;
TEE_Result _utee_log(const void *buf, size_t len);
void _utee_panic(unsigned long code) __noreturn;
TEE_Result _utee_get_random(void *buf, size_t len);
TEE_Result _utee_get_time(unsigned long kind, struct utee_time *t);
TEE_Result _utee_wait(unsigned long ms);
TEE_Result _utee_get_cancel_flag(uint32_t *flag);
TEE_Result _utee_mask_cancel(unsigned long mask, uint32_t *old_mask);
TEE_Result _utee_check_access(unsigned long flags, const void *va, size_t len);
TEE_Result _utee_open_ta_session(const void *uuid, unsigned long timeout,
				 struct utee_params *p, uint32_t *session,
				 uint32_t *origin);
TEE_Result _utee_close_ta_session(unsigned long session);
TEE_Result _utee_invoke_ta_command(unsigned long session, unsigned long timeout,
				   unsigned long cmd, struct utee_params *p,
				   uint32_t *origin);
TEE_Result _utee_get_client_id(struct utee_identity *id);
TEE_Result _utee_set_ta_time(const struct utee_time *t);
/* Numbers UTEE_SYS_CRYP_FIRST..LAST: see rampart/abi/utee_cryp.h. */
unsigned long _utee_cryp_call(unsigned long nr, unsigned long a0,
			      unsigned long a1, unsigned long a2,
			      unsigned long a3, unsigned long a4,
			      unsigned long a5);

#endif
