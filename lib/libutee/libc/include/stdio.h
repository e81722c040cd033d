/*
 * Formatted output for TAs. snprintf/vsnprintf format into memory; printf,
 * puts and putchar write to the secure log (the LOG system call) without
 * any prefix. Conversions: d i u o x X c s p %, flags - 0 + space #,
 * width and precision (also *), length modifiers hh h l ll j z t.
 * No floating point (TAs are built with -mgeneral-regs-only).
 */
#ifndef RAMPART_TA_STDIO_H
#define RAMPART_TA_STDIO_H

#include <compiler.h>
#include <stdarg.h>
#include <stddef.h>

#define EOF (-1)

int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
	__printf(3, 0);
int printf(const char *fmt, ...) __printf(1, 2);
int vprintf(const char *fmt, va_list ap) __printf(1, 0);
int puts(const char *s);
int putchar(int c);

#endif
