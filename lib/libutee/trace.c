/*
 * Trace output and printf for TAs, all through the LOG system call.
 * Line format (OP-TEE's): "<L>/<prefix>: msg" for errors and info,
 * "<L>/<prefix>:  func:line msg" for debug and flow; <L> is E, I, D or F
 * and <prefix> is trace_ext_prefix ("TA", set by the dev kit).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <trace.h>

#include "utee_syscalls.h"

#define MAX_PRINT_SIZE 256

void trace_ext_puts(const char *str)
{
	_utee_log(str, strlen(str));
}

void trace_set_level(int level)
{
	if (level < 0)
		level = 0;
	if (level > TRACE_MAX)
		level = TRACE_MAX;
	trace_level = level;
}

int trace_get_level(void)
{
	return trace_level;
}

static char level_char(int level)
{
	static const char chars[] = "?EIDF";

	return (level >= TRACE_MIN && level <= TRACE_MAX) ? chars[level] : '?';
}

void trace_printf(const char *func, int line, int level, bool level_ok,
		  const char *fmt, ...)
{
	char buf[MAX_PRINT_SIZE];
	size_t n;
	int r;
	va_list ap;

	if (level_ok && level > trace_level)
		return;
	if (func && (level >= TRACE_DEBUG || !level_ok))
		r = snprintf(buf, sizeof(buf), "%c/%s:  %s:%d ",
			     level_char(level), trace_ext_prefix, func, line);
	else
		r = snprintf(buf, sizeof(buf), "%c/%s: ", level_char(level),
			     trace_ext_prefix);
	n = r < 0 ? 0 : (size_t)r;
	if (n < sizeof(buf) - 1) {
		va_start(ap, fmt);
		r = vsnprintf(buf + n, sizeof(buf) - n, fmt, ap);
		va_end(ap);
		if (r > 0)
			n += (size_t)r;
	}
	/* Exactly one newline at the end, truncating if need be. */
	if (n > sizeof(buf) - 2)
		n = sizeof(buf) - 2;
	while (n && buf[n - 1] == '\n')
		n--;
	buf[n++] = '\n';
	buf[n] = '\0';
	_utee_log(buf, n);
}

int vprintf(const char *fmt, va_list ap)
{
	char buf[MAX_PRINT_SIZE];
	int r = vsnprintf(buf, sizeof(buf), fmt, ap);

	if (r > 0)
		_utee_log(buf, strnlen(buf, sizeof(buf)));
	return r;
}

int printf(const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vprintf(fmt, ap);
	va_end(ap);
	return r;
}

int puts(const char *s)
{
	char buf[MAX_PRINT_SIZE];
	size_t n = strnlen(s, sizeof(buf) - 1);

	/* One LOG call per line: the core logs each call as a line. */
	memcpy(buf, s, n);
	buf[n++] = '\n';
	_utee_log(buf, n);
	return 1;
}

int putchar(int c)
{
	char ch = (char)c;

	_utee_log(&ch, 1);
	return (unsigned char)c;
}
