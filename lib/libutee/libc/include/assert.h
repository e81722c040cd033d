/* assert(): logs the failed expression and panics the TA (unless NDEBUG). */
#ifndef RAMPART_TA_ASSERT_H
#define RAMPART_TA_ASSERT_H

#include <compiler.h>

void __assert_fail(const char *expr, const char *file, int line,
		   const char *func) __noreturn;

#endif

#undef assert
#ifdef NDEBUG
#define assert(expr) ((void)0)
#else
#define assert(expr)                                                           \
	((expr) ? (void)0 : __assert_fail(#expr, __FILE__, __LINE__, __func__))
#endif

#if !defined(__cplusplus) && !defined(static_assert)
#define static_assert _Static_assert
#endif
