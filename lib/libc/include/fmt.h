/* A small, bounded printf core: no floating point, no allocation. */
#ifndef LIBC_FMT_H
#define LIBC_FMT_H

#include <stdarg.h>
#include <stddef.h>

/*
 * Formats like vsnprintf for the conversions %d %i %u %x %X %p %s %c %%
 * with flags '0' and '-', a width, and length modifiers l, ll, z.
 * Returns the length the full output would have had; the buffer always
 * ends in a NUL when size > 0.
 */
int fmt_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int fmt_snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
