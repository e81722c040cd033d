/*
 * System calls: `svc #0` with the number in x8, arguments in x0..x5 and
 * the result in x0 (inc/rampart/abi/utee.h). The numbers come straight from
 * that header, so this file is the only place that knows the encoding.
 */
#include <rampart/abi/utee.h>

#include "utee_syscalls.h"

static inline unsigned long svc6(unsigned long nr, unsigned long a0,
				 unsigned long a1, unsigned long a2,
				 unsigned long a3, unsigned long a4,
				 unsigned long a5)
{
	register unsigned long x0 __asm__("x0") = a0;
	register unsigned long x1 __asm__("x1") = a1;
	register unsigned long x2 __asm__("x2") = a2;
	register unsigned long x3 __asm__("x3") = a3;
	register unsigned long x4 __asm__("x4") = a4;
	register unsigned long x5 __asm__("x5") = a5;
	register unsigned long x8 __asm__("x8") = nr;

	__asm__ volatile("svc #0"
			 : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3), "+r"(x4),
			   "+r"(x5), "+r"(x8)
			 :
			 : "memory", "cc", "x6", "x7", "x9", "x10", "x11",
			   "x12", "x13", "x14", "x15", "x16", "x17");
	return x0;
}

#define SVC0(nr) svc6((nr), 0, 0, 0, 0, 0, 0)
#define SVC1(nr, a) svc6((nr), (unsigned long)(a), 0, 0, 0, 0, 0)
#define SVC2(nr, a, b)                                                         \
	svc6((nr), (unsigned long)(a), (unsigned long)(b), 0, 0, 0, 0)
#define SVC3(nr, a, b, c)                                                      \
	svc6((nr), (unsigned long)(a), (unsigned long)(b), (unsigned long)(c), \
	     0, 0, 0)

#define SVC5(nr, a, b, c, d, e)                                                \
	svc6((nr), (unsigned long)(a), (unsigned long)(b), (unsigned long)(c), \
	     (unsigned long)(d), (unsigned long)(e), 0)

void _utee_return(unsigned long ret)
{
	SVC1(UTEE_SYS_RETURN, ret);
	__builtin_trap(); /* the core never comes back */
}

TEE_Result _utee_log(const void *buf, size_t len)
{
	return (TEE_Result)SVC2(UTEE_SYS_LOG, buf, len);
}

void _utee_panic(unsigned long code)
{
	SVC1(UTEE_SYS_PANIC, code);
	__builtin_trap();
}

TEE_Result _utee_get_random(void *buf, size_t len)
{
	return (TEE_Result)SVC2(UTEE_SYS_GET_RANDOM, buf, len);
}

TEE_Result _utee_get_time(unsigned long kind, struct utee_time *t)
{
	return (TEE_Result)SVC2(UTEE_SYS_GET_TIME, kind, t);
}

TEE_Result _utee_wait(unsigned long ms)
{
	return (TEE_Result)SVC1(UTEE_SYS_WAIT, ms);
}

TEE_Result _utee_get_cancel_flag(uint32_t *flag)
{
	return (TEE_Result)SVC1(UTEE_SYS_GET_CANCEL_FLAG, flag);
}

TEE_Result _utee_mask_cancel(unsigned long mask, uint32_t *old_mask)
{
	return (TEE_Result)SVC2(UTEE_SYS_MASK_CANCEL, mask, old_mask);
}

TEE_Result _utee_check_access(unsigned long flags, const void *va, size_t len)
{
	return (TEE_Result)SVC3(UTEE_SYS_CHECK_ACCESS, flags, va, len);
}

TEE_Result _utee_open_ta_session(const void *uuid, unsigned long timeout,
				 struct utee_params *p, uint32_t *session,
				 uint32_t *origin)
{
	return (TEE_Result)SVC5(UTEE_SYS_OPEN_TA_SESSION, uuid, timeout, p,
				session, origin);
}

TEE_Result _utee_close_ta_session(unsigned long session)
{
	return (TEE_Result)SVC1(UTEE_SYS_CLOSE_TA_SESSION, session);
}

TEE_Result _utee_invoke_ta_command(unsigned long session, unsigned long timeout,
				   unsigned long cmd, struct utee_params *p,
				   uint32_t *origin)
{
	return (TEE_Result)SVC5(UTEE_SYS_INVOKE_TA_COMMAND, session, timeout,
				cmd, p, origin);
}

TEE_Result _utee_get_client_id(struct utee_identity *id)
{
	return (TEE_Result)SVC1(UTEE_SYS_GET_CLIENT_ID, id);
}

TEE_Result _utee_set_ta_time(const struct utee_time *t)
{
	return (TEE_Result)SVC1(UTEE_SYS_SET_TA_TIME, t);
}

unsigned long _utee_cryp_call(unsigned long nr, unsigned long a0,
			      unsigned long a1, unsigned long a2,
			      unsigned long a3, unsigned long a4,
			      unsigned long a5)
{
	return svc6(nr, a0, a1, a2, a3, a4, a5);
}
