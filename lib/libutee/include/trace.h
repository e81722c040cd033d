/*
 * TA tracing. Messages go to the secure log through the LOG system call,
 * prefixed like OP-TEE's: "E/TA: ..." and "I/TA: ..." for errors and info,
 * "D/TA:  function:line ..." and "F/TA:  function:line ..." for debug and
 * flow. The _RAW variants leave out function:line; MSG prints whatever the
 * level.
 *
 * TRACE_LEVEL (the dev kit passes CFG_TEE_TA_LOG_LEVEL, default 2) removes
 * the calls above it at compile time; the variable trace_level (set from
 * the TA's TRACE_LEVEL by the dev kit's user_ta_header.c) filters at run
 * time, also for libutee's own messages.
 */
#ifndef RAMPART_TA_TRACE_H
#define RAMPART_TA_TRACE_H

#include <compiler.h>
#include <stdbool.h>
#include <stddef.h>

#define TRACE_MIN 1
#define TRACE_ERROR 1
#define TRACE_INFO 2
#define TRACE_DEBUG 3
#define TRACE_FLOW 4
#define TRACE_MAX TRACE_FLOW

#ifndef TRACE_LEVEL
#define TRACE_LEVEL TRACE_INFO
#endif

extern int trace_level;
extern const char trace_ext_prefix[];

void trace_printf(const char *func, int line, int level, bool level_ok,
		  const char *fmt, ...) __printf(5, 6);
/* Writes str to the secure log as it is (no prefix, no newline added). */
void trace_ext_puts(const char *str);
void trace_set_level(int level);
int trace_get_level(void);

/* A disabled trace still type-checks its arguments, then vanishes. */
#define __trace_off(...)                                                       \
	do {                                                                   \
		if (0)                                                         \
			trace_printf(NULL, 0, 0, false, __VA_ARGS__);          \
	} while (0)

#define MSG(...)                                                               \
	trace_printf(__func__, __LINE__, TRACE_INFO, false, __VA_ARGS__)
#define MSG_RAW(...) trace_printf(NULL, 0, TRACE_INFO, false, __VA_ARGS__)

#if TRACE_LEVEL >= TRACE_ERROR
#define EMSG(...)                                                              \
	trace_printf(__func__, __LINE__, TRACE_ERROR, true, __VA_ARGS__)
#define EMSG_RAW(...) trace_printf(NULL, 0, TRACE_ERROR, true, __VA_ARGS__)
#else
#define EMSG(...) __trace_off(__VA_ARGS__)
#define EMSG_RAW(...) __trace_off(__VA_ARGS__)
#endif

#if TRACE_LEVEL >= TRACE_INFO
#define IMSG(...)                                                              \
	trace_printf(__func__, __LINE__, TRACE_INFO, true, __VA_ARGS__)
#define IMSG_RAW(...) trace_printf(NULL, 0, TRACE_INFO, true, __VA_ARGS__)
#else
#define IMSG(...) __trace_off(__VA_ARGS__)
#define IMSG_RAW(...) __trace_off(__VA_ARGS__)
#endif

#if TRACE_LEVEL >= TRACE_DEBUG
#define DMSG(...)                                                              \
	trace_printf(__func__, __LINE__, TRACE_DEBUG, true, __VA_ARGS__)
#define DMSG_RAW(...) trace_printf(NULL, 0, TRACE_DEBUG, true, __VA_ARGS__)
#else
#define DMSG(...) __trace_off(__VA_ARGS__)
#define DMSG_RAW(...) __trace_off(__VA_ARGS__)
#endif

#if TRACE_LEVEL >= TRACE_FLOW
#define FMSG(...)                                                              \
	trace_printf(__func__, __LINE__, TRACE_FLOW, true, __VA_ARGS__)
#define FMSG_RAW(...) trace_printf(NULL, 0, TRACE_FLOW, true, __VA_ARGS__)
#else
#define FMSG(...) __trace_off(__VA_ARGS__)
#define FMSG_RAW(...) __trace_off(__VA_ARGS__)
#endif

#define INMSG(...) FMSG("> " __VA_ARGS__)
#define OUTMSG(...) FMSG("< " __VA_ARGS__)
#define OUTRMSG(r)                                                             \
	do {                                                                   \
		OUTMSG("r=[%x]", (unsigned int)(r));                           \
		return r;                                                      \
	} while (0)

#endif
